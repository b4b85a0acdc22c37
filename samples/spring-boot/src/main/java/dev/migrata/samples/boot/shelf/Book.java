package dev.migrata.samples.boot.shelf;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.ForeignKey;
import dev.migrata.annotations.Model;
import dev.migrata.annotations.OnDelete;
import java.time.LocalDate;

@Model
public class Book {
  @Field(maxLength = 200)
  String title;

  @Field(nullable = true)
  LocalDate published;

  @ForeignKey(onDelete = OnDelete.CASCADE)
  Author author;

  @Field(defaultValue = "0")
  int rating;
}
