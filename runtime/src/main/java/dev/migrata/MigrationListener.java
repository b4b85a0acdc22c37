package dev.migrata;

import dev.migrata.internal.migration.MigrationKey;
import java.time.Duration;

/** Progress of a migrate run, as Django's executor progress callback (the CLI prints it). */
public interface MigrationListener {
  /** Backwards runs compute the state before each migration first. */
  default void renderingStates() {}

  default void started(MigrationKey migration, boolean backwards) {}

  default void finished(MigrationKey migration, boolean backwards, boolean faked, Duration took) {}

  /**
   * Another run holds the migration lock; this one waits up to the lock timeout. {@code holder}
   * says what the database knows of it (a PostgreSQL pid, a MySQL connection id, a lock file).
   */
  default void waitingForLock(String holder, Duration timeout) {}

  /**
   * A DDL statement of {@code migration} waited longer than the DDL lock timeout (PostgreSQL's
   * {@code lock_timeout}); attempt {@code attempt} (2 for the first retry) starts after {@code
   * pause}. An atomic migration is retried whole, a statement outside a transaction alone.
   */
  default void retryingAfterLockTimeout(MigrationKey migration, int attempt, Duration pause) {}

  MigrationListener NONE = new MigrationListener() {};
}
