package dev.migrata.annotations.migration;

/**
 * Whether MySQL and MariaDB run a migration's schema statements with online DDL clauses ({@code
 * ALGORITHM=INSTANT}, or {@code ALGORITHM=INPLACE, LOCK=NONE}), so that the server refuses a change
 * it could only make by copying the table under a lock. PostgreSQL and SQLite ignore it.
 */
public enum OnlineDdl {
  /** As the app says ({@code @App(mysqlOnlineDdl = true)}), or the runtime's configuration. */
  DEFAULT,
  /** On for this migration, whatever the app and the configuration say. */
  ON,
  /**
   * Off for this migration, whatever the app and the configuration say: for a change the server can
   * only make by copying the table, once that is acceptable.
   */
  OFF
}
