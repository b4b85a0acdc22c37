package dev.migrata.samples.jpa.hr;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A subclass of the single table: its columns are nullable, other people's rows leave them out. */
@Entity
public class Employee extends Person {
  @Column(nullable = false, length = 40)
  public String title;

  /** Table {@code employee_skills}: {@code employee_id}, {@code skills}, {@code skills_order}. */
  @ElementCollection @OrderColumn public List<String> skills = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "employee_phones", joinColumns = @JoinColumn(name = "owner_id"))
  public Set<Phone> phones = new HashSet<>();

  @ManyToMany(mappedBy = "members")
  public Set<Project> projects = new HashSet<>();
}
