package dev.migrata.samples.jpa.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

@Entity
public class OrderLine extends BaseEntity {
  @ManyToOne(optional = false)
  public PurchaseOrder order;

  @ManyToOne(optional = false)
  public Book book;

  public int quantity;

  @Column(nullable = false, precision = 10, scale = 2)
  public BigDecimal unitPrice;
}
