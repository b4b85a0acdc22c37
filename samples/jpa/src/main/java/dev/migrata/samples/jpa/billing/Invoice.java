package dev.migrata.samples.jpa.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbered from a named sequence: {@code invoice_number_seq}, starting at 1000, 20 numbers per
 * round trip (Hibernate's pooled optimizer takes the increment as its block).
 */
@Entity
public class Invoice {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_number")
  @SequenceGenerator(
      name = "invoice_number",
      sequenceName = "invoice_number_seq",
      initialValue = 1000,
      allocationSize = 20)
  public Long id;

  @Column(nullable = false, length = 120)
  public String customer;

  @Column(precision = 12, scale = 2)
  public BigDecimal total;

  public LocalDate issuedOn;

  @OneToMany(mappedBy = "invoice")
  public List<InvoiceLine> lines = new ArrayList<>();
}
