package dev.migrata.internal.backends.mysql;

import static dev.migrata.internal.backends.base.SqlTemplates.format;

import dev.migrata.internal.backends.base.DataTypes;
import dev.migrata.internal.backends.base.Features;
import dev.migrata.internal.backends.base.Fields;
import dev.migrata.internal.backends.base.InPlaceSchemaEditor;
import dev.migrata.internal.backends.base.Introspection.NameKind;
import dev.migrata.internal.backends.base.Quoting;
import dev.migrata.internal.backends.base.SqlTemplates;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * MySQL's and MariaDB's schema editor (Django's {@code mysql/schema.py}). DDL commits implicitly,
 * so nothing here is atomic ({@link Features#canRollbackDdl}); a failed migration stays partly
 * applied and the executor says exactly how far it got. Columns change with {@code MODIFY}, which
 * restates the whole definition; InnoDB indexes foreign keys itself, so they get no index of their
 * own. Where MySQL and MariaDB differ, the server's version decides ({@link MysqlFeatures}).
 */
public final class MysqlSchemaEditor extends InPlaceSchemaEditor {
  /**
   * Django's {@code mysql} {@code data_types}: UUIDs are the native {@code uuid} type where the
   * server has one (MariaDB 10.7+, Django 5.0+), else 32 hex digits. Positive integers are {@code
   * UNSIGNED} and, where the server enforces column checks, also {@code CHECK (`col` >= 0)} (its
   * {@code data_type_check_constraints}).
   */
  static DataTypes types(Features features) {
    DataTypes types = new DataTypes();
    if (MysqlFeatures.supportsColumnCheckConstraints(features.serverVersion())) {
      types.check(
          "{column} >= 0",
          FieldType.POSITIVE_SMALL_INTEGER,
          FieldType.POSITIVE_INTEGER,
          FieldType.POSITIVE_BIG_INTEGER);
    }
    return types
        .type("integer AUTO_INCREMENT", FieldType.AUTO)
        .type("bigint AUTO_INCREMENT", FieldType.BIG_AUTO)
        .type("integer", FieldType.INTEGER)
        .type("bigint", FieldType.BIG_INTEGER, FieldType.DURATION)
        .type("smallint", FieldType.SMALL_INTEGER)
        .type("longblob", FieldType.BINARY)
        .type("bool", FieldType.BOOLEAN)
        .type("varchar({maxLength})", FieldType.CHAR)
        .unsizedCharError(
            "Field '{field}' is a CharField without maxLength, which MySQL cannot store as"
                + " varchar; give it a maxLength or make it a TextField.")
        .type("longtext", FieldType.TEXT)
        .type("json", FieldType.JSON)
        .type("date", FieldType.DATE)
        .type("time(6)", FieldType.TIME)
        .type("datetime(6)", FieldType.DATE_TIME, FieldType.LOCAL_DATE_TIME)
        .type("numeric({precision}, {scale})", FieldType.DECIMAL)
        .type("double precision", FieldType.FLOAT)
        .type(features.hasNativeUuidField() ? "uuid" : "char(32)", FieldType.UUID)
        .type("smallint AUTO_INCREMENT", FieldType.SMALL_AUTO)
        .type("smallint UNSIGNED", FieldType.POSITIVE_SMALL_INTEGER)
        .type("integer UNSIGNED", FieldType.POSITIVE_INTEGER)
        .type("bigint UNSIGNED", FieldType.POSITIVE_BIG_INTEGER)
        .type(
            "varchar({maxLength})",
            FieldType.EMAIL,
            FieldType.URL,
            FieldType.SLUG,
            FieldType.FILE,
            FieldType.IMAGE,
            FieldType.FILE_PATH)
        .type("char(39)", FieldType.GENERIC_IP)
        .relatedFieldsMatchType(true);
  }

  /** What {@code MODIFY} and {@code CHANGE} restate after the type. */
  private static final String SQL_DEFAULT = " DEFAULT {default}";

  private static final String SQL_COMMENT = " COMMENT {comment}";

  /** Set while RunSql's statements run: those are the user's, and stay as written. */
  private boolean rawSql;

  /** The schema statement with its online DDL clause when {@link #onlineDdl} is on. */
  @Override
  protected void execute(String statement, Runnable beforeRetry) {
    String sql =
        onlineDdl && !rawSql ? new OnlineDdl(features.serverVersion()).apply(statement) : statement;
    super.execute(sql, beforeRetry);
  }

  /**
   * MariaDB's sequences as Hibernate's {@code MariaDBSequenceSupport} creates them: {@code
   * NOCACHE}, so that no server holds back a block of values (lost on restart, apart on each Galera
   * node).
   */
  @Override
  protected String sequenceOptions() {
    return " NOCACHE";
  }

  @Override
  public void execute(List<String> statements) {
    rawSql = true;
    try {
      super.execute(statements);
    } finally {
      rawSql = false;
    }
  }

  static SqlTemplates templates(Features features) {
    SqlTemplates sql = new SqlTemplates();
    sql.createTable = "CREATE TABLE {table} ({definition}) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    sql.renameTable = "RENAME TABLE {oldTable} TO {newTable}";
    sql.deleteTable = "DROP TABLE {table}";
    sql.deleteColumn = "ALTER TABLE {table} DROP COLUMN {column}";
    sql.alterColumnType = "MODIFY {column} {type}";
    sql.alterColumnNull = "MODIFY {column} {type} NULL";
    sql.alterColumnNotNull = "MODIFY {column} {type} NOT NULL";
    sql.renameColumnChange = "ALTER TABLE {table} CHANGE {oldColumn} {newColumn} {definition}";
    sql.deleteFk = "ALTER TABLE {table} DROP FOREIGN KEY {name}";
    sql.deleteUnique = "ALTER TABLE {table} DROP INDEX {name}";
    sql.deleteIndex = "DROP INDEX {name} ON {table}";
    sql.renameIndex = "ALTER TABLE {table} RENAME INDEX {oldName} TO {newName}";
    sql.deleteCheck =
        switch (features.checkDrop()) {
          case DROP_CONSTRAINT_IF_EXISTS -> "ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {name}";
          case DROP_CHECK -> "ALTER TABLE {table} DROP CHECK {name}";
          case DROP_CONSTRAINT -> "ALTER TABLE {table} DROP CONSTRAINT {name}";
        };
    sql.deferrable = "";
    sql.tableComment = "ALTER TABLE {table} COMMENT = {comment}";
    // COMMENT = NULL is a syntax error; an empty comment is none (as Django writes).
    sql.noComment = "''";
    sql.inlineColumnComment = "COMMENT {comment}";
    // MariaDB's generated columns take no NULL / NOT NULL ("You have an error in your SQL
    // syntax"); MySQL's take both.
    sql.generatedColumnNullability =
        !features.serverVersion().toLowerCase(java.util.Locale.ROOT).contains("mariadb");
    return sql;
  }

  public MysqlSchemaEditor(Connection connection, boolean collect, Features features) {
    super(
        connection,
        collect,
        features,
        MysqlBackend.INTROSPECTION,
        templates(features),
        types(features),
        new Quoting("mysql", '`', true, "1", "0", features));
  }

  /** MariaDB names a column-level check after its column; MySQL numbers them per table. */
  @Override
  protected String unnamedCheckName(String table, String column) {
    return isMariaDb() ? column : table + "_chk_1";
  }

  /**
   * MariaDB's {@code MODIFY} drops the column's own check with the old definition; Django loses it
   * there, Migrata adds it back (named as Django names an added check).
   */
  @Override
  protected boolean typeCheckLost(String table, String column) {
    return isMariaDb()
        && !collect
        && connection != null
        && introspection.constraintNames(connection, table, column, NameKind.CHECK).isEmpty();
  }

  private boolean isMariaDb() {
    String v = features.serverVersion();
    return v != null && v.toLowerCase(Locale.ROOT).contains("mariadb");
  }

  /**
   * A generated column's other options (nullability, type, comment) change by restating the whole
   * column, expression included: a {@code MODIFY} with only the type would make it a plain column.
   */
  @Override
  protected void alterFieldInPlace(
      ProjectState fromState,
      ModelState fromModel,
      FieldState oldField,
      ProjectState toState,
      ModelState toModel,
      FieldState newField) {
    if (!newField.isGenerated()) {
      super.alterFieldInPlace(fromState, fromModel, oldField, toState, toModel, newField);
      return;
    }
    execute(
        format(
            SQL_CHANGE_GENERATED,
            "table",
            quoteName(toModel.tableName()),
            "oldColumn",
            quoteName(oldField.columnName()),
            "newColumn",
            quoteName(newField.columnName()),
            "definition",
            columns.definition(toState, toModel, newField, false)));
  }

  private static final String SQL_CHANGE_GENERATED =
      "ALTER TABLE {table} CHANGE {oldColumn} {newColumn} {definition}";

  /**
   * Django's {@code _create_missing_fk_index}: InnoDB lets a foreign key use any index that starts
   * with its column and then refuses to drop that index ("needed in a foreign key constraint").
   * Before dropping an index or unique constraint whose first field is a foreign key, give the key
   * an index of its own when the one being dropped is the only one starting with its column.
   */
  @Override
  protected void beforeDropIndex(ModelState model, List<String> fields) {
    if (fields.isEmpty() || collect || connection == null) {
      return;
    }
    String first = fields.get(0);
    FieldState field = model.field(first.startsWith("-") ? first.substring(1) : first);
    if (field == null || !Fields.hasForeignKeyConstraint(field)) {
      return;
    }
    String table = model.tableName();
    if (introspection.indexesStartingWith(connection, table, field.columnName()).size() == 1) {
      execute(constraints.fieldIndex(table, field));
    }
  }

  /**
   * InnoDB keeps the index it made for a foreign key, under the key's name, when the key is
   * dropped: a field that no longer has a constraint gets the index Django names instead (or none),
   * as the drift check expects.
   */
  @Override
  protected void afterForeignKeyDropped(String table, FieldState oldField, String name) {
    if (collect || connection == null) {
      return;
    }
    if (introspection
        .indexesStartingWith(connection, table, oldField.columnName())
        .contains(name)) {
      dropIndex(table, name);
    }
  }

  @Override
  protected String renameColumnSql(
      String table, String oldColumn, String newColumn, ProjectState state, FieldState field) {
    if (features.canRenameColumn()) {
      return super.renameColumnSql(table, oldColumn, newColumn, state, field);
    }
    return format(
        sql.renameColumnChange,
        "table",
        quoteName(table),
        "oldColumn",
        quoteName(oldColumn),
        "newColumn",
        quoteName(newColumn),
        "definition",
        modifyDefinition(state, field));
  }

  /**
   * What {@code MODIFY} restates: type, database default, nullability, comment — without the key
   * and unique clauses, which the column keeps.
   */
  private String modifyDefinition(ProjectState state, FieldState field) {
    StringBuilder out = new StringBuilder(columnType(state, field));
    if (field.dbDefault() != null) {
      out.append(format(SQL_DEFAULT, "default", field.dbDefault()));
    }
    out.append(field.nullable() ? " NULL" : " NOT NULL");
    if (field.comment() != null) {
      out.append(format(SQL_COMMENT, "comment", quoting.string(field.comment())));
    }
    return out.toString();
  }

  /** {@code ALTER TABLE ... MODIFY} with the whole definition of {@code field}. */
  private void modify(String table, ProjectState state, FieldState field) {
    execute(
        format(
            sql.alterColumn,
            "table",
            quoteName(table),
            "changes",
            format(
                sql.alterColumnType,
                "column",
                quoteName(field.columnName()),
                "type",
                modifyDefinition(state, field))));
  }

  /**
   * One {@code MODIFY} with the whole new definition: MySQL has no separate SET NOT NULL, and a
   * partial MODIFY would drop the default and comment. NULLs get the default first.
   */
  @Override
  protected void alterColumn(
      String table,
      ProjectState fromState,
      FieldState oldField,
      ProjectState toState,
      FieldState newField,
      String oldType,
      String newType) {
    String fill = quoting.effectiveDefault(toState, newField);
    if (oldField.nullable() && !newField.nullable() && fill != null) {
      fillNulls(table, newField, fill);
    }
    boolean changed =
        !oldType.equals(newType)
            || oldField.nullable() != newField.nullable()
            || !Objects.equals(oldField.dbDefault(), newField.dbDefault())
            || !Objects.equals(oldField.comment(), newField.comment());
    if (changed) {
      modify(table, toState, newField);
    }
  }

  /** {@code MODIFY} restates the whole column: the referring column keeps its null and comment. */
  @Override
  protected void alterReferringColumn(
      String table,
      ProjectState fromState,
      FieldState oldField,
      ProjectState toState,
      FieldState newField) {
    modify(table, toState, newField);
  }

  /** MySQL refuses to drop a column its foreign key uses (Django drops the FK first, too). */
  @Override
  protected void beforeDropColumn(ProjectState state, ModelState model, FieldState field) {
    if (!Fields.hasForeignKeyConstraint(field)) {
      return;
    }
    String table = model.tableName();
    ModelState target = state.model(field.to());
    String computed =
        target == null
            ? null
            : constraints.foreignKeyName(
                table, field, target.tableName(), Fields.targetField(state, field).columnName());
    String name = existingName(table, field.columnName(), NameKind.FOREIGN_KEY, computed);
    if (name != null) {
      dropForeignKey(table, name);
    }
  }
}
