package dev.migrata;

import dev.migrata.migration.MigrationKey;
import java.time.Duration;

/** Progress of a migrate run, as Django's executor progress callback (the CLI prints it). */
public interface MigrationListener {
  /** Backwards runs compute the state before each migration first. */
  default void renderingStates() {}

  default void started(MigrationKey migration, boolean backwards) {}

  default void finished(MigrationKey migration, boolean backwards, boolean faked, Duration took) {}

  MigrationListener NONE = new MigrationListener() {};
}
