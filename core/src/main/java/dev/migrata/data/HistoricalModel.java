package dev.migrata.data;

import dev.migrata.internal.operations.ExecutionContext;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import dev.migrata.internal.state.OrmOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A model as the migration history knows it at one point, with a small row API in portable SQL
 * (quoted identifiers, {@code ?} parameters, {@code LIMIT}), so a data migration runs unchanged on
 * SQLite, PostgreSQL and MySQL/MariaDB. Fields are Java field names; only fields with a column (not
 * many-to-many) are visible.
 */
public final class HistoricalModel {
  /** {@code field = value}, or {@code field IS NULL}. */
  record Condition(FieldState field, Object value) {}

  /** A statement parameter: the value, bound as its field's column holds it. */
  record Param(FieldState field, Object value) {}

  private final ModelState model;
  private final HistoricalModels apps;
  private final Map<String, FieldState> columns = new LinkedHashMap<>();
  private final String primaryKey;
  private final ColumnValues codec;

  HistoricalModel(ModelState model, HistoricalModels apps) {
    this.model = model;
    this.apps = apps;
    for (FieldState f : model.fields().values()) {
      if (f.hasColumn()) {
        columns.put(f.name(), f);
      }
    }
    FieldState pk = model.primaryKey();
    this.primaryKey = pk == null ? null : pk.name();
    this.codec = new ColumnValues(apps.vendor());
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
    return field(field).columnName();
  }

  FieldState field(String name) {
    FieldState field = columns.get(name);
    if (field == null) {
      throw new IllegalArgumentException(
          "Model "
              + model.app()
              + "."
              + model.name()
              + " has no field '"
              + name
              + "' at this point of the migration history; its fields are "
              + fields()
              + ".");
    }
    return field;
  }

  /** The type of the column: a relation's is that of the field it points at. */
  FieldType columnType(FieldState field) {
    FieldState f = field;
    for (int hops = 0; f != null && hops < 10; hops++) {
      FieldType type = f.fieldType();
      if (type != FieldType.FOREIGN_KEY && type != FieldType.ONE_TO_ONE) {
        return type == null || type.isAuto() ? null : type;
      }
      ModelState target = apps.state().model(f.to());
      if (target == null) {
        return null;
      }
      f = f.toField() != null ? target.field(f.toField()) : target.primaryKey();
    }
    return null;
  }

  /**
   * The model's verbose name: explicit, else Django's default, the class name in words ({@code
   * BookAuthor} is {@code book author}).
   */
  public String verboseName() {
    String explicit = model.options().verboseName();
    return explicit != null ? explicit : Names.snakeCase(model.name()).replace('_', ' ');
  }

  /** The plural: explicit, else Django's default, the verbose name with an {@code s}. */
  public String verboseNamePlural() {
    String explicit = model.options().verboseNamePlural();
    return explicit != null ? explicit : verboseName() + "s";
  }

  /** The default ordering (Django's {@code Meta.ordering}); empty when none is set. */
  public List<String> ordering() {
    return model.options().ordering();
  }

