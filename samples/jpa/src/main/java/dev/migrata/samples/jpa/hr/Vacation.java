package dev.migrata.samples.jpa.hr;

import jakarta.persistence.Entity;

/** Table {@code vacation}: {@link Leave}'s columns and its own. */
@Entity
public class Vacation extends Leave {
  public int days;
}
