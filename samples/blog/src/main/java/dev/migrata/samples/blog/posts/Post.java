package dev.migrata.samples.blog.posts;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.ForeignKey;
import dev.migrata.annotations.ManyToMany;
import dev.migrata.annotations.Model;
import dev.migrata.annotations.OnDelete;
import dev.migrata.annotations.Unique;
import dev.migrata.samples.blog.accounts.Author;
import java.time.Instant;
import java.util.Set;

/** A blog post: a slug unique per author (Django's {@code unique_together}). */
@Model(
    verboseName = "blog post",
    verboseNamePlural = "blog posts",
    ordering = {"-published", "title"})
@Unique(fields = {"author", "slug"})
public class Post {
  @Field(maxLength = 200, verboseName = "title")
  String title;

  @Field(type = "SlugField", maxLength = 200)
  String slug;

  @Field(defaultValue = "draft")
  Status status;

  /** Explicit choices whose values are not Java identifiers, the empty one included. */
  @Field(
      maxLength = 7,
      defaultValue = "",
      blank = true,
      choices = {"=Unspecified", "en=English", "fr=French", "pt-br=Brazilian Portuguese"})
  String language;

  @Field(type = "TextField", blank = true, defaultValue = "")
  String body;

  /** Django's PositiveIntegerField: CHECK ("views" >= 0), UNSIGNED on MariaDB. */
  @Field(type = "PositiveIntegerField", defaultValue = "0", editable = false)
  int views;

  /** Added in 0002: Django's PositiveSmallIntegerField, existing posts get 0. */
  @Field(type = "PositiveSmallIntegerField", defaultValue = "0", verboseName = "reading time")
  short readingMinutes;

  @Field(nullable = true, blank = true)
  Instant published;

  @Field(editable = false, autoNowAdd = true)
  Instant created;

  @Field(autoNow = true)
  Instant modified;

  @ForeignKey(onDelete = OnDelete.CASCADE)
  Author author;

  @ManyToMany Set<Tag> tags;
}
