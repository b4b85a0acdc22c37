package dev.migrata;

import dev.migrata.schema.Backends;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The databases the "on every backend" tests run on: SQLite always, PostgreSQL and MariaDB as soon
 * as a backend for their URLs exists (after the PostgreSQL/MySQL work is merged), on the servers
 * the project's CI provides (PostgreSQL 127.0.0.1:5432 user postgres, MariaDB 127.0.0.1:3306 root,
 * both database {@code test}). Use as {@code @MethodSource("dev.migrata.TestDatabase#all")}.
 *
 * <p>{@link #reset()} gives an empty database; {@link #schema()} describes tables, columns and
 * indexes through JDBC metadata, the same way on every backend, so schemas reached by different
 * migration paths can be compared exactly.
 */
public abstract class TestDatabase {
  /** The list the lead extends: name, URL, user, password. */
  private static final String[][] SERVERS = {
    {"postgresql", "jdbc:postgresql://127.0.0.1:5432/test", "postgres", ""},
    {"mariadb", "jdbc:mariadb://127.0.0.1:3306/test", "root", ""},
  };

  public static Stream<TestDatabase> all() {
    List<TestDatabase> dbs = new ArrayList<>();
    dbs.add(new Sqlite());
    for (String[] s : SERVERS) {
      if (Backends.forUrl(s[1]) != null) {
        dbs.add(new Server(s[0], s[1], s[2], s[3]));
      }
    }
    return dbs.stream();
  }

  public abstract String name();

  public abstract String url();

  public String user() {
    return null;
  }

  public String password() {
    return null;
  }

  /** Drops everything, so the next test starts from an empty database. */
  public abstract void reset() throws SQLException;

  public Connection open() throws SQLException {
    return DriverManager.getConnection(url(), user(), password());
  }

  public Migrata.Configuration configure() {
    return Migrata.configure().jdbcUrl(url(), user(), password());
  }

  @Override
  public String toString() {
    return name();
  }

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

  public List<String> history() throws SQLException {
    return rows("SELECT app, name FROM migrata_migrations ORDER BY id").stream()
        .map(r -> r.replace('|', '.'))
        .toList();
  }

  /** Tables (sorted), each with its columns (sorted: name, type, null) and indexes. */
  public List<String> schema() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = open()) {
      DatabaseMetaData md = c.getMetaData();
      TreeSet<String> tables = new TreeSet<>();
      try (ResultSet rs = md.getTables(c.getCatalog(), schemaPattern(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String t = rs.getString("TABLE_NAME");
          if (!t.startsWith("sqlite_") && !t.equalsIgnoreCase("migrata_migrations")) {
            tables.add(t);
          }
        }
      }
      for (String t : tables) {
        out.add("table " + t);
        TreeSet<String> columns = new TreeSet<>();
        try (ResultSet rs = md.getColumns(c.getCatalog(), schemaPattern(), t, "%")) {
          while (rs.next()) {
            columns.add(
                "  column " + rs.getString("COLUMN_NAME") + " "
                    + rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT) + " "
                    + (rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable ? "null" : "not null"));
          }
        }
        out.addAll(columns);
        TreeMap<String, List<String>> indexes = new TreeMap<>();
        try (ResultSet rs = md.getIndexInfo(c.getCatalog(), schemaPattern(), t, false, false)) {
          while (rs.next()) {
            String name = rs.getString("INDEX_NAME");
            if (name == null || name.startsWith("sqlite_autoindex")) {
              continue;
            }
            indexes.computeIfAbsent(
                    "  index " + name + (rs.getBoolean("NON_UNIQUE") ? "" : " unique"),
                    k -> new ArrayList<>())
                .add(rs.getString("COLUMN_NAME"));
          }
        }
        indexes.forEach((k, v) -> out.add(k + " " + v));
      }
    }
    return out;
  }

  String schemaPattern() {
    return null;
  }

  /** A fresh file per reset, in the JVM's temp directory. */
  static final class Sqlite extends TestDatabase {
    private Path file;

    Sqlite() {
      try {
        file = Files.createTempFile("migrata-test", ".db");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String name() {
      return "sqlite";
    }

    @Override
    public String url() {
      return "jdbc:sqlite:" + file;
    }

    @Override
    public void reset() {
      try {
        Files.deleteIfExists(file);
        file = Files.createTempFile("migrata-test", ".db");
        file.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A shared server database, emptied by dropping every table. */
  static final class Server extends TestDatabase {
    private final String name;
    private final String url;
    private final String user;
    private final String password;

    Server(String name, String url, String user, String password) {
      this.name = name;
      this.url = url;
      this.user = user;
      this.password = password;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String url() {
      return url;
    }

    @Override
    public String user() {
      return user;
    }

    @Override
    public String password() {
      return password;
    }

    @Override
    String schemaPattern() {
      return name.equals("postgresql") ? "public" : null;
    }

    @Override
    public void reset() throws SQLException {
      if (name.equals("postgresql")) {
        exec("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
        return;
      }
      List<String> tables =
          rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'test'");
      List<String> sql = new ArrayList<>();
      sql.add("SET FOREIGN_KEY_CHECKS = 0");
      for (String t : tables) {
        sql.add("DROP TABLE `" + t + "`");
      }
      sql.add("SET FOREIGN_KEY_CHECKS = 1");
      try (Connection c = open();
          Statement st = c.createStatement()) {
        for (String s : sql) {
          st.execute(s);
        }
      }
    }
  }
}
