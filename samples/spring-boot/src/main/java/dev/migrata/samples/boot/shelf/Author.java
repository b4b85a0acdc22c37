package dev.migrata.samples.boot.shelf;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.Model;

@Model
public class Author {
  @Field(maxLength = 100)
  String name;
}
