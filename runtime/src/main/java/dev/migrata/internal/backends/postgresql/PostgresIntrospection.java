package dev.migrata.internal.backends.postgresql;

import dev.migrata.internal.backends.base.Introspection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** PostgreSQL's catalog: {@code to_regclass}, {@code pg_constraint}, {@code pg_index}. */
final class PostgresIntrospection extends Introspection {
  private static final String SQL_CONSTRAINTS =
      "SELECT c.conname FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid"
          + " AND a.attnum = c.conkey[1] WHERE c.conrelid = to_regclass(?) AND a.attname = ?"
          + " AND array_length(c.conkey, 1) = 1 AND c.contype = '{type}'";

  /** Single-column indexes that are not a constraint; {@code {like}}: the pattern-ops ones. */
  private static final String SQL_INDEXES =
      "SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
          + " JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0]"
          + " WHERE x.indrelid = to_regclass(?) AND a.attname = ? AND x.indnatts = 1"
          + " AND NOT x.indisunique AND NOT x.indisprimary"
          + " AND (pg_get_indexdef(x.indexrelid) LIKE '%pattern_ops%') = {like}";

  @Override
  public boolean tableExists(Connection connection, String table) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      ps.setString(1, regclass(table));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  @Override
  public List<String> constraintNames(
      Connection connection, String table, String column, NameKind kind) {
    String sql =
        switch (kind) {
          case FOREIGN_KEY -> SQL_CONSTRAINTS.replace("{type}", "f");
          case UNIQUE -> SQL_CONSTRAINTS.replace("{type}", "u");
          case INDEX -> SQL_INDEXES.replace("{like}", "false");
          case LIKE -> SQL_INDEXES.replace("{like}", "true");
          case CHECK -> SQL_CONSTRAINTS.replace("{type}", "c");
        };
    return strings(connection, sql, regclass(table), column);
  }

  /** A table name as {@code to_regclass} reads it: quoted, so that case and dots are kept. */
  private static String regclass(String table) {
    if (table.startsWith("\"") && table.endsWith("\"")) {
      return table;
    }
    return '"' + table.replace("\"", "\"\"") + '"';
  }
}
