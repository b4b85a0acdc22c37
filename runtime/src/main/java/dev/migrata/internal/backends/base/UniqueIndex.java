package dev.migrata.internal.backends.base;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a table has a unique index on exactly some columns (a unique constraint shows as its
 * index on every backend). Names compare case-insensitively, as the catalogs fold them differently.
 * {@link #metadata} asks JDBC metadata; a backend's catalog query gives {@link #matches} its
 * (index, column) rows instead.
 */
final class UniqueIndex {
  private UniqueIndex() {}

  /** Whether some index among the (index name, column name) {@code rows} is on {@code columns}. */
  static boolean matches(List<List<String>> rows, String... columns) {
    Map<String, Set<String>> indexes = new HashMap<>();
    for (List<String> row : rows) {
      if (row.get(0) != null && row.get(1) != null) {
        indexes
            .computeIfAbsent(row.get(0), k -> new TreeSet<>())
            .add(row.get(1).toLowerCase(Locale.ROOT));
      }
    }
    return indexes.containsValue(lower(columns));
  }

  /** From {@code DatabaseMetaData.getIndexInfo}: a backend without a catalog query of its own. */
  static boolean metadata(Connection connection, String table, String... columns)
      throws SQLException {
    Set<String> wanted = lower(columns);
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

  private static Set<String> lower(String... columns) {
    Set<String> out = new TreeSet<>();
    for (String column : columns) {
      out.add(column.toLowerCase(Locale.ROOT));
    }
    return out;
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
