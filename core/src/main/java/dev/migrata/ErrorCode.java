package dev.migrata;

/** Every failure Migrata reports, one constant each, as Flyway's error codes. */
public enum ErrorCode {
  /** No connection settings, or a JDBC URL no backend accepts. */
  CONFIGURATION,
  /** The migration index could not be read or parsed. */
  BAD_INDEX,
  /** An app label that has no migrations. */
  UNKNOWN_APP,
  /** A migration name or prefix that matches no migration. */
  UNKNOWN_MIGRATION,
  /** A migration prefix that matches more than one migration. */
  AMBIGUOUS_MIGRATION,
  /**
   * A dependency or run-before naming a migration that does not exist (Django's NodeNotFoundError).
   */
  NODE_NOT_FOUND,
  /** Migrations that depend on each other in a cycle. */
  CIRCULAR_DEPENDENCY,
  /** Two leaf migrations in one app. */
  CONFLICT,
  /** An applied migration whose dependency is not applied. */
  INCONSISTENT_HISTORY,
  /** A plan that would both apply and unapply migrations. */
  INVALID_PLAN,
  /** Unapplying an operation that cannot be reversed. */
  IRREVERSIBLE,
  /** A migration failed; the database is as before it. */
  MIGRATION_FAILED,
  /** The history table could not be created or read. */
  HISTORY,
  /** Another process holds the migration lock for longer than the timeout. */
  LOCK_TIMEOUT,
  /** Any other database failure. */
  DATABASE,
  /**
   * No migration index on the class path, or a history naming an app the index lacks: the
   * annotation processor did not run (or the build failed).
   */
  NO_INDEX,
  /**
   * A run's lease on the migration lock ran out or was taken over (a cluster lease not renewed in
   * time); the run stopped before its next migration.
   */
  LOCK_LOST,
  /**
   * An applied migration was edited since: its recorded checksum differs from its definition's.
   * Nothing ran; {@code migrate --accept-changed APP NAME} records the current one.
   */
  CHANGED_MIGRATION
}
