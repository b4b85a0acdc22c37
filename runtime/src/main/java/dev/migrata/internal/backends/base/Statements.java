package dev.migrata.internal.backends.base;

import dev.migrata.schema.SchemaException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one migration's statements go: run on the connection, in the migration's transaction where
 * there is one, or recorded in collect mode (sqlmigrate). Remembers what ran, which is what a
 * failed migration leaves behind where DDL cannot roll back.
 */
final class Statements {
  /** Every statement a migration runs, at DEBUG (sqlmigrate's collected SQL is not logged). */
  private static final Logger SQL = LoggerFactory.getLogger("dev.migrata.sql");

  private final Connection connection;
  private final boolean collect;
  private final List<String> collected = new ArrayList<>();
  private final List<String> executed = new ArrayList<>();

  /** A statement to send in the next one's round trip ({@link #sendWithNext}); null when none. */
  private String withNext;

  Statements(Connection connection, boolean collect) {
    this.connection = connection;
    this.collect = collect;
  }

  void begin(boolean transaction) throws SQLException {
    if (!collect && transaction) {
      connection.setAutoCommit(false);
    }
  }

  void commit() throws SQLException {
    if (!collect && !connection.getAutoCommit()) {
      connection.commit();
      connection.setAutoCommit(true);
    }
  }

  void rollback() {
    if (collect) {
      return;
    }
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      // The original failure is what the user must see; a failed rollback adds nothing to it.
    }
  }

  /** Whether statements run inside the migration's transaction (not in autocommit). */
  boolean inTransaction() {
    try {
      return !connection.getAutoCommit();
    } catch (SQLException e) {
      return true; // unknown: do not retry
    }
  }

  /**
   * Sends {@code setting} (PostgreSQL's {@code SET LOCAL lock_timeout}) ahead of the next
   * statement, in the same round trip: one {@code execute} of both, which the driver sends as two
   * statements in one message (issue 16: a round trip per migration less). {@link #sendPending}
   * runs it alone if no statement came. Not for collect mode.
   */
  void sendWithNext(String setting) {
    withNext = setting;
  }

  /** Runs what {@link #sendWithNext} left, if no statement has taken it yet. */
  void sendPending() throws SQLException {
    if (withNext != null) {
      String setting = withNext;
      withNext = null;
      SQL.debug("{}", setting);
      try (Statement st = connection.createStatement()) {
        st.execute(setting);
      }
    }
  }

  /** Runs one statement, or records it (with its {@code ;}) in collect mode. */
  void execute(String statement) {
    if (collect) {
      collected.add(statement + ";");
      return;
    }
    String sent = statement;
    if (withNext != null) {
      // The setting is Migrata's own valid SET; a failure of the pair is the statement's (it did
      // not run either way), so the statement alone is named and recorded, as before.
      SQL.debug("{}", withNext);
      sent = withNext + ";\n" + statement;
      withNext = null;
    }
    SQL.debug("{}", statement);
    try (Statement st = connection.createStatement()) {
      st.execute(sent);
    } catch (SQLException e) {
      throw new SchemaException(statement, e, ServerHints.of(e));
    }
    executed.add(statement);
  }

  /** Adds a line to the collected SQL as it is (sqlmigrate's {@code --} comments). */
  void comment(String line) {
    collected.add(line);
  }

  List<String> collected() {
    return collected;
  }

  List<String> executed() {
    return executed;
  }
}
