package dev.migrata.samples.jpa.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** {@code AUTO} (the default strategy): Hibernate's {@code invoice_line_seq}, increment 50. */
@Entity
public class InvoiceLine {
  @Id @GeneratedValue public Long id;

  @ManyToOne(optional = false)
  public Invoice invoice;

  @Column(nullable = false)
  public String description;

  public int quantity;
}
