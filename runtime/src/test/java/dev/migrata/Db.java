package dev.migrata;

import dev.migrata.internal.migration.MigrationDefinition;
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
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database for one test on one backend, with small queries for assertions: a SQLite file
 * in the test's temp directory, or a database created (and dropped by {@link #close}) on the local
 * PostgreSQL or MariaDB server. Off CI an unreachable server skips the test with a hint how to
 * start it; with {@code CI=true} it fails the test.
 */
public final class Db implements AutoCloseable {
  /** The backends the shared scenarios run on. */
  public enum Kind {
    SQLITE,
    POSTGRES,
    MARIADB
  }

  static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  static final String MARIADB_ADMIN = "jdbc:mariadb://127.0.0.1:3306/test?user=root";

  public final Kind kind;
  public final String url;
  private final String name;

  /** A SQLite database file in {@code dir}. */
  public Db(Path dir) {
    this(dir, "test.db");
  }

  /** The SQLite database file {@code file} in {@code dir}. */
  public Db(Path dir, String file) {
    this(Kind.SQLITE, "jdbc:sqlite:" + dir.resolve(file), null);
  }

  private Db(Kind kind, String url, String name) {
    this.kind = kind;
    this.url = url;
    this.name = name;
  }

  /** A new, empty database of {@code kind}; {@code dir} holds SQLite's file. */
  public static Db create(Kind kind, Path dir) {
    if (kind == Kind.SQLITE) {
      return new Db(dir);
    }
    String name = "migrata_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String admin = kind == Kind.POSTGRES ? PG_ADMIN : MARIADB_ADMIN;
    DriverManager.setLoginTimeout(5);
    try (Connection c = DriverManager.getConnection(admin);
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      unreachable(kind, e);
    }
    String url =
        kind == Kind.POSTGRES
            ? "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres"
            : "jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root";
    return new Db(kind, url, name);
  }

