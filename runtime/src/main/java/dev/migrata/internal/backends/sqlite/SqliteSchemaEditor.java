package dev.migrata.internal.backends.sqlite;

import static dev.migrata.internal.backends.base.SqlTemplates.format;

import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.backends.base.DataTypes;
import dev.migrata.internal.backends.base.Fields;
import dev.migrata.internal.backends.base.KeyReferrers;
import dev.migrata.internal.backends.base.KeyReferrers.Referrer;
import dev.migrata.internal.backends.base.Quoting;
import dev.migrata.internal.backends.base.SqlTemplates;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.OrmOptions;
import dev.migrata.internal.state.ProjectState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * SQLite's schema editor (Django's {@code sqlite3/schema.py}). SQLite alters little in place, so
 * most changes rebuild the table as Django's {@code _remake_table}: create {@code new__<table>},
 * copy every row with {@code INSERT ... SELECT}, drop the old table, rename the new one, recreate
 * the indexes — all inside the migration's transaction, with foreign key enforcement off and {@code
 * PRAGMA foreign_key_check} before commit.
 */
public final class SqliteSchemaEditor extends BaseSchemaEditor {
  /** Django's {@code sqlite3} {@code data_types}. */
  private static final DataTypes TYPES =
      new DataTypes()
          .type("integer", FieldType.AUTO, FieldType.BIG_AUTO, FieldType.INTEGER)
          .type("BLOB", FieldType.BINARY)
          .type("bool", FieldType.BOOLEAN)
          .type("varchar({maxLength})", FieldType.CHAR)
          .unsizedChar("varchar")
          .type("date", FieldType.DATE)
          .type("datetime", FieldType.DATE_TIME, FieldType.LOCAL_DATE_TIME)
          .type("decimal", FieldType.DECIMAL)
          .type("bigint", FieldType.DURATION, FieldType.BIG_INTEGER)
          .type("real", FieldType.FLOAT)
          .type("smallint", FieldType.SMALL_INTEGER)
          .type("text", FieldType.TEXT, FieldType.JSON)
          .type("time", FieldType.TIME)
          .type("char(32)", FieldType.UUID)
          .check("(JSON_VALID({column}) OR {column} IS NULL)", FieldType.JSON)
          .type("integer", FieldType.SMALL_AUTO)
          .type("smallint unsigned", FieldType.POSITIVE_SMALL_INTEGER)
          .type("integer unsigned", FieldType.POSITIVE_INTEGER)
          .type("bigint unsigned", FieldType.POSITIVE_BIG_INTEGER)
          .type(
              "varchar({maxLength})",
              FieldType.EMAIL,
              FieldType.URL,
              FieldType.SLUG,
              FieldType.FILE,
              FieldType.IMAGE,
              FieldType.FILE_PATH)
          .type("char(39)", FieldType.GENERIC_IP)
          .check(
              "{column} >= 0",
              FieldType.POSITIVE_SMALL_INTEGER,
              FieldType.POSITIVE_INTEGER,
              FieldType.POSITIVE_BIG_INTEGER)
          .suffix("AUTOINCREMENT", FieldType.AUTO, FieldType.BIG_AUTO, FieldType.SMALL_AUTO);

  /** The table rebuild's own statements. */
  private static final String SQL_COPY_ROWS =
      "INSERT INTO {newTable} ({columns}) SELECT {values} FROM {table}";

  private static final String SQL_COALESCE = "coalesce({column}, {default})";

  private static final String TEMP_PREFIX = "new__";

  private static SqlTemplates templates() {
    SqlTemplates sql = new SqlTemplates();
    sql.deleteTable = "DROP TABLE {table}";
    sql.deleteColumn = "ALTER TABLE {table} DROP COLUMN {column}";
    sql.createInlineFk = "REFERENCES {toTable} ({toColumn}){onDelete}{deferrable}";
    sql.renameIndex = null;
    sql.tableComment = null;
    return sql;
  }

  private final SqliteForeignKeys foreignKeys;

  public SqliteSchemaEditor(Connection connection, boolean collect) {
    super(
        connection,
        collect,
        SqliteFeatures.FEATURES,
        new SqliteIntrospection(),
        templates(),
        TYPES,
        new Quoting("sqlite", '"', false, "1", "0", SqliteFeatures.FEATURES));
    this.foreignKeys = new SqliteForeignKeys(connection);
  }

  // ---------------------------------------------------------------- lifecycle

  /** Foreign keys must be off before the transaction starts: the pragma is a no-op inside one. */
  @Override
  public void begin(boolean atomic) throws SQLException {
    if (!collect) {
      foreignKeys.turnOff();
    }
    super.begin(atomic);
  }

