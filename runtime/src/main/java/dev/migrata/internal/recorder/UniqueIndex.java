package dev.migrata.internal.recorder;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a table has a unique index on exactly some columns, from JDBC metadata (a unique
 * constraint shows as its index on every backend). Names compare case-insensitively, as the
 * catalogs fold them differently.
 */
final class UniqueIndex {
  private UniqueIndex() {}

  static boolean exists(Connection connection, String table, String... columns)
      throws SQLException {
    Set<String> wanted = new TreeSet<>();
    for (String column : columns) {
      wanted.add(column.toLowerCase(Locale.ROOT));
    }
    DatabaseMetaData meta = connection.getMetaData();
    String catalog = connection.getCatalog();
    String schema = schema(connection);
    for (String candidate : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
      Map<String, Set<String>> indexes = new HashMap<>();
      try (ResultSet rs = meta.getIndexInfo(catalog, schema, candidate, true, false)) {
        while (rs.next()) {
          String index = rs.getString("INDEX_NAME");
          String column = rs.getString("COLUMN_NAME");
          if (index != null && column != null && !rs.getBoolean("NON_UNIQUE")) {
            indexes
                .computeIfAbsent(index, k -> new TreeSet<>())
                .add(column.toLowerCase(Locale.ROOT));
          }
        }
      }
      if (indexes.containsValue(wanted)) {
        return true;
      }
    }
    return false;
  }

  /** The connection's current schema, where the driver knows it (PostgreSQL's search path). */
  private static String schema(Connection connection) {
    try {
      return connection.getSchema();
    } catch (SQLException | AbstractMethodError e) {
      return null;
    }
  }
}
