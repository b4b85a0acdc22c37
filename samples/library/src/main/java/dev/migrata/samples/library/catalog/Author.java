package dev.migrata.samples.library.catalog;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.Model;
import dev.migrata.samples.library.Timestamped;

@Model
public class Author extends Timestamped {
  @Field(maxLength = 100)
  String name;

  @Field(nullable = true)
  Integer birthYear;
}
