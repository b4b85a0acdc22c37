package dev.migrata.samples.blog.accounts;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.Model;

/** A writer, as a Django project's {@code accounts.Author}. */
@Model(
    verboseName = "author",
    verboseNamePlural = "authors",
    ordering = {"name"})
public class Author {
  @Field(maxLength = 150)
  String name;

  /** Django's EmailField: varchar(254). */
  @Field(type = "EmailField", unique = true)
  String email;

  /** Django's SlugField: varchar(50) with an index (and a {@code _like} index on PostgreSQL). */
  @Field(type = "SlugField")
  String slug;

  /** Django's URLField: varchar(200); blank in forms. */
  @Field(type = "URLField", nullable = true, blank = true)
  String website;

  /** Added in step 3: a blank-able text; existing authors get the empty string. */
  @Field(type = "TextField", blank = true, defaultValue = "")
  String bio;
}
