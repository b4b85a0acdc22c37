package dev.migrata.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

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
   */
  MigrationLock lock(Connection connection, Duration timeout) throws SQLException;

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