  /** The ORM-only options of {@code field} (any field of the model, many-to-many included). */
  public FieldOptions options(String field) {
    FieldState f = model.field(field);
    if (f == null) {
      throw new IllegalArgumentException(
          "Model "
              + model.app()
              + "."
              + model.name()
              + " has no field '"
              + field
              + "' at this point of the migration history; its fields are "
              + model.fields().keySet()
              + ".");
    }
    OrmOptions o = f.orm();
    String verbose =
        o.verboseName() != null ? o.verboseName() : Names.snakeCase(f.name()).replace('_', ' ');
    return new FieldOptions(verbose, o.blank(), o.editable(), o.autoNow(), o.autoNowAdd());
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
    values = withAutomaticTimes(values);
    List<String> names = new ArrayList<>(values.keySet());
    names.forEach(this::field);
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(q(table())).append(" (");
    StringBuilder marks = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(q(column(names.get(i))));
      marks.append(i == 0 ? "?" : ", ?");
    }
    sql.append(") VALUES (").append(marks).append(')');
    if (names.isEmpty()) {
      sql.setLength(0);
      // MySQL has no DEFAULT VALUES; an empty column list means the same there.
      sql.append("INSERT INTO ")
          .append(q(table()))
          .append("mysql".equals(apps.vendor()) ? " () VALUES ()" : " DEFAULT VALUES");
    }
    try (PreparedStatement ps =
        connection().prepareStatement(sql.toString(), Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < names.size(); i++) {
        bind(ps, i + 1, new Param(field(names.get(i)), values.get(names.get(i))));
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

  /**
   * The values with the current time for each {@code autoNow}/{@code autoNowAdd} field they leave
   * out, as Django's historical models fill them when a row is saved the first time.
   */
  private Map<String, Object> withAutomaticTimes(Map<String, Object> values) {
    Map<String, Object> filled = new LinkedHashMap<>(values);
    for (FieldState f : columns.values()) {
      if (!values.containsKey(f.name()) && f.orm().fillsNow()) {
        Object now =
            switch (f.fieldType()) {
              case DATE -> LocalDate.now();
              case TIME -> LocalTime.now();
              case LOCAL_DATE_TIME -> LocalDateTime.now();
              case DATE_TIME -> Instant.now();
              default -> null;
            };
        if (now != null) {
          filled.put(f.name(), now);
        }
      }
    }
    return filled;
  }

  /** Inserts rows (each by field name). */
  public void insertAll(List<Map<String, Object>> rows) {
    for (Map<String, Object> row : rows) {
      insert(row);
    }
  }

  /** Updates the row with primary key {@code pk}; returns how many rows changed (0 or 1). */
  public int update(Object pk, Map<String, Object> values) {
    return update(List.of(new Condition(field(primaryKey()), pk)), values, false);
  }

  /** Deletes the row with primary key {@code pk}; returns how many rows went (0 or 1). */
  public int delete(Object pk) {
    return delete(List.of(new Condition(field(primaryKey()), pk)), false);
  }

  // ---------------------------------------------------------------- SQL

  long count(List<Condition> conditions) {
    List<Param> params = new ArrayList<>();
    String sql = "SELECT COUNT(*) FROM " + q(table()) + where(conditions, params);
    try (PreparedStatement ps = prepare(sql, params);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  /** Keyset pages on the primary key, committed batch by batch when non-atomic. */
  void forEachBatch(List<Condition> conditions, int batchSize, Consumer<List<Row>> action) {
    new KeysetBatches(this).forEach(conditions, batchSize, action);
  }

  /** With {@code batched}, in committed batches where the migration is non-atomic. */
  int update(List<Condition> conditions, Map<String, Object> values, boolean batched) {
    if (values.isEmpty()) {
      return 0;
    }
    return new KeysetBatches(this)
        .write(
            conditions,
            batched,
            "updated",
            params -> {
              StringBuilder sql = new StringBuilder("UPDATE ").append(q(table())).append(" SET ");
              int i = 0;
              for (Map.Entry<String, Object> e : values.entrySet()) {
                FieldState f = field(e.getKey());
                sql.append(i++ == 0 ? "" : ", ").append(q(f.columnName())).append(" = ?");
                params.add(new Param(f, e.getValue()));
              }
              return sql.toString();
            });
  }

  int delete(List<Condition> conditions, boolean batched) {
    return new KeysetBatches(this)
        .write(conditions, batched, "deleted", params -> "DELETE FROM " + q(table()));
  }

  int executeUpdate(String sql, List<Param> params) {
    try (PreparedStatement ps = prepare(sql, params)) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  String where(List<Condition> conditions, List<Param> params) {
    StringBuilder sql = new StringBuilder();
    for (Condition c : conditions) {
      sql.append(sql.length() == 0 ? " WHERE " : " AND ").append(q(c.field().columnName()));
      if (c.value() == null) {
        sql.append(" IS NULL");
      } else {
        sql.append(" = ?");
        params.add(new Param(c.field(), c.value()));
      }
    }
    return sql.toString();
  }

  PreparedStatement prepare(String sql, List<Param> params) throws SQLException {
    PreparedStatement ps = connection().prepareStatement(sql);
    for (int i = 0; i < params.size(); i++) {
      bind(ps, i + 1, params.get(i));
    }
    return ps;
  }

  private void bind(PreparedStatement ps, int index, Param param) throws SQLException {
    try {
      codec.bind(ps, index, param.field(), columnType(param.field()), param.value());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "Cannot store "
              + param.value()
              + " ("
              + param.value().getClass().getSimpleName()
              + ") in field '"
              + param.field().name()
              + "' of "
              + model.app()
              + "."
              + model.name()
              + " ("
              + param.field().type()
              + "): "
              + e.getMessage(),
          e);
    }
  }

  private Connection connection() {
    Connection c = apps.connection();
    if (c == null) {
      throw new IllegalStateException("No database connection: the SQL is only being collected.");
    }
    return c;
  }

  /** The fields with a column, in declaration order. */
  Iterable<FieldState> columnFields() {
    return columns.values();
  }

  /** Column {@code index} of {@code rs} as {@code field}'s Java value. */
  Object read(ResultSet rs, int index, FieldState field) throws SQLException {
    return codec.read(rs, index, field, columnType(field));
  }

  boolean hasPrimaryKey() {
    return primaryKey != null;
  }

  ExecutionContext context() {
    return apps.context();
  }

  String q(String identifier) {
    return apps.context().quote(identifier);
  }

  static RuntimeException failed(String sql, SQLException e) {
    return new IllegalStateException(e.getMessage() + " [" + sql + "]", e);
  }

  @Override
  public String toString() {
    return "HistoricalModel " + model.app() + "." + model.name() + " (" + table() + ")";
  }
}
