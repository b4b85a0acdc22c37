package dev.migrata.internal.backends.postgresql;

import dev.migrata.schema.SchemaException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The index a failed {@code CREATE INDEX CONCURRENTLY} leaves behind: PostgreSQL keeps it, marked
 * {@code indisvalid = false}, unused by queries but maintained on every write, and its name blocks
 * the next build.
 */
final class InvalidIndexes {
  private static final String QUERY =
      "SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
          + " WHERE c.relname = ? AND NOT i.indisvalid AND pg_catalog.pg_table_is_visible(c.oid)";

  private InvalidIndexes() {}

  /** Whether the search path holds an index {@code name} that is not valid. */
  static boolean isInvalid(Connection connection, String name) {
    try (PreparedStatement st = connection.prepareStatement(QUERY)) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new SchemaException(QUERY, e);
    }
  }
}
