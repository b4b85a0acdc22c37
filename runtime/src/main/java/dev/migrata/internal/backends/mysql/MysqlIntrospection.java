package dev.migrata.internal.backends.mysql;

import dev.migrata.internal.backends.base.Introspection;
import dev.migrata.internal.schema.TableShape;
import dev.migrata.internal.state.SequenceState;
import dev.migrata.schema.SchemaException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MySQL's and MariaDB's catalog: {@code information_schema} of the current database. */
final class MysqlIntrospection extends Introspection {
  private static final String SQL_TABLE =
      "SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE()"
          + " AND table_name = ?";

  private static final String SQL_FOREIGN_KEYS =
      "SELECT constraint_name FROM information_schema.key_column_usage"
          + " WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?"
          + " AND referenced_table_name IS NOT NULL";

  /** Single-column indexes on the column: unique ones for UNIQUE, the others for INDEX. */
  private static final String SQL_INDEXES =
      "SELECT s.index_name FROM information_schema.statistics s"
          + " WHERE s.table_schema = DATABASE() AND s.table_name = ? AND s.column_name = ?"
          + " AND s.index_name <> 'PRIMARY' AND s.non_unique = {nonUnique}"
          + " AND (SELECT count(*) FROM information_schema.statistics o"
          + " WHERE o.table_schema = s.table_schema AND o.table_name = s.table_name"
          + " AND o.index_name = s.index_name) = 1";

  private static final String SQL_INDEXES_STARTING_WITH =
      "SELECT DISTINCT index_name FROM information_schema.statistics"
          + " WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?"
          + " AND seq_in_index = 1";

  private static final String SQL_TABLES =
      "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
          + " AND table_type = 'BASE TABLE' ORDER BY 1";

  /** {@code column_type} is the server's spelling: {@code int(11)}, {@code tinyint(1)}. */
  private static final String SQL_COLUMNS =
      "SELECT column_name, column_type, is_nullable FROM information_schema.columns"
          + " WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position";

  private static final String SQL_ALL_INDEXES =
      "SELECT index_name, non_unique, column_name FROM information_schema.statistics"
          + " WHERE table_schema = DATABASE() AND table_name = ? ORDER BY index_name, seq_in_index";

  private static final String SQL_ALL_FOREIGN_KEYS =
      "SELECT k.constraint_name, k.column_name, k.referenced_table_name,"
          + " k.referenced_column_name, r.delete_rule FROM information_schema.key_column_usage k"
          + " JOIN information_schema.referential_constraints r"
          + " ON r.constraint_schema = k.table_schema AND r.table_name = k.table_name"
          + " AND r.constraint_name = k.constraint_name"
          + " WHERE k.table_schema = DATABASE() AND k.table_name = ?"
          + " AND k.referenced_table_name IS NOT NULL"
          + " ORDER BY k.constraint_name, k.ordinal_position";

  private static final String SQL_CHECKS =
      "SELECT constraint_name FROM information_schema.table_constraints"
          + " WHERE table_schema = DATABASE() AND table_name = ? AND constraint_type = 'CHECK'"
          + " ORDER BY 1";

  private static final String SQL_SEQUENCES =
      "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
          + " AND table_type = 'SEQUENCE' ORDER BY 1";

  private static final String SQL_UNIQUE_INDEX_COLUMNS =
      "SELECT index_name, column_name FROM information_schema.statistics"
          + " WHERE table_schema = DATABASE() AND table_name = ? AND non_unique = 0";

  /** One catalog query instead of the driver's metadata. */
  @Override
  public boolean hasUniqueIndex(Connection connection, String table, String... columns)
      throws SQLException {
    return uniqueIndexFromCatalog(connection, SQL_UNIQUE_INDEX_COLUMNS, table, columns);
  }

