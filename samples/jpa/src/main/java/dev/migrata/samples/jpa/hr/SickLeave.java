package dev.migrata.samples.jpa.hr;

import jakarta.persistence.Entity;

/** Table {@code sick_leave}: {@link Leave}'s columns and its own. */
@Entity
public class SickLeave extends Leave {
  public boolean certified;
}
