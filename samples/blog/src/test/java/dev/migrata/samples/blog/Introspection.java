package dev.migrata.samples.blog;

import dev.migrata.test.MigrationTester;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the database itself says about a table, read from each backend's catalogue (SQLite's pragmas
 * and {@code sqlite_master}, PostgreSQL's {@code information_schema} and {@code pg_catalog},
 * MariaDB's {@code information_schema}), so the sample's tests check the DDL each feature left
 * rather than Migrata's own view of it.
 */
final class Introspection {
  private final MigrationTester tester;
  private final String vendor;

  Introspection(MigrationTester tester) {
    this.tester = tester;
    this.vendor = tester.database().vendor();
  }

  String vendor() {
    return vendor;
  }

  /** The column's type as the backend spells it, lowercased: {@code varchar(254)}, ... */
  String columnType(String table, String column) {
    List<Map<String, Object>> rows =
        switch (vendor) {
          case "sqlite" ->
              tester.query(
                  "SELECT type AS t FROM pragma_table_info(?) WHERE name = ?", table, column);
          case "postgresql" ->
              tester.query(
                  "SELECT format_type(a.atttypid, a.atttypmod) AS t FROM pg_attribute a WHERE"
                      + " a.attrelid = to_regclass(?) AND a.attname = ? AND NOT a.attisdropped",
                  "public." + table,
                  column);
          default ->
              tester.query(
                  "SELECT column_type AS t FROM information_schema.columns"
                      + " WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?",
                  table,
                  column);
        };
    if (rows.isEmpty()) {
      throw new AssertionError("No column " + table + "." + column + " on " + vendor);
    }
    return String.valueOf(rows.get(0).values().iterator().next()).toLowerCase(Locale.ROOT);
  }

  /** The names of the table's indexes (unique ones and those behind unique constraints too). */
  List<String> indexNames(String table) {
    String sql =
        switch (vendor) {
          case "sqlite" -> "SELECT name FROM pragma_index_list(?)";
          case "postgresql" ->
              "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = ?";
          default ->
              "SELECT DISTINCT index_name FROM information_schema.statistics"
                  + " WHERE table_schema = DATABASE() AND table_name = ?";
        };
    return firstColumn(tester.query(sql, table));
  }

  /**
   * The table's check constraints as text: PostgreSQL's and MariaDB's definitions with their names,
   * SQLite's whole {@code CREATE TABLE} statement (where its checks live).
   */
  String checks(String table) {
    List<Map<String, Object>> rows =
        switch (vendor) {
          case "sqlite" -> tester.query("SELECT sql FROM sqlite_master WHERE name = ?", table);
          case "postgresql" ->
              tester.query(
                  "SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
                      + " WHERE conrelid = to_regclass(?) AND contype = 'c'",
                  "public." + table);
          default ->
              tester.query(
                  "SELECT CONCAT(constraint_name, ' ', check_clause) FROM"
                      + " information_schema.check_constraints"
                      + " WHERE constraint_schema = DATABASE() AND table_name = ?",
                  table);
        };
    return String.join("\n", firstColumn(rows));
  }

  private static List<String> firstColumn(List<Map<String, Object>> rows) {
    return rows.stream()
        .map(row -> String.valueOf(row.values().iterator().next()))
        .collect(Collectors.toList());
  }
}
