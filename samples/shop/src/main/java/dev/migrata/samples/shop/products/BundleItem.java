package dev.migrata.samples.shop.products;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.ForeignKey;
import dev.migrata.annotations.Model;
import dev.migrata.annotations.Unique;

@Model
@Unique(fields = {"bundle", "product"})
public class BundleItem {
  @ForeignKey
  Bundle bundle;

  @ForeignKey
  Product product;

  @Field(defaultValue = "1")
  int quantity;
}
