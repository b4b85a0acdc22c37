package dev.migrata.data;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A model as the migration history knows it at one point, with a small row API in portable SQL
 * (quoted identifiers, {@code ?} parameters, {@code LIMIT}), so a data migration runs unchanged
 * on SQLite, PostgreSQL and MySQL/MariaDB. Fields are Java field names; only fields with a
 * column (not many-to-many) are visible.
 */
public final class HistoricalModel {
  /** {@code column = value}, or {@code column IS NULL}. */
  record Condition(String column, Object value) {}

  private final ModelState model;
  private final HistoricalModels apps;
  private final Map<String, String> columns = new LinkedHashMap<>();
  private final String primaryKey;

  HistoricalModel(ModelState model, HistoricalModels apps) {
    this.model = model;
    this.apps = apps;
    for (FieldState f : model.fields().values()) {
      if (f.hasColumn()) {
        columns.put(f.name(), f.columnName());
      }
    }
    FieldState pk = model.primaryKey();
    this.primaryKey = pk == null ? null : pk.name();
  }

  public String app() {
    return model.app();
  }

  public String name() {
    return model.name();
  }

  public String table() {
    return model.tableName();
  }

  /** The field names with a column, in declaration order. */
  public List<String> fields() {
    return new ArrayList<>(columns.keySet());
  }

  /** The column of {@code field}, or an error naming the fields there are. */
  public String column(String field) {
    String column = columns.get(field);
    if (column == null) {
      throw new IllegalArgumentException(
          "Model " + model.app() + "." + model.name() + " has no field '" + field
              + "' at this point of the migration history; its fields are " + fields() + ".");
    }
    return column;
  }

  /** The primary key's field name. */
  public String primaryKey() {
    if (primaryKey == null) {
      throw new IllegalStateException("Model " + model.name() + " has no primary key.");
    }
    return primaryKey;
  }

  // ---------------------------------------------------------------- queries

  /** Every row. */
  public Query all() {
    return new Query(this, List.of());
  }

  public Query where(String field, Object value) {
    return all().where(field, value);
  }

  public long count() {
    return count(List.of());
  }

