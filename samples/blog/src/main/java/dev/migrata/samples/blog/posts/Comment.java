package dev.migrata.samples.blog.posts;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.ForeignKey;
import dev.migrata.annotations.Model;
import dev.migrata.annotations.OnDelete;
import java.time.Instant;

/** A reader's comment, added in step 2 of the blog's evolution (0002). */
@Model(ordering = {"created"})
public class Comment {
  @ForeignKey(onDelete = OnDelete.CASCADE)
  Post post;

  @Field(maxLength = 80)
  String name;

  @Field(type = "EmailField", blank = true, defaultValue = "")
  String email;

  /** Django's GenericIPAddressField: inet on PostgreSQL, char(39) elsewhere. */
  @Field(type = "GenericIPAddressField", nullable = true, blank = true, editable = false)
  String ip;

  @Field(type = "TextField")
  String body;

  @Field(defaultValue = "false")
  boolean approved;

  @Field(editable = false, autoNowAdd = true)
  Instant created;
}
