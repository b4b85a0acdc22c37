package dev.migrata.samples.jpa.hr;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;

/**
 * The abstract root of a TABLE_PER_CLASS hierarchy: no table of its own; each concrete subclass's
 * table repeats these columns. Ids are assigned (Hibernate refuses identity keys here).
 */
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Leave {
  @Id public String ref;

  public LocalDate startsOn;

  @ManyToOne(optional = false)
  public Employee employee;
}
