package dev.migrata.samples.shop.products;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.ForeignKey;
import dev.migrata.annotations.ManyToMany;
import dev.migrata.annotations.Model;
import dev.migrata.annotations.OnDelete;
import dev.migrata.samples.shop.partners.Supplier;
import java.util.Set;

@Model
@dev.migrata.annotations.Check(name = "price_not_negative", condition = "price >= 0")
public class Product {
  @Field(maxLength = 200)
  String name;

  @Field(type = "dev.migrata.samples.shop.fields.MoneyField", defaultValue = "0")
  java.math.BigDecimal price;

  @ForeignKey(onDelete = OnDelete.PROTECT)
  Supplier supplier;

  @ManyToMany
  Set<Tag> tags;

  @Field(nullable = true, helpText = "Shown on the shop front")
  String description;
}
