package dev.migrata.samples.jpa.hr;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;

/** Table {@code laptop}: key {@code id} (a foreign key to {@code asset.id}) and its own columns. */
@Entity
public class Laptop extends Asset {
  public String model;

  @ManyToOne public Employee holder;
}
