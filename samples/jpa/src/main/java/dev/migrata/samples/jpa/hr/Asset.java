package dev.migrata.samples.jpa.hr;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** The root of a JOINED hierarchy: each subclass has a table keyed by this one's key. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class Asset {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @jakarta.persistence.Column(nullable = false, length = 60)
  public String label;
}
