package dev.migrata.samples.jpa.store;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "customers")
public class Customer extends BaseEntity {
  /** Was 120 long: the third migration widens it. */
  @Column(nullable = false, length = 160)
  public String fullName;

  public Boolean active = Boolean.TRUE;

  @Embedded
  @AttributeOverride(name = "street", column = @Column(name = "billing_street", length = 200))
  @AttributeOverride(name = "city", column = @Column(name = "billing_city", length = 100))
  @AttributeOverride(name = "postalCode", column = @Column(name = "billing_zip", length = 10))
  public Address billing;
}
