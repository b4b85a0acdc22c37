package dev.migrata.internal.backends.sqlite;

import dev.migrata.internal.backends.base.Introspection;
import dev.migrata.internal.schema.TableShape;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite's catalog is {@code sqlite_master} and the table-valued pragmas. Constraint names are not
 * looked up: SQLite rebuilds a table to change it, recreating every constraint under the name
 * Django computes. Check constraints are read from the table's SQL, where the editors name them.
 */
final class SqliteIntrospection extends Introspection {
  private static final String SQL_TABLES =
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%'"
          + " ESCAPE '\\' ORDER BY name";

  private static final String SQL_COLUMNS =
      // table_xinfo lists generated columns too (hidden 2 and 3); 1 is a virtual table's hidden
      // one.
      "SELECT name, type, \"notnull\", pk FROM pragma_table_xinfo(?) WHERE hidden <> 1 ORDER BY"
          + " cid";

  /** The primary key's own index (origin {@code pk}) is the key, not an index. */
  private static final String SQL_INDEXES =
      "SELECT name, \"unique\", partial FROM pragma_index_list(?) WHERE origin <> 'pk'"
          + " ORDER BY name";

  private static final String SQL_INDEX_COLUMNS =
      "SELECT name FROM pragma_index_info(?) ORDER BY seqno";

  private static final String SQL_FOREIGN_KEYS =
      "SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list(?)"
          + " ORDER BY id, seq";

  private static final String SQL_TABLE_SQL =
      "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?";

  private static final Pattern CHECK =
      Pattern.compile("CONSTRAINT\\s+\"((?:[^\"]|\"\")+)\"\\s+CHECK", Pattern.CASE_INSENSITIVE);

  private static final String SQL_UNIQUE_INDEX_COLUMNS =
      "SELECT il.name, ii.name FROM pragma_index_list(?) il, pragma_index_info(il.name) ii"
          + " WHERE il.\"unique\" = 1";

  /** One query of the pragmas instead of the driver's metadata (a pragma per index). */
  @Override
  public boolean hasUniqueIndex(Connection connection, String table, String... columns)
      throws SQLException {
    return uniqueIndexFromCatalog(connection, SQL_UNIQUE_INDEX_COLUMNS, table, columns);
  }

  @Override
  public boolean tableExists(Connection connection, String table) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  @Override
  public List<String> tableNames(Connection connection) {
    return strings(connection, SQL_TABLES);
  }

  @Override
  public TableShape describe(Connection connection, String table) {
    List<TableShape.Column> columns = new ArrayList<>();
    TreeMap<Integer, String> primaryKey = new TreeMap<>();
    for (List<String> r : rows(connection, SQL_COLUMNS, table)) {
      columns.add(new TableShape.Column(r.get(0), r.get(1), !truthy(r.get(2))));
      int position = Integer.parseInt(r.get(3));
      if (position > 0) {
        primaryKey.put(position, r.get(0));
      }
    }
    List<TableShape.Index> indexes = new ArrayList<>();
    for (List<String> r : rows(connection, SQL_INDEXES, table)) {
      List<String> indexColumns = strings(connection, SQL_INDEX_COLUMNS, r.get(0));
      if (indexColumns.contains(null)) {
        continue; // an expression index: not compared (see ExpectedSchema)
      }
      indexes.add(
          new TableShape.Index(r.get(0), indexColumns, truthy(r.get(1)), truthy(r.get(2)), false));
    }
    List<TableShape.ForeignKey> keys = new ArrayList<>();
    for (List<String> r : rows(connection, SQL_FOREIGN_KEYS, table)) {
      keys.add(new TableShape.ForeignKey(null, r.get(0), r.get(1), r.get(2), r.get(3)));
    }
    List<String> checks = new ArrayList<>();
    for (String sql : strings(connection, SQL_TABLE_SQL, table)) {
      Matcher m = CHECK.matcher(sql == null ? "" : sql);
      while (m.find()) {
        checks.add(m.group(1).replace("\"\"", "\""));
      }
    }
    checks.sort(null);
    return new TableShape(
        table, columns, new ArrayList<>(primaryKey.values()), indexes, keys, checks);
  }
}
