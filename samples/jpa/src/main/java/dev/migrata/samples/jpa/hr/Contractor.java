package dev.migrata.samples.jpa.hr;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.math.BigDecimal;

/**
 * Added after {@code 0001_initial}: a new subclass of the single table, so the history shows an
 * inheritance change as Hibernate sees it (new nullable columns on {@code person}).
 */
@Entity
public class Contractor extends Person {
  @Column(length = 60)
  public String agency;

  @Column(precision = 8, scale = 2)
  public BigDecimal dailyRate;
}
