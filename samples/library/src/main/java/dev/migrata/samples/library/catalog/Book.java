package dev.migrata.samples.library.catalog;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.ForeignKey;
import dev.migrata.annotations.Index;
import dev.migrata.annotations.Model;
import dev.migrata.annotations.OnDelete;
import dev.migrata.samples.library.Timestamped;
import java.time.LocalDate;

@Model
@Index(fields = {"published", "author"})
public class Book extends Timestamped {
  @Field(maxLength = 200, renamedFrom = "name")
  String title;

  @Field(nullable = true)
  LocalDate published;

  @ForeignKey(onDelete = OnDelete.CASCADE)
  Author author;

  @Field(defaultValue = "0")
  int rating;
}
