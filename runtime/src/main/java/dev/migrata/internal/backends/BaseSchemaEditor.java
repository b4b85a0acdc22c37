package dev.migrata.internal.backends;

import dev.migrata.fields.CustomFieldTypes;
import dev.migrata.fields.DefaultMethods;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.DefaultLiteral;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;
import dev.migrata.schema.SchemaException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Django's {@code BaseDatabaseSchemaEditor}: SQL templates, column definitions from {@link
 * FieldState}, identifier quoting, deferred SQL (indexes, foreign keys) run at the end of a
 * migration, and a collect mode (sqlmigrate) that records statements instead of running them.
 *
 * <p>A backend subclass assigns its own templates in its constructor (the {@code sql*} fields, as
 * Django's class attributes) and implements {@link #dataType}; it overrides a method only where its
 * SQL differs in shape (SQLite's table rebuild, MySQL's {@code MODIFY}). Templates use {@code
 * {name}} placeholders filled by {@link #format}.
 *
 * <p>One editor serves one migration: {@link #begin}, the operations, {@link #finish} (deferred
 * SQL and checks), then {@link #commit} or {@link #rollback}.
 */
public abstract class BaseSchemaEditor implements SchemaEditor {
  protected String sqlCreateTable = "CREATE TABLE {table} ({definition})";
  protected String sqlRenameTable = "ALTER TABLE {oldTable} RENAME TO {newTable}";
  protected String sqlDeleteTable = "DROP TABLE {table} CASCADE";
  protected String sqlCreateColumn = "ALTER TABLE {table} ADD COLUMN {column} {definition}";
  protected String sqlAlterColumn = "ALTER TABLE {table} {changes}";
  protected String sqlAlterColumnType = "ALTER COLUMN {column} TYPE {type}";
  protected String sqlAlterColumnNull = "ALTER COLUMN {column} DROP NOT NULL";
  protected String sqlAlterColumnNotNull = "ALTER COLUMN {column} SET NOT NULL";
  protected String sqlAlterColumnDefault = "ALTER COLUMN {column} SET DEFAULT {default}";
  protected String sqlAlterColumnNoDefault = "ALTER COLUMN {column} DROP DEFAULT";
  protected String sqlUpdateWithDefault =
      "UPDATE {table} SET {column} = {default} WHERE {column} IS NULL";
  protected String sqlDeleteColumn = "ALTER TABLE {table} DROP COLUMN {column} CASCADE";
  protected String sqlRenameColumn = "ALTER TABLE {table} RENAME COLUMN {oldColumn} TO {newColumn}";
  protected String sqlCheckConstraint = "CHECK ({check})";
  protected String sqlConstraint = "CONSTRAINT {name} {constraint}";
  protected String sqlUniqueConstraint = "UNIQUE ({columns})";
  protected String sqlCreateConstraint = "ALTER TABLE {table} ADD CONSTRAINT {name} {constraint}";
  protected String sqlDeleteConstraint = "ALTER TABLE {table} DROP CONSTRAINT {name}";
  protected String sqlDeleteCheck = "ALTER TABLE {table} DROP CONSTRAINT {name}";
  protected String sqlDeleteUnique = "ALTER TABLE {table} DROP CONSTRAINT {name}";
  /** An inline foreign key after the column type; {@code null} where FKs are added separately. */
  protected String sqlCreateInlineFk = null;
  protected String sqlCreateFk =
      "ALTER TABLE {table} ADD CONSTRAINT {name} FOREIGN KEY ({column}) REFERENCES {toTable}"
          + " ({toColumn}){onDelete}{deferrable}";
  protected String sqlDeleteFk = "ALTER TABLE {table} DROP CONSTRAINT {name}";
  protected String sqlDeferrable = " DEFERRABLE INITIALLY DEFERRED";
  protected String sqlCreateIndex = "CREATE INDEX {name} ON {table} ({columns}){condition}";
  protected String sqlCreateUniqueIndex =
      "CREATE UNIQUE INDEX {name} ON {table} ({columns}){condition}";
  protected String sqlDeleteIndex = "DROP INDEX {name}";
  protected String sqlRenameIndex = "ALTER INDEX {oldName} RENAME TO {newName}";
  protected String sqlTableComment = "COMMENT ON TABLE {table} IS {comment}";
  /** A column comment as its own statement; {@code null} where there is none or it is inline. */
  protected String sqlColumnComment = null;

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  protected final Connection connection;
  protected final boolean collect;
  private final List<String> collected = new ArrayList<>();
  private final List<String> executed = new ArrayList<>();
  private final List<DeferredSql> deferred = new ArrayList<>();

  /**
   * @param connection where statements run; may be {@code null} in collect mode
   * @param collect record statements (sqlmigrate) instead of running them
   */
  protected BaseSchemaEditor(Connection connection, boolean collect) {
    this.connection = connection;
    this.collect = collect;
  }

  // ---------------------------------------------------------------- backend facts

  /**
   * The column type of a built-in field type on this backend, e.g. {@code varchar(200)}; custom
   * types never reach it ({@link #ownDataType} asks their class).
   */
  protected abstract String dataType(FieldType type, FieldState field);

  /** The column type of {@code field}'s own type: a custom type's class, else the backend's. */
  protected final String ownDataType(FieldState field) {
    FieldType type = field.fieldType();
    return type == null ? customDataType(field) : dataType(type, field);
  }

  /** What a column referring to {@code target} (a foreign key) is declared as. */
  protected String relDataType(FieldState target) {
    return ownDataType(target);
  }

  /** Text after the rest of the column definition, e.g. {@code AUTOINCREMENT}. */
  protected String dataTypeSuffix(FieldState field) {
    return null;
  }

  /**
   * The vendor name custom field types are asked about: the same as {@link Backend#vendor()}
   * ({@code sqlite}, {@code postgresql}, {@code mysql}).
   */
  protected abstract String vendor();

  /** The column type of a custom field type, from the class its migration names. */
  protected String customDataType(FieldState field) {
    return CustomFieldTypes.load(field.type())
        .columnType(vendor(), CustomFieldTypes.arguments(field.args()));
  }

  /**
   * The SQL literal that fills existing rows when {@code field} is added or made non-null: its
   * literal default, or one value of its default method (Django calls a callable default once), or
   * {@code null} when it has neither.
   */
  protected String effectiveDefault(ProjectState state, FieldState field) {
    if (field.defaultValue() != null) {
      return quoteValue(state, field, field.defaultValue());
    }
    if (field.defaultMethod() != null) {
      return quoteValue(state, field, DefaultMethods.call(field.defaultMethod()));
    }
    return null;
  }

  /**
   * Whether the column is unique by a constraint of its own: declared so, or a one-to-one
   * (Django's unique foreign key); a primary key is unique through the key.
   */
  protected static boolean isUnique(FieldState field) {
    return (field.unique() || field.fieldType() == FieldType.ONE_TO_ONE) && !field.primaryKey();
  }

  /** The longest identifier; names are shortened with a hash beyond it (Django: 200 if none). */
  public int maxNameLength() {
    return 200;
  }

  /** Whether DDL takes part in transactions, so a migration can be atomic. */
  public boolean canRollbackDdl() {
    return true;
  }

  public String quoteName(String name) {
    if (name.startsWith("\"") && name.endsWith("\"")) {
      return name;
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  protected String quoteString(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  protected String booleanLiteral(boolean value) {
    return value ? "true" : "false";
  }

  /**
   * The SQL literal for a field's {@code defaultValue}: numbers as they are, booleans as this
   * backend spells them, everything else a quoted string.
   */
  protected String quoteValue(ProjectState state, FieldState field, String literal) {
    FieldType type = field.fieldType();
    if (type == FieldType.FOREIGN_KEY || type == FieldType.ONE_TO_ONE) {
      FieldState target = targetField(state, field);
      return target == null ? quoteNumberOrString(literal) : quoteValue(state, target, literal);
    }
    if (type == null) {
      String custom =
          CustomFieldTypes.load(field.type())
              .literal(vendor(), literal, CustomFieldTypes.arguments(field.args()));
      return custom != null ? custom : quoteString(literal);
    }
    switch (type) {
      case BOOLEAN:
        return booleanLiteral(
            literal.equalsIgnoreCase("true") || literal.equals("1") || literal.equals("t"));
      case AUTO:
      case BIG_AUTO:
      case SMALL_INTEGER:
      case INTEGER:
      case BIG_INTEGER:
      case FLOAT:
      case DECIMAL:
        return quoteNumberOrString(literal);
      case DURATION:
        return durationLiteral(literal);
      case DATE_TIME:
        return awareDateTimeLiteral(DefaultLiteral.instant(literal));
      case LOCAL_DATE_TIME:
        return quoteString(
            parseOrKeep(literal, s -> DefaultLiteral.localDateTime(s).format(SQL_DATE_TIME)));
      case UUID:
        return quoteString(hasNativeUuid() ? literal : literal.replace("-", ""));
      default:
        return quoteString(literal);
    }
  }

  /**
   * Whether the backend has a UUID column type that reads the dashed form (Django's
   * {@code has_native_uuid_field}); without one a UUID default is stored as its 32 hex digits.
   */
  protected boolean hasNativeUuid() {
    return true;
  }

  /** Date-times as every backend reads them: a space, not ISO's {@code T}; microseconds. */
  protected static final DateTimeFormatter SQL_DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  /**
   * An aware date-time default (written in migrations as ISO-8601 in UTC, as Django serializes
   * it): stored in UTC without an offset, as Django does on SQLite and MySQL.
   */
  protected String awareDateTimeLiteral(Instant instant) {
    return quoteString(instant.atOffset(ZoneOffset.UTC).format(SQL_DATE_TIME));
  }

  /**
   * A duration default (ISO-8601 in migrations, e.g. {@code PT1H}): Django's DurationField is a
   * {@code bigint} of microseconds where the database has no interval type.
   */
  protected String durationLiteral(String literal) {
    String text = literal.trim();
    if (NUMBER.matcher(text).matches()) {
      return text;
    }
    return Long.toString(DefaultLiteral.duration(text).toNanos() / 1000);
  }

  private static String parseOrKeep(String literal, java.util.function.UnaryOperator<String> f) {
    try {
      return f.apply(literal.trim());
    } catch (DateTimeParseException e) {
      return literal;
    }
  }

  private String quoteNumberOrString(String literal) {
    return NUMBER.matcher(literal.trim()).matches() ? literal.trim() : quoteString(literal);
  }

  /** Fills {@code {key}} placeholders; {@code keysAndValues} alternate key, value. */
  protected static String format(String template, String... keysAndValues) {
    String out = template;
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out = out.replace("{" + keysAndValues[i] + "}", keysAndValues[i + 1]);
    }
    return out;
  }

  // ---------------------------------------------------------------- lifecycle

  /** Starts a migration; opens a transaction when {@code atomic} and DDL can roll back. */
  public void begin(boolean atomic) throws SQLException {
    if (!collect && atomic && canRollbackDdl()) {
      connection.setAutoCommit(false);
    }
  }

  /** Runs the deferred SQL; the migration's statements are then complete. */
  public void finish() throws SQLException {
    runDeferred();
  }

  public void commit() throws SQLException {
    if (!collect && !connection.getAutoCommit()) {
      connection.commit();
      connection.setAutoCommit(true);
    }
  }

  public void rollback() {
    if (collect) {
      return;
    }
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      // The original failure is what the user must see; a failed rollback adds nothing to it.
    }
  }

  /** The statements recorded in collect mode, each ending in {@code ;}. */
  public List<String> collectedSql() {
    return collected;
  }

  /** Adds a line to the collected SQL as it is (sqlmigrate's {@code --} comments). */
  public void comment(String line) {
    collected.add(line);
  }

  // ---------------------------------------------------------------- execution

  /** Runs one statement, or records it in collect mode. */
  protected void execute(String sql) {
    if (collect) {
      collected.add(sql + ";");
      return;
    }
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new SchemaException(sql, e);
    }
    executed.add(sql);
  }

  /**
   * Every statement that ran successfully through this editor, in order. Where DDL cannot roll
   * back, this is what a failed migration leaves behind, and the error names it.
   */
  public List<String> executed() {
    return executed;
  }

  @Override
  public void execute(List<String> statements) {
    for (String sql : statements) {
      String trimmed = sql.strip();
      if (trimmed.endsWith(";")) {
        trimmed = trimmed.substring(0, trimmed.length() - 1);
      }
      if (!trimmed.isBlank()) {
        execute(trimmed);
      }
    }
  }

  /** Queues a statement about {@code table} for the end of the migration. */
  protected void defer(String table, Function<String, String> render) {
    deferred.add(new DeferredSql(table, render));
  }

  protected void runDeferred() {
    List<DeferredSql> pending = new ArrayList<>(deferred);
    deferred.clear();
    for (DeferredSql d : pending) {
      execute(d.render.apply(d.table));
    }
  }

  /** Forgets deferred statements about a table that no longer exists. */
  protected void discardDeferred(String table) {
    deferred.removeIf(d -> d.table.equals(table));
  }

  /** Points deferred statements at a renamed table (Django's rename_table_references). */
  protected void renameDeferred(String oldTable, String newTable) {
    for (DeferredSql d : deferred) {
      if (d.table.equals(oldTable)) {
        d.table = newTable;
      }
    }
  }

  private static final class DeferredSql {
    String table;
    final Function<String, String> render;

    DeferredSql(String table, Function<String, String> render) {
      this.table = table;
      this.render = render;
    }
  }

  // ---------------------------------------------------------------- definitions

  /** The target model of a relation, or an error naming it. */
  protected ModelState targetModel(ProjectState state, FieldState field) {
    ModelState target = state.model(field.to());
    if (target == null) {
      throw new IllegalStateException(
          "Field '" + field.name() + "' refers to '" + field.to() + "', which does not exist"
              + " at this point of the migration history.");
    }
    return target;
  }

  /** The field a relation points at: {@code toField}, else the target's primary key. */
  protected FieldState targetField(ProjectState state, FieldState field) {
    ModelState target = state.model(field.to());
    if (target == null) {
      return null;
    }
    return field.toField() != null ? target.field(field.toField()) : target.primaryKey();
  }

  /** The type of a column, resolving a foreign key to its target key's type. */
  protected String columnType(ProjectState state, FieldState field) {
    if (field.fieldType() == FieldType.FOREIGN_KEY || field.fieldType() == FieldType.ONE_TO_ONE) {
      targetModel(state, field);
      FieldState target = targetField(state, field);
      if (target == null) {
        throw new IllegalStateException(
            "Field '" + field.name() + "' refers to a missing field of '" + field.to() + "'.");
      }
      return relDataType(target);
    }
    return ownDataType(field);
  }

  /**
   * The column definition after the quoted column name (Django's column_sql): type, DB default,
   * the literal default if {@code includeDefault}, nullability, key, unique, type suffix, and the
   * inline foreign key where the backend has one.
   */
  protected String columnDefinition(
      ProjectState state, FieldState field, boolean includeDefault) {
    List<String> parts = new ArrayList<>();
    parts.add(columnType(state, field));
    if (field.dbDefault() != null) {
      parts.add("DEFAULT " + field.dbDefault());
    }
    String literalDefault = includeDefault ? effectiveDefault(state, field) : null;
    if (literalDefault != null) {
      parts.add("DEFAULT " + literalDefault);
    }
    parts.add(field.nullable() ? "NULL" : "NOT NULL");
    if (field.primaryKey()) {
      parts.add("PRIMARY KEY");
    } else if (isUnique(field)) {
      parts.add("UNIQUE");
    }
    String suffix = dataTypeSuffix(field);
    if (suffix != null) {
      parts.add(suffix);
    }
    if (sqlCreateInlineFk != null && isForeignKey(field)) {
      parts.add(inlineForeignKey(state, field));
    }
    return String.join(" ", parts);
  }

  protected static boolean isForeignKey(FieldState field) {
    return field.fieldType() == FieldType.FOREIGN_KEY || field.fieldType() == FieldType.ONE_TO_ONE;
  }

  protected String inlineForeignKey(ProjectState state, FieldState field) {
    ModelState target = targetModel(state, field);
    return format(
        sqlCreateInlineFk,
        "toTable", quoteName(target.tableName()),
        "toColumn", quoteName(targetField(state, field).columnName()),
        "onDelete", onDeleteSql(field),
        "deferrable", sqlDeferrable);
  }

  /** SPEC §5: Migrata has no ORM to emulate on_delete, so it reaches the database. */
  protected String onDeleteSql(FieldState field) {
    String onDelete = field.onDelete() == null ? "" : field.onDelete().toUpperCase(Locale.ROOT);
    switch (onDelete) {
      case "CASCADE":
        return " ON DELETE CASCADE";
      case "SET_NULL":
        return " ON DELETE SET NULL";
      case "SET_DEFAULT":
        return " ON DELETE SET DEFAULT";
      case "PROTECT":
      case "RESTRICT":
        return " ON DELETE RESTRICT";
      default:
        return "";
    }
  }

  /** The fields that own a column, in declaration order. */
  protected static List<FieldState> columnFields(ModelState model) {
    return model.fields().values().stream().filter(FieldState::hasColumn).toList();
  }

  /** The CREATE TABLE statement for {@code model} under the name {@code table}. */
  protected String tableSql(ProjectState state, ModelState model, String table) {
    List<String> definitions = new ArrayList<>();
    for (FieldState f : columnFields(model)) {
      definitions.add(quoteName(f.columnName()) + " " + columnDefinition(state, f, false));
    }
    for (ConstraintState c : model.constraints()) {
      String inline = inlineConstraintSql(model, c);
      if (inline != null) {
        definitions.add(inline);
      }
    }
    return format(
        sqlCreateTable, "table", quoteName(table), "definition", String.join(", ", definitions));
  }

  /** A constraint inside CREATE TABLE, or {@code null} if it is created as an index. */
  protected String inlineConstraintSql(ModelState model, ConstraintState c) {
    if (c.isCheck()) {
      return format(
          sqlConstraint,
          "name", quoteName(c.name()),
          "constraint", format(sqlCheckConstraint, "check", c.check()));
    }
    if (c.condition() != null) {
      return null;
    }
    return format(
        sqlConstraint,
        "name", quoteName(c.name()),
        "constraint", format(sqlUniqueConstraint, "columns", columnList(model, c.fields())));
  }

  protected String columnList(ModelState model, List<String> fieldRefs) {
    List<String> cols = new ArrayList<>();
    for (String ref : fieldRefs) {
      String col = model.columnOf(ref);
      cols.add(col.startsWith("-") ? quoteName(col.substring(1)) + " DESC" : quoteName(col));
    }
    return String.join(", ", cols);
  }

  /** The name of a field's own index ({@code index = true}), as Django's _create_index_name. */
  protected String fieldIndexName(String table, FieldState field) {
    return Names.schemaName(table, List.of(field.columnName()), "", maxNameLength());
  }

  /** Whether a field gets an index of its own: indexed and not already unique. */
  protected boolean needsFieldIndex(FieldState field) {
    return field.hasColumn() && field.index() && !isUnique(field) && !field.primaryKey();
  }

  protected String fieldIndexSql(String table, FieldState field) {
    return format(
        sqlCreateIndex,
        "name", quoteName(fieldIndexName(table, field)),
        "table", quoteName(table),
        "columns", quoteName(field.columnName()),
        "condition", "");
  }

  protected String indexSql(String table, ModelState model, IndexState index) {
    return format(
        index.unique() ? sqlCreateUniqueIndex : sqlCreateIndex,
        "name", quoteName(index.name()),
        "table", quoteName(table),
        "columns", columnList(model, index.fields()),
        "condition", index.condition() == null ? "" : " WHERE " + index.condition());
  }

  /** A unique constraint with a condition is a partial unique index (Django's create_sql). */
  protected String conditionalUniqueSql(String table, ModelState model, ConstraintState c) {
    return format(
        sqlCreateUniqueIndex,
        "name", quoteName(c.name()),
        "table", quoteName(table),
        "columns", columnList(model, c.fields()),
        "condition", " WHERE " + c.condition());
  }

  protected String foreignKeyName(String table, FieldState field, String toTable, String toColumn) {
    return Names.schemaName(
        table, List.of(field.columnName()), "_fk_" + toTable + "_" + toColumn, maxNameLength());
  }

  protected String foreignKeySql(ProjectState state, String table, FieldState field) {
    return foreignKeySql(state, table, field, null);
  }

  /**
   * The foreign key constraint of {@code field}; named with {@code suffix} when given (Django
   * recreates the keys referring to a retyped key with the plain suffix {@code _fk}), else with
   * {@code _fk_<to table>_<to column>}.
   */
  protected String foreignKeySql(ProjectState state, String table, FieldState field, String suffix) {
    ModelState target = targetModel(state, field);
    String toColumn = targetField(state, field).columnName();
    String name =
        suffix == null
            ? foreignKeyName(table, field, target.tableName(), toColumn)
            : Names.schemaName(table, List.of(field.columnName()), suffix, maxNameLength());
    return format(
        sqlCreateFk,
        "table", quoteName(table),
        "name", quoteName(name),
        "column", quoteName(field.columnName()),
        "toTable", quoteName(target.tableName()),
        "toColumn", quoteName(toColumn),
        "onDelete", onDeleteSql(field),
        "deferrable", sqlDeferrable);
  }

  /**
   * Everything created after a table that Django defers: field indexes, model indexes, partial
   * unique constraints, and foreign keys where they are not inline.
   */
  protected void deferTableExtras(ProjectState state, ModelState model) {
    for (FieldState f : columnFields(model)) {
      deferFieldExtras(state, model, f);
    }
    for (IndexState index : model.indexes()) {
      defer(model.tableName(), t -> indexSql(t, model, index));
    }
    for (ConstraintState c : model.constraints()) {
      if (!c.isCheck() && c.condition() != null) {
        defer(model.tableName(), t -> conditionalUniqueSql(t, model, c));
      }
    }
  }

  protected void deferFieldExtras(ProjectState state, ModelState model, FieldState f) {
    if (sqlCreateInlineFk == null && isForeignKey(f)) {
      defer(model.tableName(), t -> foreignKeySql(state, t, f));
    }
    if (needsFieldIndex(f)) {
      defer(model.tableName(), t -> fieldIndexSql(t, f));
    }
    deferExtraFieldIndexes(state, model, f);
  }

  /** Indexes a backend adds beside a field's own (PostgreSQL's {@code _like} index). */
  protected void deferExtraFieldIndexes(ProjectState state, ModelState model, FieldState f) {}

  // ---------------------------------------------------------------- many-to-many

  /** Django's auto-created join table of a many-to-many field. */
  protected ModelState joinModel(ProjectState state, ModelState model, FieldState field) {
    ModelState target = targetModel(state, field);
    boolean self = target.tableName().equals(model.tableName());
    String from = (self ? "from_" : "") + model.key();
    String to = (self ? "to_" : "") + target.key();
    List<FieldState> fields =
        List.of(
            FieldState.builder("id", FieldType.BIG_AUTO.djangoName()).primaryKey(true).build(),
            FieldState.builder(from, FieldType.FOREIGN_KEY.djangoName())
                .to(ProjectState.key(model.app(), model.name()))
                .onDelete("CASCADE")
                .index(true)
                .build(),
            FieldState.builder(to, FieldType.FOREIGN_KEY.djangoName())
                .to(ProjectState.key(target.app(), target.name()))
                .onDelete("CASCADE")
                .index(true)
                .build());
    String table = joinTableName(model, field);
    ModelState join = ModelState.of(model.app(), model.name() + "_" + field.name(), fields);
    String uniqName =
        Names.schemaName(table, List.of(from + "_id", to + "_id"), "_uniq", maxNameLength());
    return join.withTable(table)
        .withConstraints(List.of(ConstraintState.unique(uniqName, List.of(from, to), null)));
  }

  /** The automatic join table: explicit, else {@code <model table>_<field>} (SPEC section 2). */
  protected String joinTableName(ModelState model, FieldState field) {
    return field.table() != null
        ? field.table()
        : Names.truncate(model.tableName() + "_" + Names.snakeCase(field.name()), maxNameLength());
  }

  /** The many-to-many fields whose join table Migrata owns (a {@code through} model owns its own). */
  protected static List<FieldState> manyToManyFields(ModelState model) {
    return model.fields().values().stream().filter(FieldState::isAutoManyToMany).toList();
  }

  /**
   * Django's {@code _alter_many_to_many}: the join table of an automatic many-to-many follows a
   * renamed model, a new table option or a renamed target, keeping its rows. A change to or from a
   * {@code through} model touches no table here.
   */
  @Override
  public void alterManyToMany(
      ProjectState fromState,
      ModelState fromModel,
      FieldState oldField,
      ProjectState toState,
      ModelState toModel,
      FieldState newField) {
    if (!oldField.isAutoManyToMany() || !newField.isAutoManyToMany()) {
      if (oldField.isAutoManyToMany()) {
        removeField(fromState, fromModel, oldField);
      } else if (newField.isAutoManyToMany()) {
        createJoinTable(toState, toModel, newField);
      }
      return;
    }
    ModelState oldJoin = joinModel(fromState, fromModel, oldField);
    ModelState newJoin = joinModel(with(toState, toModel), toModel, newField);
    alterDbTable(toState, newJoin, oldJoin.tableName(), newJoin.tableName());
    List<FieldState> oldKeys = new ArrayList<>(oldJoin.fields().values());
    List<FieldState> newKeys = new ArrayList<>(newJoin.fields().values());
    for (int i = 1; i < oldKeys.size(); i++) {
      String oldColumn = oldKeys.get(i).columnName();
      String newColumn = newKeys.get(i).columnName();
      if (!oldColumn.equals(newColumn)) {
        execute(
            renameColumnSql(
                newJoin.tableName(), oldColumn, newColumn, with(toState, newJoin), newKeys.get(i)));
      }
    }
  }

  /** Puts {@code model} into a copy of {@code state} so self-references resolve. */
  protected static ProjectState with(ProjectState state, ModelState model) {
    ProjectState copy = state.copy();
    copy.put(model);
    return copy;
  }

  // ---------------------------------------------------------------- operations

  @Override
  public void createModel(ProjectState state, ModelState model) {
    ProjectState s = with(state, model);
    execute(tableSql(s, model, model.tableName()));
    if (model.comment() != null) {
      alterTableComment(model, null, model.comment());
    }
    for (FieldState f : columnFields(model)) {
      if (f.comment() != null) {
        columnComment(model.tableName(), f);
      }
    }
    deferTableExtras(s, model);
    for (FieldState m2m : manyToManyFields(model)) {
      createJoinTable(s, model, m2m);
    }
  }

  protected void createJoinTable(ProjectState state, ModelState model, FieldState field) {
    ModelState join = joinModel(state, model, field);
    ProjectState s = with(state, join);
    execute(tableSql(s, join, join.tableName()));
    deferTableExtras(s, join);
  }

  @Override
  public void deleteModel(ProjectState state, ModelState model) {
    for (FieldState m2m : manyToManyFields(model)) {
      ModelState join = joinModel(state, model, m2m);
      execute(format(sqlDeleteTable, "table", quoteName(join.tableName())));
      discardDeferred(join.tableName());
    }
    execute(format(sqlDeleteTable, "table", quoteName(model.tableName())));
    discardDeferred(model.tableName());
  }

  /**
   * Adds the column with the literal default to fill existing rows, then drops that default again:
   * Migrata, like Django, keeps {@code defaultValue} out of the database.
   */
  @Override
  public void addField(ProjectState state, ModelState model, FieldState field) {
    if (field.fieldType() == FieldType.MANY_TO_MANY) {
      if (field.isAutoManyToMany()) {
        createJoinTable(state, model, field);
      }
      return;
    }
    String table = model.tableName();
    execute(
        format(
            sqlCreateColumn,
            "table", quoteName(table),
            "column", quoteName(field.columnName()),
            "definition", columnDefinition(state, field, true)));
    if (effectiveDefault(state, field) != null && field.dbDefault() == null) {
      execute(
          format(
              sqlAlterColumn,
              "table", quoteName(table),
              "changes", format(sqlAlterColumnNoDefault, "column", quoteName(field.columnName()))));
    }
    if (field.comment() != null) {
      columnComment(table, field);
    }
    deferFieldExtras(state, model.withField(field), field);
  }

  @Override
  public void removeField(ProjectState state, ModelState model, FieldState field) {
    if (field.fieldType() == FieldType.MANY_TO_MANY) {
      if (field.isAutoManyToMany()) {
        ModelState join = joinModel(state, model, field);
        execute(format(sqlDeleteTable, "table", quoteName(join.tableName())));
        discardDeferred(join.tableName());
      }
      return;
    }
    beforeDropColumn(state, model, field);
    execute(
        format(
            sqlDeleteColumn,
            "table", quoteName(model.tableName()),
            "column", quoteName(field.columnName())));
  }

  /** Before a column is dropped (MySQL must drop its foreign key first). */
  protected void beforeDropColumn(ProjectState state, ModelState model, FieldState field) {}

  /** What of a field reaches the database; options such as help text do not. */
  protected FieldState dbRelevant(ProjectState state, FieldState f) {
    String to = null;
    if (f.isRelation()) {
      ModelState target = state.model(f.to());
      to = target == null ? f.to() : target.tableName();
    }
    return f.toBuilder()
        .name(f.columnName())
        .column(null)
        .helpText(null)
        .choices(List.of())
        .relatedName(null)
        .defaultValue(null)
        .to(to)
        .build();
  }

  /**
   * Django's _alter_field, in the order that keeps constraints valid: drop what goes away, rename,
   * change type / default / null, then add what is new. Constraint and index names are looked up
   * in the database where the backend can ({@link #existingName}), so objects created under an
   * older table or column name are still found.
   */
  @Override
  public void alterField(
      ProjectState fromState,
      ModelState fromModel,
      FieldState oldField,
      ProjectState toState,
      ModelState toModel,
      FieldState newField) {
    if (Objects.equals(dbRelevant(fromState, oldField), dbRelevant(toState, newField))) {
      return;
    }
    if (oldField.fieldType() == FieldType.MANY_TO_MANY
        && newField.fieldType() == FieldType.MANY_TO_MANY) {
      alterManyToMany(fromState, fromModel, oldField, toState, toModel, newField);
      return;
    }
    if (oldField.fieldType() == FieldType.MANY_TO_MANY
        || newField.fieldType() == FieldType.MANY_TO_MANY) {
      throw new IllegalStateException(
          "Cannot alter many-to-many field '" + oldField.name() + "' on '" + fromModel.name()
              + "' in place; remove it and add it again.");
    }
    String table = toModel.tableName();
    String qt = quoteName(table);
    String oldColumn = oldField.columnName();
    String column = newField.columnName();
    boolean renamed = !oldColumn.equals(column);
    String oldType = columnType(fromState, oldField);
    String newType = columnType(toState, newField);
    if (isForeignKey(oldField) && sqlCreateInlineFk == null) {
      ModelState target = targetModel(fromState, oldField);
      String toCol = targetField(fromState, oldField).columnName();
      dropForeignKey(
          table,
          existingName(
              table, oldColumn, NameKind.FOREIGN_KEY,
              foreignKeyName(table, oldField, target.tableName(), toCol)));
    }
    if (isUnique(oldField) && !isUnique(newField)) {
      execute(
          format(
              sqlDeleteUnique,
              "table", qt,
              "name",
                  quoteName(
                      existingName(table, oldColumn, NameKind.UNIQUE, uniqueName(table, oldField)))));
    }
    // A key whose type changes takes the columns referring to it along: their foreign keys go
    // first (the database refuses to retype a referenced column), and come back at the end.
    List<Referrer> referrers =
        keyTypeChanges(oldField, newField, oldType, newType)
            ? referrers(fromState, fromModel, oldField, toState, toModel, newField)
            : List.of();
    if (sqlCreateInlineFk == null) {
      for (Referrer r : referrers) {
        String refTable = r.model().tableName();
        String toColumn = targetField(fromState, r.oldField()).columnName();
        dropForeignKey(
            refTable,
            existingName(
                refTable, r.oldField().columnName(), NameKind.FOREIGN_KEY,
                foreignKeyName(refTable, r.oldField(), fromModel.tableName(), toColumn)));
      }
    }
    if (needsFieldIndex(oldField) && !needsFieldIndex(newField)) {
      dropIndex(table, existingName(table, oldColumn, NameKind.INDEX, fieldIndexName(table, oldField)));
    }
    beforeColumnChange(table, oldField, newField, oldType, newType);
    if (renamed) {
      execute(renameColumnSql(table, oldColumn, column, fromState, oldField));
      renameKeptIndexes(table, oldField, newField);
    }
    alterColumn(table, fromState, oldField, toState, newField, oldType, newType);
    if (!isUnique(oldField) && isUnique(newField)) {
      execute(
          format(
              sqlCreateConstraint,
              "table", qt,
              "name", quoteName(uniqueName(table, newField)),
              "constraint", format(sqlUniqueConstraint, "columns", quoteName(column))));
    }
    if (!needsFieldIndex(oldField) && needsFieldIndex(newField)) {
      execute(fieldIndexSql(table, newField));
    }
    afterColumnChange(table, oldField, newField, oldType, newType);
    for (Referrer r : referrers) {
      alterReferringColumn(r.model().tableName(), fromState, r.oldField(), toState, r.newField());
    }
    if (isForeignKey(newField) && sqlCreateInlineFk == null) {
      execute(foreignKeySql(toState, table, newField));
    }
    if (sqlCreateInlineFk == null) {
      for (Referrer r : referrers) {
        execute(foreignKeySql(toState, r.model().tableName(), r.newField(), "_fk"));
      }
    }
  }

  /**
   * Whether {@code newField} is a key other columns may refer to (a primary key, or unique) and
   * its column type changes: Django's {@code drop_foreign_keys} in {@code _alter_field}.
   */
  protected static boolean keyTypeChanges(
      FieldState oldField, FieldState newField, String oldType, String newType) {
    boolean key =
        (oldField.primaryKey() && newField.primaryKey())
            || (isKeyUnique(oldField) && isKeyUnique(newField));
    return key && !oldType.equals(newType);
  }

  /** Django's {@code field.unique}: declared unique, a one-to-one, or the primary key. */
  protected static boolean isKeyUnique(FieldState field) {
    return field.unique() || field.primaryKey() || field.fieldType() == FieldType.ONE_TO_ONE;
  }

  /**
   * A column referring to an altered key: the table that holds it ({@code model}, in the state
   * after the change) and its field, which resolves to the old key's type in the state before and
   * to the new key's type in the state after.
   */
  protected record Referrer(ModelState model, FieldState oldField, FieldState newField) {}

  /**
   * Django's {@code _related_non_m2m_objects}: every foreign key and one-to-one of a managed model
   * (and every automatic join table) that refers to {@code newField} of {@code toModel}, the
   * primary key through an implicit {@code to_field} or the field named by {@code toField}; and,
   * where such a column is itself a key, the columns referring to it in turn.
   */
  protected List<Referrer> referrers(
      ProjectState fromState,
      ModelState fromModel,
      FieldState oldField,
      ProjectState toState,
      ModelState toModel,
      FieldState newField) {
    List<Referrer> out = new ArrayList<>();
    collectReferrers(fromState, toState, toModel, newField, out, new java.util.HashSet<>());
    return out;
  }

  private void collectReferrers(
      ProjectState fromState,
      ProjectState toState,
      ModelState target,
      FieldState key,
      List<Referrer> out,
      java.util.Set<String> seen) {
    String targetKey = ProjectState.key(target.app(), target.name());
    for (ModelState m : toState.models()) {
      if (!m.managed()) {
        continue;
      }
      List<ModelState> holders = new ArrayList<>();
      holders.add(m);
      for (FieldState m2m : manyToManyFields(m)) {
        if (toState.model(m2m.to()) != null) {
          holders.add(joinModel(toState, m, m2m));
        }
      }
      for (ModelState holder : holders) {
        for (FieldState f : columnFields(holder)) {
          if (!isForeignKey(f) || f.to() == null || !f.to().equalsIgnoreCase(targetKey)) {
            continue;
          }
          boolean refers =
              f.toField() == null ? key.primaryKey() : f.toField().equals(key.name());
          boolean itself =
              holder.tableName().equals(target.tableName()) && f.name().equals(key.name());
          if (!refers || itself || !seen.add(holder.tableName() + "." + f.columnName())) {
            continue;
          }
          out.add(new Referrer(holder, f, f));
          if (f.primaryKey() || isKeyUnique(f)) {
            collectReferrers(fromState, toState, holder, f, out, seen);
          }
        }
      }
    }
  }

  /**
   * Retypes a column referring to a retyped key (Django's {@code rels_to_update}): only the type
   * changes, nothing else of the column. {@code oldField} resolves in {@code fromState}, {@code
   * newField} in {@code toState}.
   */
  protected void alterReferringColumn(
      String table,
      ProjectState fromState,
      FieldState oldField,
      ProjectState toState,
      FieldState newField) {
    String oldType = columnType(fromState, oldField);
    String newType = columnType(toState, newField);
    execute(
        format(
            sqlAlterColumn,
            "table", quoteName(table),
            "changes", alterColumnTypeSql(newField.columnName(), oldType, newType)));
  }

  /**
   * The column itself: type, database default, filling NULLs with the default, nullability and
   * comment, in Django's order (NULL to NOT NULL with a default: update the NULLs, then SET NOT
   * NULL).
   */
  protected void alterColumn(
      String table,
      ProjectState fromState,
      FieldState oldField,
      ProjectState toState,
      FieldState newField,
      String oldType,
      String newType) {
    String qt = quoteName(table);
    String column = newField.columnName();
    List<String> changes = new ArrayList<>();
    if (!oldType.equals(newType)) {
      changes.add(alterColumnTypeSql(column, oldType, newType));
    }
    if (!Objects.equals(oldField.dbDefault(), newField.dbDefault())) {
      changes.add(
          newField.dbDefault() == null
              ? format(sqlAlterColumnNoDefault, "column", quoteName(column))
              : format(
                  sqlAlterColumnDefault, "column", quoteName(column), "default",
                  newField.dbDefault()));
    }
    for (String change : changes) {
      execute(format(sqlAlterColumn, "table", qt, "changes", change));
    }
    String fill = effectiveDefault(toState, newField);
    if (oldField.nullable() && !newField.nullable() && fill != null) {
      fillNulls(table, newField, fill);
    }
    if (oldField.nullable() != newField.nullable()) {
      String change =
          format(
              newField.nullable() ? sqlAlterColumnNull : sqlAlterColumnNotNull,
              "column", quoteName(column),
              "type", newType);
      execute(format(sqlAlterColumn, "table", qt, "changes", change));
    }
    if (!Objects.equals(oldField.comment(), newField.comment())) {
      columnComment(table, newField);
    }
  }

  /** Gives existing NULLs the default before the column becomes NOT NULL. */
  protected void fillNulls(String table, FieldState field, String literal) {
    execute(
        format(
            sqlUpdateWithDefault,
            "table", quoteName(table),
            "column", quoteName(field.columnName()),
            "default", literal));
  }

  /** The ALTER TABLE clause that changes a column's type. */
  protected String alterColumnTypeSql(String column, String oldType, String newType) {
    return format(sqlAlterColumnType, "column", quoteName(column), "type", newType);
  }

  /** Before the column is renamed or retyped (PostgreSQL drops its {@code _like} index here). */
  protected void beforeColumnChange(
      String table, FieldState oldField, FieldState newField, String oldType, String newType) {}

  /** After the column changed (PostgreSQL recreates its {@code _like} index here). */
  protected void afterColumnChange(
      String table, FieldState oldField, FieldState newField, String oldType, String newType) {}

  /**
   * A renamed column keeps its index and unique constraint; renaming them too keeps every name
   * what Django's naming gives for the current column, so later operations can find them.
   */
  protected void renameKeptIndexes(String table, FieldState oldField, FieldState newField) {
    if (sqlRenameIndex == null) {
      return;
    }
    if (needsFieldIndex(oldField) && needsFieldIndex(newField)) {
      renameIndexNamed(
          table,
          existingName(table, newField.columnName(), NameKind.INDEX, fieldIndexName(table, oldField)),
          fieldIndexName(table, newField));
    }
    if (isUnique(oldField) && isUnique(newField)) {
      renameUniqueNamed(
          table,
          existingName(table, newField.columnName(), NameKind.UNIQUE, uniqueName(table, oldField)),
          uniqueName(table, newField));
    }
  }

  protected void renameIndexNamed(String table, String oldName, String newName) {
    if (!oldName.equals(newName)) {
      execute(
          format(
              sqlRenameIndex,
              "table", quoteName(table),
              "oldName", quoteName(oldName),
              "newName", quoteName(newName)));
    }
  }

  /** A unique constraint is an index on most backends; PostgreSQL renames the constraint. */
  protected void renameUniqueNamed(String table, String oldName, String newName) {
    renameIndexNamed(table, oldName, newName);
  }

  protected void dropForeignKey(String table, String name) {
    execute(format(sqlDeleteFk, "table", quoteName(table), "name", quoteName(name)));
  }

  protected void dropIndex(String table, String name) {
    execute(format(sqlDeleteIndex, "name", quoteName(name), "table", quoteName(table)));
  }

  /** What a name lookup in the database is for. */
  protected enum NameKind {
    FOREIGN_KEY,
    UNIQUE,
    INDEX,
    /** PostgreSQL's extra pattern-ops index of a text column. */
    LIKE
  }

  /**
   * The name of the single {@code kind} object on {@code table.column} as the database has it
   * (Django's _constraint_names), or {@code computed} when the backend does not look (SQLite,
   * sqlmigrate) or finds none or several.
   */
  protected String existingName(String table, String column, NameKind kind, String computed) {
    return computed;
  }

  /** Comments a column where the backend has column comments. */
  protected void columnComment(String table, FieldState field) {
    if (sqlColumnComment == null) {
      return;
    }
    execute(
        format(
            sqlColumnComment,
            "table", quoteName(table),
            "column", quoteName(field.columnName()),
            "comment", field.comment() == null ? noComment() : quoteString(field.comment())));
  }

  /** What a removed comment is set to: {@code NULL}, or {@code ''} where NULL is refused. */
  protected String noComment() {
    return "NULL";
  }

  protected String uniqueName(String table, FieldState field) {
    return Names.schemaName(table, List.of(field.columnName()), "_uniq", maxNameLength());
  }

  /**
   * Renames a column; {@code state} and {@code field} describe it before the rename (MySQL before
   * 8.0 and MariaDB before 10.5.2 restate the definition with {@code CHANGE}).
   */
  protected String renameColumnSql(
      String table, String oldColumn, String newColumn, ProjectState state, FieldState field) {
    return format(
        sqlRenameColumn,
        "table", quoteName(table),
        "oldColumn", quoteName(oldColumn),
        "newColumn", quoteName(newColumn));
  }

  @Override
  public void alterDbTable(ProjectState state, ModelState model, String oldTable, String newTable) {
    if (oldTable.equals(newTable)) {
      return;
    }
    execute(
        format(sqlRenameTable, "oldTable", quoteName(oldTable), "newTable", quoteName(newTable)));
    renameDeferred(oldTable, newTable);
  }

  @Override
  public void alterTableComment(ModelState model, String oldComment, String newComment) {
    if (Objects.equals(oldComment, newComment) || sqlTableComment == null) {
      return;
    }
    execute(
        format(
            sqlTableComment,
            "table", quoteName(model.tableName()),
            "comment", newComment == null ? noComment() : quoteString(newComment)));
  }

  @Override
  public void addIndex(ProjectState state, ModelState model, IndexState index) {
    execute(indexSql(model.tableName(), model, index));
  }

  @Override
  public void removeIndex(ProjectState state, ModelState model, IndexState index) {
    execute(
        format(
            sqlDeleteIndex,
            "name", quoteName(index.name()),
            "table", quoteName(model.tableName())));
  }

  @Override
  public void renameIndex(
      ProjectState state, ModelState model, IndexState oldIndex, IndexState newIndex) {
    if (oldIndex.name().equals(newIndex.name())) {
      return;
    }
    if (sqlRenameIndex == null) {
      removeIndex(state, model, oldIndex);
      addIndex(state, model, newIndex);
      return;
    }
    execute(
        format(
            sqlRenameIndex,
            "table", quoteName(model.tableName()),
            "oldName", quoteName(oldIndex.name()),
            "newName", quoteName(newIndex.name())));
  }

  @Override
  public void addConstraint(ProjectState state, ModelState model, ConstraintState constraint) {
    if (!constraint.isCheck() && constraint.condition() != null) {
      execute(conditionalUniqueSql(model.tableName(), model, constraint));
      return;
    }
    execute(
        format(
            sqlCreateConstraint,
            "table", quoteName(model.tableName()),
            "name", quoteName(constraint.name()),
            "constraint",
            constraint.isCheck()
                ? format(sqlCheckConstraint, "check", constraint.check())
                : format(sqlUniqueConstraint, "columns", columnList(model, constraint.fields()))));
  }

  @Override
  public void removeConstraint(ProjectState state, ModelState model, ConstraintState constraint) {
    if (!constraint.isCheck() && constraint.condition() != null) {
      execute(format(sqlDeleteIndex, "name", quoteName(constraint.name()),
          "table", quoteName(model.tableName())));
      return;
    }
    execute(
        format(
            constraint.isCheck() ? sqlDeleteCheck : sqlDeleteUnique,
            "table", quoteName(model.tableName()),
            "name", quoteName(constraint.name())));
  }

  /** Removes list entries matching {@code test}, for subclasses editing model lists. */
  protected static <T> List<T> without(List<T> list, java.util.function.Predicate<T> test) {
    List<T> out = new ArrayList<>(list);
    for (Iterator<T> it = out.iterator(); it.hasNext(); ) {
      if (test.test(it.next())) {
        it.remove();
      }
    }
    return out;
  }
}
