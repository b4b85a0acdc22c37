package dev.migrata.samples.jpa.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;

@Entity
public class Publisher extends BaseEntity {
  @Column(nullable = false)
  public String name;

  @Embedded public Address address;
}
