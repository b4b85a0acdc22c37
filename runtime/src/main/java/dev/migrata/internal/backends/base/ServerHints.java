package dev.migrata.internal.backends.base;

import java.sql.SQLException;

/**
 * What to do about a server's refusal that its own message does not explain. MariaDB's Galera
 * refuses a table without a primary key with "Galera replication not supported" and nothing else.
 */
final class ServerHints {
  /** MariaDB's ER_GALERA_REPLICATION_NOT_SUPPORTED. */
  static final int GALERA_REPLICATION_NOT_SUPPORTED = 4165;

  private ServerHints() {}

  /** A sentence for the user, or {@code null} when the server's message says enough. */
  static String of(SQLException e) {
    if (e.getErrorCode() == GALERA_REPLICATION_NOT_SUPPORTED) {
      return "This server is a Galera cluster node that refuses tables without a primary key"
          + " (wsrep_mode=REQUIRED_PRIMARY_KEY), because Galera cannot replicate their rows"
          + " safely. Give the table a primary key (every Migrata model has one; this table comes"
          + " from RunSql or a hand-written statement)";
    }
    return null;
  }
}
