package dev.migrata.internal.executor;

import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.backends.base.LockRetry;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RunJava;
import dev.migrata.internal.operations.SeparateDatabaseAndState;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

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

  /**
   * Sets the timeout for migration {@code m}: in a transaction where only the editor's statements
   * reach the database, as {@code SET LOCAL} sent with the editor's first statement (one round trip
   * less a run; the editor sends it alone before the history row if no statement came); else, and
   * where RunJava's code uses the connection itself, as a statement of its own first.
   */
  static void set(
      Connection connection,
      BaseSchemaEditor editor,
      MigrationDefinition m,
      LockRetry retry,
      boolean transactional)
      throws SQLException {
    if (transactional && retry.limitsLocks() && onlyEditorStatements(m.operations())) {
      editor.sendWithNextStatement(setSql(retry, true));
    } else {
      set(connection, retry, transactional);
    }
  }

  /** Whether no operation (nested ones too) runs Java code that may use the connection itself. */
  static boolean onlyEditorStatements(List<Operation> ops) {
    for (Operation op : ops) {
      if (op instanceof RunJava
          || (op instanceof SeparateDatabaseAndState s
              && !onlyEditorStatements(s.databaseOperations()))) {
        return false;
      }
    }
    return true;
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
