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
   * One operation of {@code migration} has run ({@code index} counts from 0 in the migration's
   * order; backwards runs go from the last). {@code description} is its {@code describe()} line.
   * The CLI's {@code -v 2} prints each with its time.
   */
  default void operationFinished(
      MigrationKey migration, int index, String description, boolean backwards, Duration took) {}

  /**
   * Long work: an operation has been running for {@code running} (reported once it passes the
   * progress interval, five seconds, and then every interval). {@code rows} is how many rows it has
   * done so far where it counts them (a SQLite table rebuild's copy, a RunJava row-API batch), else
   * -1. May be called from Migrata's progress thread.
   */
  default void progress(MigrationKey migration, String description, long rows, Duration running) {}

  /**
   * {@link #progress(MigrationKey, String, long, Duration)} with the {@code total} of rows the work
   * has (a RunJava backfill in a non-atomic migration counts them first), -1 when unknown; in a
   * non-atomic migration the {@code rows} reported are committed. By default it calls the
   * four-argument form, so a listener implements either.
   */
  default void progress(
      MigrationKey migration, String description, long rows, long total, Duration running) {
    progress(migration, description, rows, running);
  }

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
