package dev.migrata.samples.jpa.hr;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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

  /** Table {@code employee_links}: {@code employee_id}, key {@code site}, value {@code url}. */
  @ElementCollection
  @MapKeyColumn(name = "site", length = 20)
  @Column(name = "url", length = 200)
  public Map<String, String> links = new TreeMap<>();

  @ManyToMany(mappedBy = "members")
  public Set<Project> projects = new HashSet<>();
}
