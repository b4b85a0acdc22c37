package dev.migrata.samples.jpa.store;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;

@Entity
@Table(name = "customers")
@Comment("People who buy books")
public class Customer extends BaseEntity {
  /** Was 120 long: the third migration widens it. */
  @Column(nullable = false, length = 160)
  public String fullName;

  public Boolean active = Boolean.TRUE;

  /**
   * Added later with a database default, so existing rows get 0 (the fifth migration), a check and
   * a column comment (Hibernate's annotations); the sixth fills it in for active customers.
   */
  @Column(nullable = false)
  @ColumnDefault("0")
  @Check(constraints = "loyalty_points >= 0")
  @Comment("Points earned by purchases")
  public int loyaltyPoints;

  @Embedded
  @AttributeOverride(name = "street", column = @Column(name = "billing_street", length = 200))
  @AttributeOverride(name = "city", column = @Column(name = "billing_city", length = 100))
  @AttributeOverride(name = "postalCode", column = @Column(name = "billing_zip", length = 10))
  public Address billing;
}
