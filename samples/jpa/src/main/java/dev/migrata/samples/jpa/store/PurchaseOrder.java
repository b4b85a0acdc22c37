package dev.migrata.samples.jpa.store;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "orders")
public class PurchaseOrder extends BaseEntity {
  @ManyToOne(optional = false)
  public Customer customer;

  public LocalDateTime placedAt;

  @OneToMany(mappedBy = "order")
  public List<OrderLine> lines = new ArrayList<>();
}
