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

  /** "Le Guin, Ursula K." for sorting; filled for existing rows by 0006_fill_author_sort_name. */
  @Field(maxLength = 200, defaultValue = "")
  String sortName;
}
