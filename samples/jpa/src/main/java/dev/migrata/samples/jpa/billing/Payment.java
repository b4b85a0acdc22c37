package dev.migrata.samples.jpa.billing;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

/**
 * {@code SEQUENCE} without a generator, on an {@code Integer} key: Hibernate's {@code payment_seq},
 * increment 50, and an {@code integer} key column.
 */
@Entity
public class Payment {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  public Integer id;

  @ManyToOne(optional = false)
  public Invoice invoice;

  public BigDecimal amount;
}
