package dev.migrata.internal.backends.postgresql;

import dev.migrata.internal.backends.base.Introspection;
import dev.migrata.internal.schema.TableShape;
import dev.migrata.internal.state.SequenceState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
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

  private static final String SQL_TABLES =
      "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1";

  /** {@code format_type} spells types as the server does: {@code character varying(200)}. */
  private static final String SQL_COLUMNS =
      "SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull"
          + " FROM pg_attribute a WHERE a.attrelid = to_regclass(?) AND a.attnum > 0"
          + " AND NOT a.attisdropped ORDER BY a.attnum";

  private static final String SQL_PRIMARY_KEY =
      "SELECT a.attname FROM pg_index x JOIN pg_attribute a ON a.attrelid = x.indrelid"
          + " AND a.attnum = ANY(x.indkey) WHERE x.indrelid = to_regclass(?) AND x.indisprimary"
          + " ORDER BY array_position(x.indkey::int2[], a.attnum)";

  /** Columns joined by chr(1), which no identifier here holds. */
  private static final String SQL_ALL_INDEXES =
      "SELECT i.relname, x.indisunique, x.indpred IS NOT NULL,"
          + " pg_get_indexdef(x.indexrelid) LIKE '%pattern_ops%',"
          + " (SELECT string_agg(a.attname, chr(1) ORDER BY k.ord)"
          + " FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, ord)"
          + " JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum"
          // Key columns only: a covering index's INCLUDE columns are not part of its key.
          + " WHERE k.ord <= x.indnkeyatts)"
          + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
          // Expression indexes (an attnum 0) are not compared (see ExpectedSchema).
          + " WHERE x.indrelid = to_regclass(?) AND NOT x.indisprimary"
          + " AND NOT (0 = ANY(x.indkey::int2[])) ORDER BY 1";

  private static final String SQL_FOREIGN_KEYS =
      "SELECT c.conname, a.attname, t.relname, fa.attname, CASE c.confdeltype"
          + " WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT'"
          + " WHEN 'r' THEN 'RESTRICT' ELSE 'NO ACTION' END FROM pg_constraint c"
          + " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]"
          + " JOIN pg_class t ON t.oid = c.confrelid"
          + " JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = c.confkey[1]"
          + " WHERE c.conrelid = to_regclass(?) AND c.contype = 'f' ORDER BY 1";

  private static final String SQL_CHECKS =
      "SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(?) AND contype = 'c'"
          + " ORDER BY 1";

  private static final String SQL_SEQUENCES =
      "SELECT c.relname, s.seqstart, s.seqincrement FROM pg_sequence s"
          + " JOIN pg_class c ON c.oid = s.seqrelid"
          + " JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_depend d"
          + " WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid"
          + " AND d.deptype IN ('a', 'i')) ORDER BY 1";

  /** The columns of the table's unique indexes (an expression's attnum 0 joins no column). */
  private static final String SQL_UNIQUE_INDEX_COLUMNS =
      "SELECT i.relname, a.attname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
          + " JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = ANY(x.indkey::int2[])"
          + " WHERE x.indrelid = to_regclass(?) AND x.indisunique";

  /** One catalog query; the table its unqualified name finds, as the history's statements. */
  @Override
  public boolean hasUniqueIndex(Connection connection, String table, String... columns)
      throws SQLException {
    return uniqueIndexFromCatalog(connection, SQL_UNIQUE_INDEX_COLUMNS, table, columns);
  }

  @Override
  public List<SequenceState> sequences(Connection connection) {
    List<SequenceState> out = new ArrayList<>();
    for (List<String> r : rows(connection, SQL_SEQUENCES)) {
      out.add(
          new SequenceState(
              r.get(0), (int) Long.parseLong(r.get(1)), (int) Long.parseLong(r.get(2))));
    }
    return out;
  }

  @Override
  public List<String> tableNames(Connection connection) {
    return strings(connection, SQL_TABLES);
  }

  @Override
  public TableShape describe(Connection connection, String table) {
    String rel = regclass(table);
    List<TableShape.Column> columns = new ArrayList<>();
    for (List<String> r : rows(connection, SQL_COLUMNS, rel)) {
      columns.add(new TableShape.Column(r.get(0), r.get(1), truthy(r.get(2))));
    }
    List<TableShape.Index> indexes = new ArrayList<>();
    for (List<String> r : rows(connection, SQL_ALL_INDEXES, rel)) {
      List<String> cols = r.get(4) == null ? List.of() : Arrays.asList(r.get(4).split("\u0001"));
      indexes.add(
          new TableShape.Index(
              r.get(0), cols, truthy(r.get(1)), truthy(r.get(2)), truthy(r.get(3))));
    }
    List<TableShape.ForeignKey> keys = new ArrayList<>();
    for (List<String> r : rows(connection, SQL_FOREIGN_KEYS, rel)) {
      keys.add(new TableShape.ForeignKey(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)));
    }
    return new TableShape(
        table,
        columns,
        strings(connection, SQL_PRIMARY_KEY, rel),
        indexes,
        keys,
        strings(connection, SQL_CHECKS, rel));
  }

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