  @Override
  public void finish() throws SQLException {
    super.finish();
    if (!collect) {
      foreignKeys.check();
    }
  }

  @Override
  public void commit() throws SQLException {
    super.commit();
    foreignKeys.restore();
  }

  @Override
  public void rollback() {
    super.rollback();
    try {
      foreignKeys.restore();
    } catch (SQLException e) {
      // The connection is closed after a failure; the original error is what matters.
    }
  }

  // ---------------------------------------------------------------- the rebuild

  /**
   * Django's {@code _remake_table}: rebuilds {@code oldModel}'s table as {@code newModel}, keeping
   * every row. {@code created} is a new column filled with its default; {@code alteredOld}/{@code
   * alteredNew} an altered (possibly renamed) column.
   */
  protected void remakeTable(
      ProjectState state,
      ModelState oldModel,
      ModelState newModel,
      FieldState created,
      FieldState alteredOld,
      FieldState alteredNew) {
    ProjectState s = Fields.with(state, newModel);
    String table = oldModel.tableName();
    String tempTable = TEMP_PREFIX + table;
    List<String> targets = new ArrayList<>();
    List<String> selects = new ArrayList<>();
    for (FieldState f : Fields.columnFields(newModel)) {
      if (f.isGenerated()) {
        continue; // the database computes it; INSERT may not name it
      }
      String expression;
      if (created != null && f.name().equals(created.name())) {
        if (created.dbDefault() != null) {
          continue; // the column's DEFAULT fills it
        }
        String fill = quoting.effectiveDefault(s, created);
        expression = fill == null ? "NULL" : fill;
      } else if (alteredNew != null && f.name().equals(alteredNew.name())) {
        String old = quoteName(alteredOld.columnName());
        if (alteredOld.nullable() && !alteredNew.nullable()) {
          String fill = quoting.effectiveDefault(s, alteredNew);
          if (fill == null) {
            fill = alteredNew.dbDefault() != null ? alteredNew.dbDefault() : "NULL";
          }
          expression = format(SQL_COALESCE, "column", old, "default", fill);
        } else {
          expression = old;
        }
      } else {
        FieldState old = oldModel.field(f.name());
        if (old == null || !old.hasColumn()) {
          continue;
        }
        expression = quoteName(old.columnName());
      }
      targets.add(quoteName(f.columnName()));
      selects.add(expression);
    }
    execute(columns.table(s, newModel, tempTable));
    copyRows(
        oldModel,
        format(
            SQL_COPY_ROWS,
            "newTable",
            quoteName(tempTable),
            "table",
            quoteName(table),
            "columns",
            String.join(", ", targets),
            "values",
            String.join(", ", selects)));
    dropTable(table);
    execute(
        format(sql.renameTable, "oldTable", quoteName(tempTable), "newTable", quoteName(table)));
    // Dropping the table dropped its indexes; recreate the new model's now, as Django runs the
    // deferred SQL at the end of a rebuild.
    deferTableExtras(s, newModel);
    runDeferred();
  }

  /** The rebuild's copy: in one statement, or in counted rowid ranges for a large table. */
  private void copyRows(ModelState oldModel, String copy) {
    if (collect) {
      execute(copy);
      return;
    }
    new RebuildCopy(connection, this::execute, this::quoteName, context().rowProgress())
        .run(oldModel, TEMP_PREFIX + oldModel.tableName(), copy);
  }

  // ---------------------------------------------------------------- operations

  /**
   * SQLite's ADD COLUMN takes non-unique, non-key columns without a default kept outside the
   * database, nullable or with a constant database default (Django's add_field: a {@code Value}
   * db_default is added in place): SQLite refuses only a non-constant default, a NOT NULL column
   * without a non-NULL default, and a foreign key with a default other than NULL. Everything else
   * rebuilds the table.
   */
  @Override
  public void addField(ProjectState state, ModelState model, FieldState field) {
    if (field.fieldType() == FieldType.MANY_TO_MANY) {
      super.addField(state, model, field);
      return;
    }
    ModelState oldModel =
        model.field(field.name()) == null ? model : model.withoutField(field.name());
    ModelState newModel = oldModel.withField(field);
    if (field.primaryKey()
        || Fields.isUnique(field)
        || field.defaultValue() != null
        || field.defaultMethod() != null
        || OrmOptions.nowMethod(field) != null
        || !SqliteInPlace.addableInPlace(field)
        // SQLite cannot ADD a STORED generated column (Django rebuilds the table too).
        || (field.isGenerated() && field.persisted())) {
      remakeTable(state, oldModel, newModel, field, null, null);
      return;
    }
    ProjectState s = Fields.with(state, newModel);
    execute(
        format(
            sql.createColumn,
            "table",
            quoteName(model.tableName()),
            "column",
            quoteName(field.columnName()),
            "definition",
            columns.definition(s, newModel, field, false)));
    deferFieldExtras(s, newModel, field);
  }

