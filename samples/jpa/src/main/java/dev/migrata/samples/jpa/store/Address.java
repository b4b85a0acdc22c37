package dev.migrata.samples.jpa.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A postal address, embedded in the entities that have one. */
@Embeddable
public class Address {
  @Column(length = 200)
  public String street;

  @Column(length = 100)
  public String city;

  @Column(name = "zip", length = 10)
  public String postalCode;
}
