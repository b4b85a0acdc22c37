package dev.migrata.samples.library;

import dev.migrata.annotations.Field;
import java.time.Instant;

/** Not a model: its fields are inherited by every model that extends it (a Django abstract model). */
public abstract class Timestamped {
  @Field(nullable = true)
  protected Instant createdAt;
}
