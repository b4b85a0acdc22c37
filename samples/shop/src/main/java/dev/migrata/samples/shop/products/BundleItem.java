package dev.migrata.samples.shop.products;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.ForeignKey;
import dev.migrata.annotations.Model;
import dev.migrata.annotations.OnDelete;
import dev.migrata.annotations.Unique;

@Model
@Unique(fields = {"bundle", "product"})
public class BundleItem {
  @ForeignKey(onDelete = OnDelete.CASCADE)
  Bundle bundle;

  @ForeignKey(onDelete = OnDelete.CASCADE)
  Product product;

  @Field(defaultValue = "1")
  int quantity;
}
