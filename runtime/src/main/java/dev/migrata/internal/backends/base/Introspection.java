package dev.migrata.internal.backends.base;

import dev.migrata.internal.schema.TableShape;
import dev.migrata.internal.state.SequenceState;
import dev.migrata.schema.SchemaException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a backend reads of the schema in the database (Django's {@code DatabaseIntrospection}):
 * whether tables and columns exist, the names of the constraints and indexes on a column, the
 * indexes a column starts. The defaults use JDBC metadata; a backend's {@code *Introspection} asks
 * its catalog where JDBC cannot tell (constraint names) or tells slowly. {@link #tableNames} and
 * {@link #describe} read a whole table for the drift check ({@code migrate --check-schema}) and the
 * test kit's schema snapshots.
 */
public class Introspection {
  /** What a name lookup in the database is for. */
  public enum NameKind {
    FOREIGN_KEY,
    UNIQUE,
    INDEX,
    /** PostgreSQL's extra pattern-ops index of a text column. */
    LIKE,
    /** A check constraint on the column alone (a positive integer's {@code "col" >= 0}). */
    CHECK
  }

  /**
   * Whether a failed query failed because its table does not exist: PostgreSQL's {@code 42P01},
   * MySQL's and MariaDB's {@code 42S02} (error 1146), SQLite's "no such table".
   */
  public boolean isMissingTable(SQLException e) {
    String state = e.getSQLState();
    if ("42P01".equals(state) || "42S02".equals(state) || e.getErrorCode() == 1146) {
      return true;
    }
    String message = e.getMessage();
    return message != null && message.contains("no such table");
  }

  /**
   * Whether a table exists in the connection's database (PostgreSQL: its current schema). Not in
   * any database of the server: MariaDB's metadata with a null catalog looks at all of them.
   */
  public boolean tableExists(Connection connection, String table) throws SQLException {
    try (ResultSet rs =
        connection
            .getMetaData()
            .getTables(connection.getCatalog(), connection.getSchema(), table, null)) {
      while (rs.next()) {
        if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Whether {@code table} of the connection's database (PostgreSQL: its current schema) has {@code
   * column}; names compare case-insensitively, as MySQL on some systems folds table names.
   */
  public boolean columnExists(Connection connection, String table, String column)
      throws SQLException {
    for (String candidate : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
      try (ResultSet rs =
          connection
              .getMetaData()
              .getColumns(connection.getCatalog(), connection.getSchema(), candidate, null)) {
        while (rs.next()) {
          if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)
              && rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code table} of the connection's database (PostgreSQL: the one its unqualified name
   * finds) has a unique index on exactly {@code columns}, in any order; names compare
   * case-insensitively. By JDBC metadata here; a backend with a catalog asks it in one statement
   * (PostgreSQL's {@code getIndexInfo} is a large query after a {@code current_schema()} round
   * trip, a history check every migrating run paid).
   */
  public boolean hasUniqueIndex(Connection connection, String table, String... columns)
      throws SQLException {
    return UniqueIndex.metadata(connection, table, columns);
  }

  /**
   * {@link #hasUniqueIndex} from a catalog query whose rows are (index name, column name) of the
   * table's unique indexes; {@code sql} takes the table name as its one parameter.
   */
  protected static boolean uniqueIndexFromCatalog(
      Connection connection, String sql, String table, String... columns) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(Arrays.asList(rs.getString(1), rs.getString(2))); // a column may be null
        }
      }
    }
    return UniqueIndex.matches(rows, columns);
  }

  /**
   * The names of the single-column {@code kind} objects on {@code table.column} (Django's {@code
   * _constraint_names}); empty where the backend does not look.
   *
   * @throws SchemaException naming the catalog query when it fails
   */
  public List<String> constraintNames(
      Connection connection, String table, String column, NameKind kind) {
    return List.of();
  }

  /** The names of the indexes whose first column is {@code table.column}; empty if unknown. */
  public List<String> indexesStartingWith(Connection connection, String table, String column) {
    return List.of();
  }

  /** The tables of the connection's database (PostgreSQL: its current schema), sorted. */
  public List<String> tableNames(Connection connection) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs =
        connection
            .getMetaData()
            .getTables(
                connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        out.add(rs.getString("TABLE_NAME"));
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * The sequences of the connection's database that no column owns (an identity or {@code serial}
   * column's own sequence is part of its table), sorted by name; none where the backend has no
   * sequences (a sequence there is a table, which {@link #tableNames} lists).
   */
  public List<SequenceState> sequences(Connection connection) {
    return List.of();
  }

  /**
   * {@code table} as the database has it: columns with the server's own type spelling, primary key,
   * indexes (those behind unique constraints too), foreign keys and check names.
   *
   * @throws SchemaException naming the catalog query when it fails
   */
  public TableShape describe(Connection connection, String table) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " cannot describe tables.");
  }

  /** Runs a catalog query with string parameters; every row, each column as a string. */
  protected static List<List<String>> rows(Connection connection, String sql, String... params) {
    List<List<String>> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new ArrayList<>(n);
          for (int c = 1; c <= n; c++) {
            row.add(rs.getString(c));
          }
          out.add(row);
        }
      }
    } catch (SQLException e) {
      throw new SchemaException(sql, e);
    }
    return out;
  }

  /** Whether a catalog value means true ({@code t}, {@code true}, {@code 1}). */
  protected static boolean truthy(String value) {
    return value != null
        && (value.equals("1") || value.equalsIgnoreCase("t") || value.equalsIgnoreCase("true"));
  }

  /** Runs a catalog query with string parameters; its first column, one entry a row. */
  protected static List<String> strings(Connection connection, String sql, String... params) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new SchemaException(sql, e);
    }
    return out;
  }
}
