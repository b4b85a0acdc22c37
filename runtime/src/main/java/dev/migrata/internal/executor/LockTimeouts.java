package dev.migrata.internal.executor;

import dev.migrata.internal.backends.base.LockRetry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL's {@code lock_timeout} for one migration: {@code SET LOCAL} inside its transaction
 * (the commit or rollback ends it), or a session {@code SET} reset afterwards where it runs outside
 * one. sqlmigrate's script shows the same statements ({@link SqlCollector}).
 */
final class LockTimeouts {
  static final String RESET = "RESET lock_timeout";

  private LockTimeouts() {}

  /** The statement that sets the timeout: {@code SET LOCAL} inside a transaction. */
  static String setSql(LockRetry retry, boolean transactional) {
    return (transactional ? "SET LOCAL" : "SET") + " lock_timeout = " + retry.lockTimeoutSql();
  }

  static void set(Connection connection, LockRetry retry, boolean transactional)
      throws SQLException {
    if (retry.limitsLocks()) {
      run(connection, setSql(retry, transactional));
    }
  }

  static void reset(Connection connection, LockRetry retry) throws SQLException {
    if (retry.limitsLocks()) {
      run(connection, RESET);
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
