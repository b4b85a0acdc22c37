package dev.migrata.samples.jpa.hr;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * The root of a SINGLE_TABLE hierarchy (JPA's default): employees and contractors share its table,
 * told apart by Hibernate's {@code dtype} column.
 */
@Entity
public class Person {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, length = 80)
  public String name;
}
