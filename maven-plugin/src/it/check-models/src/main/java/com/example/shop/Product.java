package com.example.shop;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.Model;

@Model
public class Product {
  @Field(maxLength = 100)
  String name;

  // Added after 0001_initial, without a migration.
  @Field(nullable = true)
  Integer stock;
}