  /** MariaDB's sequences (MySQL has none): each one's start and increment from its own row. */
  @Override
  public List<SequenceState> sequences(Connection connection) {
    List<SequenceState> out = new ArrayList<>();
    for (String name : strings(connection, SQL_SEQUENCES)) {
      List<List<String>> row =
          rows(connection, "SELECT start_value, increment FROM `" + name.replace("`", "``") + "`");
      out.add(
          new SequenceState(
              name,
              (int) Long.parseLong(row.get(0).get(0)),
              (int) Long.parseLong(row.get(0).get(1))));
    }
    return out;
  }

  @Override
  public List<String> tableNames(Connection connection) {
    return strings(connection, SQL_TABLES);
  }

  @Override
  public TableShape describe(Connection connection, String table) {
    List<TableShape.Column> columns = new ArrayList<>();
    for (List<String> r : rows(connection, SQL_COLUMNS, table)) {
      columns.add(new TableShape.Column(r.get(0), r.get(1), "YES".equalsIgnoreCase(r.get(2))));
    }
    List<String> primaryKey = new ArrayList<>();
    Map<String, List<String>> indexColumns = new LinkedHashMap<>();
    Map<String, Boolean> unique = new LinkedHashMap<>();
    for (List<String> r : rows(connection, SQL_ALL_INDEXES, table)) {
      if (r.get(0).equals("PRIMARY")) {
        primaryKey.add(r.get(2));
        continue;
      }
      indexColumns.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(r.get(2));
      unique.put(r.get(0), !truthy(r.get(1)));
    }
    List<TableShape.Index> indexes = new ArrayList<>();
    indexColumns.forEach(
        (name, cols) ->
            indexes.add(new TableShape.Index(name, cols, unique.get(name), false, false)));
    List<TableShape.ForeignKey> keys = new ArrayList<>();
    for (List<String> r : rows(connection, SQL_ALL_FOREIGN_KEYS, table)) {
      keys.add(new TableShape.ForeignKey(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)));
    }
    return new TableShape(
        table, columns, primaryKey, indexes, keys, strings(connection, SQL_CHECKS, table));
  }

  @Override
  public boolean tableExists(Connection connection, String table) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(SQL_TABLE)) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Checks of the table whose clause names the column and no other (Django's {@code
   * _parse_constraint_columns}); MariaDB's column-level checks are named after their column.
   */
  private static final String SQL_CHECK_CLAUSES =
      "SELECT cc.constraint_name, cc.check_clause FROM information_schema.check_constraints cc"
          + " JOIN information_schema.table_constraints tc"
          + " ON tc.constraint_schema = cc.constraint_schema"
          + " AND tc.constraint_name = cc.constraint_name AND tc.constraint_type = 'CHECK'"
          + " WHERE cc.constraint_schema = DATABASE() AND tc.table_name = ?";

  @Override
  public List<String> constraintNames(
      Connection connection, String table, String column, NameKind kind) {
    if (kind == NameKind.CHECK) {
      return checks(connection, table, column);
    }
    String sql =
        kind == NameKind.FOREIGN_KEY
            ? SQL_FOREIGN_KEYS
            : SQL_INDEXES.replace("{nonUnique}", kind == NameKind.UNIQUE ? "0" : "1");
    return strings(connection, sql, table, column);
  }

  private static List<String> checks(Connection connection, String table, String column) {
    List<String> names = new ArrayList<>();
    Pattern quoted = Pattern.compile("`((?:[^`]|``)+)`");
    try (PreparedStatement ps = connection.prepareStatement(SQL_CHECK_CLAUSES)) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Set<String> columns = new TreeSet<>();
          Matcher m = quoted.matcher(rs.getString(2));
          while (m.find()) {
            columns.add(m.group(1).replace("``", "`"));
          }
          if (columns.equals(Set.of(column))) {
            names.add(rs.getString(1));
          }
        }
      }
    } catch (SQLException e) {
      throw new SchemaException(SQL_CHECK_CLAUSES, e);
    }
    return names;
  }

  @Override
  public List<String> indexesStartingWith(Connection connection, String table, String column) {
    return strings(connection, SQL_INDEXES_STARTING_WITH, table, column);
  }
}
