package dev.migrata.internal.executor;

import dev.migrata.internal.backends.base.LockRetry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL's {@code lock_timeout} for one migration: {@code SET LOCAL} inside its transaction
 * (the commit or rollback ends it), or a session {@code SET} reset afterwards where it runs outside
 * one. Not part of sqlmigrate's script: it is configuration, not the migration.
 */
final class LockTimeouts {
  private LockTimeouts() {}

  static void set(Connection connection, LockRetry retry, boolean transactional)
      throws SQLException {
    if (retry.limitsLocks()) {
      run(
          connection,
          (transactional ? "SET LOCAL" : "SET") + " lock_timeout = " + retry.lockTimeoutSql());
    }
  }

  static void reset(Connection connection, LockRetry retry) throws SQLException {
    if (retry.limitsLocks()) {
      run(connection, "RESET lock_timeout");
    }
  }

  /** After a failure: the failure is what the user must see, not a failed reset. */
  static void resetQuietly(Connection connection, LockRetry retry) {
    try {
      reset(connection, retry);
    } catch (SQLException e) {
      // the connection may be gone; nothing to add to the original failure
    }
  }

  private static void run(Connection connection, String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }
}
