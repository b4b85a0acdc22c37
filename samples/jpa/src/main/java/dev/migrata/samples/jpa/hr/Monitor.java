package dev.migrata.samples.jpa.hr;

import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;

/** A joined subclass whose key column is named: {@code asset_id}. */
@Entity
@PrimaryKeyJoinColumn(name = "asset_id")
public class Monitor extends Asset {
  public int inches;
}
