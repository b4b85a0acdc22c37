package dev.migrata.samples.jpa.hr;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import java.util.HashSet;
import java.util.Set;

/**
 * The owner of a bidirectional many-to-many: table {@code project_members}, whose owner column is
 * named after the inverse attribute ({@code projects_id}), as JPA says.
 */
@Entity
public class Project {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String name;

  @ManyToMany public Set<Employee> members = new HashSet<>();
}
