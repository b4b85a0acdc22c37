package dev.migrata.samples.blog.posts;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.Model;

@Model(ordering = {"name"})
public class Tag {
  @Field(maxLength = 50, unique = true)
  String name;

  @Field(type = "SlugField", unique = true)
  String slug;
}
