package dev.migrata.samples.jpa.hr;

import jakarta.persistence.ConstraintMode;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import java.util.HashSet;
import java.util.Set;

/**
 * The owner of a bidirectional many-to-many: table {@code project_members}, whose owner column is
 * named after the inverse attribute ({@code projects_id}), as JPA says. Its lead's foreign key has
 * the name Hibernate's export gives it too ({@code @ForeignKey(name)}); its sponsor's column has no
 * constraint at all ({@code NO_CONSTRAINT}, Django's {@code db_constraint=False}).
 */
@Entity
public class Project {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String name;

  @ManyToMany public Set<Employee> members = new HashSet<>();

  @ManyToOne
  @JoinColumn(name = "lead_id", foreignKey = @ForeignKey(name = "fk_project_lead"))
  public Employee lead;

  @ManyToOne
  @JoinColumn(foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
  public Person sponsor;
}
