package com.example.inventory;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.Model;

@Model
public class Item {
  @Field(maxLength = 50, unique = true)
  String sku;
}
