package dev.migrata.internal.backends;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One database vendor: which JDBC URLs it takes, its schema editor, its migration lock and the
 * little introspection the runtime needs. A PostgreSQL or MySQL backend implements this and a
 * {@link BaseSchemaEditor} subclass, and is listed in {@link Backends}.
 */
public interface Backend {
  /** Short name, e.g. {@code sqlite}. */
  String vendor();

  /** Whether this backend handles connections made with {@code jdbcUrl}. */
  boolean accepts(String jdbcUrl);

  /** A schema editor for one migration on {@code connection} ({@code null} when collecting). */
  BaseSchemaEditor editor(Connection connection, boolean collect);

  /** Per-connection settings before anything runs (e.g. SQLite's busy timeout). */
  default void prepare(Connection connection) throws SQLException {}

  /**
   * Takes the whole-run migration lock, waiting up to {@code timeout}; several processes migrating
   * one database then apply each migration once.
   *
   * @param connection the connection the migrations run on
   * @param dedicated opens a connection of the lock's own, for backends whose lock belongs to a
   *     session: a transaction on the migration connection can then neither release nor block it
   * @param waiting told once, with what is known of the holder, when another run holds the lock
   */
  MigrationLock lock(
      Connection connection, ConnectionOpener dedicated, Duration timeout, Consumer<String> waiting)
      throws SQLException;

  /** Opens a connection to the database being migrated. */
  @FunctionalInterface
  interface ConnectionOpener {
    Connection open() throws SQLException;
  }

  /** Whether a table exists. */
  default boolean tableExists(Connection connection, String table) throws SQLException {
    try (var rs = connection.getMetaData().getTables(null, null, table, null)) {
      while (rs.next()) {
        if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
          return true;
        }
      }
      return false;
    }
  }
}