  /** Inserts one row (values by field name); returns the generated key, if any. */
  public Object insert(Map<String, Object> values) {
    List<String> names = new ArrayList<>(values.keySet());
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(q(table())).append(" (");
    StringBuilder marks = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(q(column(names.get(i))));
      marks.append(i == 0 ? "?" : ", ?");
    }
    sql.append(") VALUES (").append(marks).append(')');
    if (names.isEmpty()) {
      sql.setLength(0);
      sql.append("INSERT INTO ").append(q(table())).append(" DEFAULT VALUES");
    }
    try (PreparedStatement ps =
        connection().prepareStatement(sql.toString(), Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < names.size(); i++) {
        bind(ps, i + 1, values.get(names.get(i)));
      }
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        return keys != null && keys.next() ? keys.getObject(1) : null;
      } catch (SQLException e) {
        return null; // a driver that cannot return keys: the row is still inserted
      }
    } catch (SQLException e) {
      throw failed(sql.toString(), e);
    }
  }

  /** Inserts rows (each by field name). */
  public void insertAll(List<Map<String, Object>> rows) {
    for (Map<String, Object> row : rows) {
      insert(row);
    }
  }

  /** Updates the row with primary key {@code pk}; returns how many rows changed (0 or 1). */
  public int update(Object pk, Map<String, Object> values) {
    return update(List.of(new Condition(column(primaryKey()), pk)), values);
  }

  /** Deletes the row with primary key {@code pk}; returns how many rows went (0 or 1). */
  public int delete(Object pk) {
    return delete(List.of(new Condition(column(primaryKey()), pk)));
  }

  // ---------------------------------------------------------------- SQL

  long count(List<Condition> conditions) {
    List<Object> params = new ArrayList<>();
    String sql = "SELECT COUNT(*) FROM " + q(table()) + where(conditions, params);
    try (PreparedStatement ps = prepare(sql, params);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  void forEachBatch(List<Condition> conditions, int batchSize, Consumer<List<Row>> action) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive, not " + batchSize + ".");
    }
    String pkColumn = column(primaryKey());
    StringBuilder select = new StringBuilder("SELECT ");
    int i = 0;
    for (String column : columns.values()) {
      select.append(i++ == 0 ? "" : ", ").append(q(column));
    }
    select.append(" FROM ").append(q(table()));
    Object last = null;
    while (true) {
      List<Object> params = new ArrayList<>();
      List<Condition> page = new ArrayList<>(conditions);
      String where = where(page, params);
      if (last != null) {
        where += (where.isEmpty() ? " WHERE " : " AND ") + q(pkColumn) + " > ?";
        params.add(last);
      }
      String sql = select + where + " ORDER BY " + q(pkColumn) + " LIMIT " + batchSize;
      List<Row> batch = new ArrayList<>();
      try (PreparedStatement ps = prepare(sql, params);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> values = new LinkedHashMap<>();
          int c = 1;
          for (String field : columns.keySet()) {
            values.put(field, rs.getObject(c++));
          }
          batch.add(new Row(values, primaryKey));
        }
      } catch (SQLException e) {
        throw failed(sql, e);
      }
      if (batch.isEmpty()) {
        return;
      }
      last = batch.get(batch.size() - 1).pk();
      action.accept(batch);
      if (batch.size() < batchSize) {
        return;
      }
    }
  }

  int update(List<Condition> conditions, Map<String, Object> values) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("UPDATE ").append(q(table())).append(" SET ");
    int i = 0;
    for (Map.Entry<String, Object> e : values.entrySet()) {
      sql.append(i++ == 0 ? "" : ", ").append(q(column(e.getKey()))).append(" = ?");
      params.add(e.getValue());
    }
    sql.append(where(conditions, params));
    return executeUpdate(sql.toString(), params);
  }

  int delete(List<Condition> conditions) {
    List<Object> params = new ArrayList<>();
    String sql = "DELETE FROM " + q(table()) + where(conditions, params);
    return executeUpdate(sql, params);
  }

  private int executeUpdate(String sql, List<Object> params) {
    try (PreparedStatement ps = prepare(sql, params)) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  private String where(List<Condition> conditions, List<Object> params) {
    StringBuilder sql = new StringBuilder();
    for (Condition c : conditions) {
      sql.append(sql.length() == 0 ? " WHERE " : " AND ").append(q(c.column()));
      if (c.value() == null) {
        sql.append(" IS NULL");
      } else {
        sql.append(" = ?");
        params.add(c.value());
      }
    }
    return sql.toString();
  }

  private PreparedStatement prepare(String sql, List<Object> params) throws SQLException {
    PreparedStatement ps = connection().prepareStatement(sql);
    for (int i = 0; i < params.size(); i++) {
      bind(ps, i + 1, params.get(i));
    }
    return ps;
  }

  /**
   * Binds a value. SQLite's driver knows no java.time or UUID types; Django stores them there as
   * ISO text, so they go as strings (PostgreSQL and MySQL drivers take them as they are).
   */
  private void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    boolean sqlite = "sqlite".equals(apps.vendor());
    if (value instanceof Enum<?> e) {
      ps.setString(index, e.name());
    } else if (sqlite && (value instanceof TemporalAccessor || value instanceof UUID)) {
      ps.setString(index, value.toString());
    } else {
      ps.setObject(index, value);
    }
  }

  private Connection connection() {
    Connection c = apps.connection();
    if (c == null) {
      throw new IllegalStateException("No database connection: the SQL is only being collected.");
    }
    return c;
  }

  private String q(String identifier) {
    return apps.context().quote(identifier);
  }

  private static RuntimeException failed(String sql, SQLException e) {
    return new IllegalStateException(e.getMessage() + " [" + sql + "]", e);
  }

  @Override
  public String toString() {
    return "HistoricalModel " + model.app() + "." + model.name() + " (" + table() + ")";
  }
}
