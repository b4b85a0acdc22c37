package dev.migrata.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain JDBC for seeding and reading rows between migration steps: values bound as parameters,
 * identifiers quoted for the backend, every call on a connection of its own (committed).
 */
final class Rows {
  private final TestDatabase database;

  Rows(TestDatabase database) {
    this.database = database;
  }

  String quote(String identifier) {
    String q = database.vendor().equals("mysql") ? "`" : "\"";
    return q + identifier.replace(q, q + q) + q;
  }

  /** Inserts one row; the generated key when the table has one, else {@code null}. */
  Object insert(String table, Map<String, ?> values) {
    List<String> columns = new ArrayList<>();
    List<String> marks = new ArrayList<>();
    for (String column : values.keySet()) {
      columns.add(quote(column));
      marks.add("?");
    }
    String sql =
        values.isEmpty()
            ? "INSERT INTO "
                + quote(table)
                + (database.vendor().equals("mysql") ? " () VALUES ()" : " DEFAULT VALUES")
            : "INSERT INTO "
                + quote(table)
                + " ("
                + String.join(", ", columns)
                + ") VALUES ("
                + String.join(", ", marks)
                + ")";
    try (Connection c = database.open();
        PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      bind(ps, new ArrayList<>(values.values()).toArray());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        return keys.next() ? keys.getObject(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot insert into " + table + ": " + e.getMessage(), e);
    }
  }

  /** Every row of a query, each as column label to value, in the query's column order. */
  List<Map<String, Object>> query(String sql, Object... params) {
    try (Connection c = database.open();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        List<Map<String, Object>> out = new ArrayList<>();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            row.put(md.getColumnLabel(i), rs.getObject(i));
          }
          out.add(row);
        }
        return out;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Query failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  /** Runs a statement; how many rows it changed. */
  int execute(String sql, Object... params) {
    try (Connection c = database.open();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      ps.execute();
      return Math.max(ps.getUpdateCount(), 0);
    } catch (SQLException e) {
      throw new IllegalStateException("Statement failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
  }
}
