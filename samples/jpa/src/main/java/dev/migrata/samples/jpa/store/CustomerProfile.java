package dev.migrata.samples.jpa.store;

import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
public class CustomerProfile extends BaseEntity {
  @OneToOne(optional = false)
  @JoinColumn(name = "customer_id")
  public Customer customer;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  public String bio;
}
