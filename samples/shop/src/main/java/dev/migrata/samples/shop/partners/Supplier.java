package dev.migrata.samples.shop.partners;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.ForeignKey;
import dev.migrata.annotations.Model;
import dev.migrata.annotations.OnDelete;
import dev.migrata.samples.shop.products.Product;

@Model(table = "partners_vendor", comment = "Who we buy from")
public class Supplier {
  @Field(maxLength = 100)
  String name;

  /** The product shown first for this supplier: products point back here, a cross-app cycle. */
  @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true)
  Product featured;
}
