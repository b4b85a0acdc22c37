package dev.migrata;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A SQLite file in a test's temp directory, with small queries for assertions. */
public final class Db {
  public final String url;

  public Db(Path dir) {
    this.url = "jdbc:sqlite:" + dir.resolve("test.db");
  }

  public Connection open() throws SQLException {
    return DriverManager.getConnection(url);
  }

  /** Every row of a query, columns joined by {@code |}. */
  public List<String> rows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = open();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cols = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          cols.add(String.valueOf(rs.getObject(i)));
        }
        out.add(String.join("|", cols));
      }
    }
    return out;
  }

  public void exec(String... sql) throws SQLException {
    try (Connection c = open();
        Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  /** The schema as sqlite_master holds it (tables and indexes), sorted, for exact comparisons. */
  public List<String> schema() throws SQLException {
    return rows(
        "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master"
            + " WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
  }

  public List<String> history() throws SQLException {
    return rows("SELECT app || '.' || name FROM migrata_migrations ORDER BY id");
  }

  public List<String> tables() throws SQLException {
    return rows(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            + " ORDER BY name");
  }
}
