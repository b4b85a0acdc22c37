package dev.migrata.spring.notes;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.Model;

@Model
public class Note {
  @Field(maxLength = 100)
  String title;

  @Field(defaultValue = "0")
  int stars;
}