  private static void unreachable(Kind kind, SQLException e) {
    String start =
        kind == Kind.POSTGRES
            ? "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
            : "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd";
    String message =
        kind + " is not reachable (" + e.getMessage() + "); start it with: " + start;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(message, e);
    }
    Assumptions.abort(message);
  }

  @Override
  public void close() throws SQLException {
    if (name == null) {
      return;
    }
    try (Connection c =
            DriverManager.getConnection(kind == Kind.POSTGRES ? PG_ADMIN : MARIADB_ADMIN);
        Statement st = c.createStatement()) {
      st.execute(
          kind == Kind.POSTGRES
              ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
              : "DROP DATABASE IF EXISTS " + name);
    }
  }

  public Connection open() throws SQLException {
    return DriverManager.getConnection(url);
  }

  public Migrata.Configuration configure() {
    return Migrata.configure().jdbcUrl(url, null, null);
  }

  /**
   * {@link #configure()} with these migrations instead of an index: the hook is not public API,
   * so tests outside this package reach it here.
   */
  public Migrata.Configuration configure(List<MigrationDefinition> migrations) {
    return configure().migrations(migrations);
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

  /** An identifier quoted for this backend, for hand-written test SQL. */
  public String q(String identifier) {
    return kind == Kind.MARIADB ? "`" + identifier + "`" : "\"" + identifier + "\"";
  }

  public List<String> history() throws SQLException {
    return rows("SELECT app, name FROM migrata_migrations ORDER BY id").stream()
        .map(r -> r.replace('|', '.'))
        .toList();
  }

  private String currentSchema() {
    return kind == Kind.POSTGRES ? "current_schema()" : "DATABASE()";
  }

  public List<String> tables() throws SQLException {
    if (kind == Kind.SQLITE) {
      return rows(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
              + " ORDER BY name");
    }
    return rows(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = "
            + currentSchema() + " ORDER BY table_name");
  }

  /** The columns of a table in order. */
  public List<String> columns(String table) throws SQLException {
    if (kind == Kind.SQLITE) {
      return rows("SELECT name FROM pragma_table_info('" + table + "')");
    }
    return rows(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = "
            + currentSchema() + " AND table_name = '" + table + "' ORDER BY ordinal_position");
  }

  /** {@code name type NULL|NOT NULL} for each column, as the database describes it. */
  public List<String> columnDefinitions(String table) throws SQLException {
    if (kind == Kind.SQLITE) {
      return rows(
          "SELECT name || ' ' || lower(type) || ' ' || CASE \"notnull\" WHEN 1 THEN 'NOT NULL'"
              + " ELSE 'NULL' END FROM pragma_table_info('" + table + "')");
    }
    String type = kind == Kind.POSTGRES ? "data_type" : "column_type";
    return rows(
        "SELECT concat(column_name, ' ', " + type + ", CASE WHEN character_maximum_length IS"
            + " NOT NULL AND " + (kind == Kind.POSTGRES ? "true" : "false")
            + " THEN concat('(', character_maximum_length, ')') ELSE '' END, ' ',"
            + " CASE is_nullable WHEN 'YES' THEN 'NULL' ELSE 'NOT NULL' END)"
            + " FROM information_schema.columns WHERE table_schema = " + currentSchema()
            + " AND table_name = '" + table + "' ORDER BY ordinal_position");
  }

  /** The index names of a table (constraint-backing indexes too), sorted. */
  public List<String> indexes(String table) throws SQLException {
    switch (kind) {
      case SQLITE:
        return rows(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '" + table
                + "' AND name NOT LIKE 'sqlite_%' ORDER BY name");
      case POSTGRES:
        return rows(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename"
                + " = '" + table + "' AND indexname NOT LIKE '%_pkey' ORDER BY indexname");
      default:
        return rows(
            "SELECT DISTINCT index_name FROM information_schema.statistics WHERE table_schema ="
                + " DATABASE() AND table_name = '" + table + "' AND index_name <> 'PRIMARY'"
                + " ORDER BY index_name");
    }
  }

  /**
   * Everything about the schema a failed migration must not change: tables, column definitions,
   * indexes, and on the servers the named constraints.
   */
  public List<String> schema() throws SQLException {
    if (kind == Kind.SQLITE) {
      return rows(
          "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master"
              + " WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
    }
    List<String> out = new ArrayList<>();
    for (String table : tables()) {
      out.add("table " + table);
      columnDefinitions(table).forEach(c -> out.add("  column " + c));
      indexes(table).forEach(i -> out.add("  index " + i));
    }
    out.addAll(
        rows(
            kind == Kind.POSTGRES
                ? "SELECT 'constraint ' || conname FROM pg_constraint c JOIN pg_namespace n ON"
                    + " n.oid = c.connamespace WHERE n.nspname = current_schema() ORDER BY 1"
                : "SELECT concat('constraint ', table_name, '.', constraint_name, ' ',"
                    + " constraint_type) FROM information_schema.table_constraints WHERE"
                    + " table_schema = DATABASE() ORDER BY 1"));
    return out;
  }

  /**
   * Tables (sorted, without the history table), each with its columns (sorted: name, type, null)
   * and indexes, read through JDBC metadata the same way on every backend, so that schemas reached
   * by different migration paths (the originals and their squash) can be compared exactly.
   */
  public List<String> portableSchema() throws SQLException {
    String schemaPattern = kind == Kind.POSTGRES ? "public" : null;
    List<String> out = new ArrayList<>();
    try (Connection c = open()) {
      DatabaseMetaData md = c.getMetaData();
      TreeSet<String> tables = new TreeSet<>();
      try (ResultSet rs =
          md.getTables(c.getCatalog(), schemaPattern, "%", new String[] {"TABLE"})) {
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
        try (ResultSet rs = md.getColumns(c.getCatalog(), schemaPattern, t, "%")) {
          while (rs.next()) {
            columns.add(
                "  column " + rs.getString("COLUMN_NAME") + " "
                    + rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT) + " "
                    + (rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable
                        ? "null"
                        : "not null"));
          }
        }
        out.addAll(columns);
        TreeMap<String, List<String>> indexes = new TreeMap<>();
        try (ResultSet rs = md.getIndexInfo(c.getCatalog(), schemaPattern, t, false, false)) {
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

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
