package dev.migrata.samples.jpa.audit;

import dev.migrata.annotations.Field;
import dev.migrata.annotations.ForeignKey;
import dev.migrata.annotations.Model;
import dev.migrata.annotations.OnDelete;
import dev.migrata.samples.jpa.store.Book;
import java.time.Instant;

/** A {@code @Model} of another app pointing to an entity: both kinds live in one project. */
@Model
public class AuditEntry {
  @ForeignKey(onDelete = OnDelete.CASCADE)
  Book book;

  @Field(maxLength = 40)
  String action;

  @Field Instant at;
}
