package dev.migrata.samples.shop.partners;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.Model;

@Model
public class Customer {
  @Field(maxLength = 100)
  String name;

  /** Friends who recommended the shop: a self-referencing many-to-many. */
  @dev.migrata.annotations.ManyToMany
  java.util.Set<Customer> referrals;

  @dev.migrata.annotations.ManyToMany(table = "partners_favourites")
  java.util.Set<dev.migrata.samples.shop.products.Product> favourites;
}