  @Override
  public void removeField(ProjectState state, ModelState model, FieldState field) {
    if (field.fieldType() == FieldType.MANY_TO_MANY) {
      super.removeField(state, model, field);
      return;
    }
    ModelState newModel =
        model
            .withoutField(field.name())
            .withIndexes(
                Fields.without(
                    model.indexes(), i -> SqliteInPlace.references(i.referencedFields(), field)))
            .withConstraints(
                Fields.without(
                    model.constraints(),
                    c -> SqliteInPlace.references(c.referencedFields(), field)));
    boolean inPlace =
        !field.primaryKey()
            && !Fields.isUnique(field)
            && !field.index()
            && !Fields.isForeignKey(field)
            && newModel.indexes().size() == model.indexes().size()
            && newModel.constraints().size() == model.constraints().size()
            && model.constraints().stream().noneMatch(ConstraintState::isCheck);
    if (inPlace) {
      super.removeField(state, model, field);
    } else {
      remakeTable(state, model, newModel, null, null, null);
    }
  }

  /**
   * A pure rename is {@code RENAME COLUMN}; every other change rebuilds the table (Django's {@code
   * _alter_field} on SQLite), and the tables referring to a retyped key with it.
   */
  @Override
  protected void alterFieldInPlace(
      ProjectState fromState,
      ModelState fromModel,
      FieldState oldField,
      ProjectState toState,
      ModelState toModel,
      FieldState newField) {
    boolean pureRename =
        !oldField.columnName().equals(newField.columnName())
            && columns
                .definition(fromState, fromModel, oldField, false)
                .equals(columns.definition(toState, toModel, newField, false))
            && !Fields.isForeignKey(oldField)
            && !Fields.isForeignKey(newField);
    if (pureRename) {
      execute(
          renameColumnSql(
              toModel.tableName(),
              oldField.columnName(),
              newField.columnName(),
              fromState,
              oldField));
      renameColumnReferences(toModel.tableName(), oldField.columnName(), newField.columnName());
      return;
    }
    ModelState newModel = toModel.replaceField(newField.name(), newField);
    remakeTable(toState, fromModel, newModel, null, oldField, newField);
    // Tables whose foreign keys point at a retyped key are rebuilt too, so that their columns take
    // the new type (Django: related objects, and the automatic join tables of a primary key).
    // Compared by the referring column's type, not the key's: AutoField and BigAutoField are both
    // SQLite's "integer" rowid, but a column referring to them is "integer" or "bigint", as a
    // table created from the state would have it (Django leaves the old type there).
    if (Fields.isKeyUnique(newField)) {
      Set<String> remade = new LinkedHashSet<>();
      for (Referrer r : KeyReferrers.of(toState, toModel, newField, features.maxNameLength())) {
        String table = r.model().tableName();
        boolean retyped =
            !columnType(fromState, r.oldField()).equals(columnType(toState, r.newField()));
        if (retyped && !table.equals(toModel.tableName()) && remade.add(table)) {
          remakeTable(toState, r.model(), r.model(), null, null, null);
        }
      }
    }
  }

  @Override
  public void addConstraint(ProjectState state, ModelState model, ConstraintState constraint) {
    if (SqliteInPlace.createdAsIndex(constraint)) {
      super.addConstraint(state, model, constraint);
      return;
    }
    ModelState oldModel =
        model.withConstraints(
            Fields.without(model.constraints(), c -> c.name().equals(constraint.name())));
    List<ConstraintState> withIt = new ArrayList<>(oldModel.constraints());
    withIt.add(constraint);
    remakeTable(state, oldModel, model.withConstraints(withIt), null, null, null);
  }

  @Override
  public void removeConstraint(ProjectState state, ModelState model, ConstraintState constraint) {
    if (SqliteInPlace.createdAsIndex(constraint)) {
      super.removeConstraint(state, model, constraint);
      return;
    }
    ModelState newModel =
        model.withConstraints(
            Fields.without(model.constraints(), c -> c.name().equals(constraint.name())));
    remakeTable(state, model, newModel, null, null, null);
  }
}
