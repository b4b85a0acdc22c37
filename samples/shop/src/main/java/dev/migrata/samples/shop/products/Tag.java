package dev.migrata.samples.shop.products;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.Model;

@Model
public class Tag {
  @Field(maxLength = 50, unique = true)
  String name;
}
