package dev.migrata.samples.jpa.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

@Entity
public class Author extends BaseEntity {
  @Column(nullable = false, length = 100)
  public String name;

  @Column(unique = true)
  public String email;

  public java.time.LocalDate bornOn;
}
