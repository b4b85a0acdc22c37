package dev.migrata.samples.library.lending;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.Model;

@Model
public class Member {
  @Field(maxLength = 100)
  String name;

  @Field(maxLength = 254, unique = true)
  String email;
}
