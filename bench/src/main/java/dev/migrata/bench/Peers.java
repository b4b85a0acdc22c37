package dev.migrata.bench;

import dev.migrata.Migrata;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationIndex;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The same history for Flyway and Liquibase: each migration's SQL as Migrata prints it for the
 * backend ({@code sqlmigrate}, without BEGIN/COMMIT), one {@code V<n>__<name>.sql} per migration
 * and one changeset per migration in a formatted-SQL changelog. So the three tools run the same
 * DDL, and their schemas can be compared ({@link #checkSameSchema}).
 */
record Peers(Path flywayDir, Path changelog) {
  private static final Set<String> HISTORY_TABLES =
      Set.of(
          "migrata_migrations",
          "flyway_schema_history",
          "databasechangelog",
          "databasechangeloglock");

  static Peers write(Path root, String migrataUrl, Path indexDir, int n) throws Exception {
    ClassLoader index =
        new URLClassLoader(new URL[] {indexDir.toUri().toURL()}, Bench.class.getClassLoader());
    List<MigrationDefinition> migrations = MigrationIndex.load(index);
    Migrata m = Migrata.configure().jdbcUrl(migrataUrl, null, null).classLoader(index).load();
    Path flyway = Files.createDirectories(root.resolve("flyway"));
    StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n\n");
    int i = 0;
    for (MigrationDefinition d : migrations) {
      i++;
      String sql = ddl(m.sqlMigrate(d.app(), d.name(), false));
      Files.writeString(flyway.resolve("V" + i + "__" + d.name() + ".sql"), sql);
      changelog.append("--changeset bench:").append(i).append('\n').append(sql).append('\n');
    }
    if (i != n) {
      throw new IllegalStateException("the index has " + i + " migrations, not " + n);
    }
    Path file = root.resolve("liquibase/changelog.sql");
    Files.createDirectories(file.getParent());
    Files.writeString(file, changelog);
    return new Peers(flyway, file);
  }

  /** The statements of a sqlmigrate script, without its transaction and comments. */
  private static String ddl(String script) {
    StringBuilder out = new StringBuilder();
    for (String line : script.split("\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("--") || t.equals("BEGIN;") || t.equals("COMMIT;")) {
        continue;
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }

  void applyFlyway(String url) {
    org.flywaydb.core.Flyway.configure()
        .dataSource(url, null, null)
        .locations("filesystem:" + flywayDir)
        .load()
        .migrate();
  }

  /**
   * Liquibase's set-up apply, in this JVM, kept out of the results on standard output: its line per
   * changeset goes to its logger, and its update summary (printed to standard output) to standard
   * error.
   */
  void applyLiquibase(String url) throws Exception {
    java.io.PrintStream out = System.out;
    System.setOut(System.err);
    try {
      liquibase.Scope.child(
          liquibase.Scope.Attr.ui,
          new liquibase.ui.LoggerUIService(),
          () -> StartupProbe.liquibase(url, changelog));
    } finally {
      System.setOut(out);
    }
  }

  /** Fails unless every tool's database has the same tables and columns (type, nullability). */
  static void checkSameSchema(Map<String, String> urls) throws Exception {
    Map<String, String> first = null;
    String firstTool = null;
    for (Map.Entry<String, String> e : urls.entrySet()) {
      Map<String, String> schema = schema(e.getValue());
      if (first == null) {
        first = schema;
        firstTool = e.getKey();
        if (schema.isEmpty()) {
          throw new IllegalStateException(e.getKey() + " left no tables");
        }
      } else if (!first.equals(schema)) {
        throw new IllegalStateException(
            "the schemas differ: " + firstTool + " " + first + " vs " + e.getKey() + " " + schema);
      }
    }
  }

  static Map<String, String> schema(String url) throws Exception {
    Map<String, String> tables = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url)) {
      DatabaseMetaData meta = c.getMetaData();
      String schema = url.startsWith("jdbc:postgresql:") ? "public" : null;
      String catalog = url.startsWith("jdbc:mariadb:") ? c.getCatalog() : null;
      List<String> names = new java.util.ArrayList<>();
      try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          names.add(rs.getString("TABLE_NAME"));
        }
      }
      // Table by table: SQLite's driver answers "%" with one compound SELECT over every table.
      for (String name : names) {
        String table = name.toLowerCase(Locale.ROOT);
        if (HISTORY_TABLES.contains(table) || table.startsWith("sqlite_")) {
          continue;
        }
        try (ResultSet rs = meta.getColumns(catalog, schema, name, "%")) {
          while (rs.next()) {
            tables.merge(
                table,
                rs.getString("COLUMN_NAME")
                    + " "
                    + rs.getString("TYPE_NAME")
                    + " "
                    + rs.getString("IS_NULLABLE"),
                (a, b) -> a + ", " + b);
          }
        }
      }
    }
    return tables;
  }
}
