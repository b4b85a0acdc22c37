package dev.migrata.internal.backends;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SQLite's schema editor (Django's {@code sqlite3/schema.py}). SQLite alters little in place, so
 * most changes rebuild the table as Django's {@code _remake_table}: create {@code new__<table>},
 * copy every row with {@code INSERT ... SELECT}, drop the old table, rename the new one, recreate
 * the indexes — all inside the migration's transaction, with foreign key enforcement off and
 * {@code PRAGMA foreign_key_check} before commit.
 */
public class SqliteSchemaEditor extends BaseSchemaEditor {
  @Override
  protected String vendor() {
    return "sqlite";
  }

  private Boolean foreignKeysBefore;

  public SqliteSchemaEditor(Connection connection, boolean collect) {
    super(connection, collect);
    sqlDeleteTable = "DROP TABLE {table}";
    sqlDeleteColumn = "ALTER TABLE {table} DROP COLUMN {column}";
    sqlCreateInlineFk = "REFERENCES {toTable} ({toColumn}){onDelete}{deferrable}";
    sqlRenameIndex = null;
    sqlTableComment = null;
  }

  @Override
  protected String dataType(FieldType type, FieldState field) {
    switch (type) {
      case AUTO:
      case BIG_AUTO:
      case INTEGER:
        return "integer";
      case BINARY:
        return "BLOB";
      case BOOLEAN:
        return "bool";
      case CHAR:
        return field.maxLength() == null ? "varchar" : "varchar(" + field.maxLength() + ")";
      case DATE:
        return "date";
      case DATE_TIME:
      case LOCAL_DATE_TIME:
        return "datetime";
      case DECIMAL:
        return "decimal";
      case DURATION:
      case BIG_INTEGER:
        return "bigint";
      case FLOAT:
        return "real";
      case SMALL_INTEGER:
        return "smallint";
      case TEXT:
      case JSON:
        return "text";
      case TIME:
        return "time";
      case UUID:
        return "char(32)";
      default:
        throw new IllegalArgumentException(
            "Field '" + field.name() + "' of type " + field.type() + " has no column.");
    }
  }

  @Override
  protected String relDataType(FieldState target) {
    if (target.fieldType() == FieldType.BIG_AUTO) {
      return "bigint";
    }
    return ownDataType(target);
  }

  @Override
  protected String dataTypeSuffix(FieldState field) {
    FieldType type = field.fieldType();
    return type != null && type.isAuto() ? "AUTOINCREMENT" : null;
  }

  @Override
  protected String booleanLiteral(boolean value) {
    return value ? "1" : "0";
  }

  /** UUIDs are {@code char(32)}: hex digits without dashes. */
  @Override
  protected boolean hasNativeUuid() {
    return false;
  }

  // ---------------------------------------------------------------- lifecycle

  /** Foreign keys must be off before the transaction starts: the pragma is a no-op inside one. */
  @Override
  public void begin(boolean atomic) throws SQLException {
    if (!collect) {
      foreignKeysBefore = queryBoolean("PRAGMA foreign_keys");
      try (Statement st = connection.createStatement()) {
        st.execute("PRAGMA foreign_keys = OFF");
      }
    }
    super.begin(atomic);
  }

  @Override
  public void finish() throws SQLException {
    super.finish();
    if (!collect) {
      checkForeignKeys();
    }
  }

  private void checkForeignKeys() throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
      if (rs.next()) {
        throw new SchemaException(
            "Foreign key check failed: table '" + rs.getString(1) + "' row " + rs.getLong(2)
                + " refers to a missing row of '" + rs.getString(3) + "'.");
      }
    }
  }

  @Override
  public void commit() throws SQLException {
    super.commit();
    restoreForeignKeys();
  }

  @Override
  public void rollback() {
    super.rollback();
    try {
      restoreForeignKeys();
    } catch (SQLException e) {
      // The connection is closed after a failure; the original error is what matters.
    }
  }

  private void restoreForeignKeys() throws SQLException {
    if (foreignKeysBefore != null && foreignKeysBefore) {
      try (Statement st = connection.createStatement()) {
        st.execute("PRAGMA foreign_keys = ON");
      }
    }
    foreignKeysBefore = null;
  }

  private boolean queryBoolean(String sql) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.next() && rs.getInt(1) != 0;
    }
  }

  // ---------------------------------------------------------------- the rebuild

  /**
   * Django's {@code _remake_table}: rebuilds {@code oldModel}'s table as {@code newModel},
   * keeping every row. {@code created} is a new column filled with its default; {@code
   * alteredOld}/{@code alteredNew} an altered (possibly renamed) column.
   */
  protected void remakeTable(
      ProjectState state,
      ModelState oldModel,
      ModelState newModel,
      FieldState created,
      FieldState alteredOld,
      FieldState alteredNew) {
    ProjectState s = with(state, newModel);
    String table = oldModel.tableName();
    String tempTable = "new__" + table;
    List<String> columns = new ArrayList<>();
    List<String> selects = new ArrayList<>();
    for (FieldState f : columnFields(newModel)) {
      String expression;
      if (created != null && f.name().equals(created.name())) {
        if (created.dbDefault() != null) {
          continue; // the column's DEFAULT fills it
        }
        String fill = effectiveDefault(s, created);
        expression = fill == null ? "NULL" : fill;
      } else if (alteredNew != null && f.name().equals(alteredNew.name())) {
        String old = quoteName(alteredOld.columnName());
        if (alteredOld.nullable() && !alteredNew.nullable()) {
          String fill = effectiveDefault(s, alteredNew);
          if (fill == null) {
            fill = alteredNew.dbDefault() != null ? alteredNew.dbDefault() : "NULL";
          }
          expression = "coalesce(" + old + ", " + fill + ")";
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
      columns.add(quoteName(f.columnName()));
      selects.add(expression);
    }
    execute(tableSql(s, newModel, tempTable));
    execute(
        "INSERT INTO " + quoteName(tempTable) + " (" + String.join(", ", columns) + ") SELECT "
            + String.join(", ", selects) + " FROM " + quoteName(table));
    execute(format(sqlDeleteTable, "table", quoteName(table)));
    discardDeferred(table);
    execute(
        format(sqlRenameTable, "oldTable", quoteName(tempTable), "newTable", quoteName(table)));
    // Dropping the table dropped its indexes; recreate the new model's now, as Django runs the
    // deferred SQL at the end of a rebuild.
    deferTableExtras(s, newModel);
    runDeferred();
  }

  // ---------------------------------------------------------------- operations

  /** SQLite's ADD COLUMN only takes nullable, default-less, non-unique columns. */
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
        || isUnique(field)
        || !field.nullable()
        || field.defaultValue() != null
        || field.defaultMethod() != null
        || field.dbDefault() != null) {
      remakeTable(state, oldModel, newModel, field, null, null);
      return;
    }
    ProjectState s = with(state, newModel);
    execute(
        format(
            sqlCreateColumn,
            "table", quoteName(model.tableName()),
            "column", quoteName(field.columnName()),
            "definition", columnDefinition(s, field, false)));
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
            .withIndexes(without(model.indexes(), i -> references(i.fields(), field)))
            .withConstraints(without(model.constraints(), c -> references(c.fields(), field)));
    boolean inPlace =
        !field.primaryKey()
            && !isUnique(field)
            && !field.index()
            && !isForeignKey(field)
            && newModel.indexes().size() == model.indexes().size()
            && newModel.constraints().size() == model.constraints().size()
            && model.constraints().stream().noneMatch(ConstraintState::isCheck);
    if (inPlace) {
      super.removeField(state, model, field);
    } else {
      remakeTable(state, model, newModel, null, null, null);
    }
  }

  private static boolean references(List<String> fieldRefs, FieldState field) {
    for (String ref : fieldRefs) {
      String bare = ref.startsWith("-") ? ref.substring(1) : ref;
      if (bare.equals(field.name())) {
        return true;
      }
    }
    return false;
  }

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
        || newField.fieldType() == FieldType.MANY_TO_MANY) {
      super.alterField(fromState, fromModel, oldField, toState, toModel, newField);
      return;
    }
    boolean pureRename =
        !oldField.columnName().equals(newField.columnName())
            && columnDefinition(fromState, oldField, false)
                .equals(columnDefinition(toState, newField, false))
            && !isForeignKey(oldField)
            && !isForeignKey(newField);
    if (pureRename) {
      execute(
          renameColumnSql(
              toModel.tableName(), oldField.columnName(), newField.columnName(), fromState,
              oldField));
      renameColumnReferences(toModel.tableName(), oldField.columnName(), newField.columnName());
      return;
    }
    ModelState newModel = toModel.replaceField(newField.name(), newField);
    remakeTable(toState, fromModel, newModel, null, oldField, newField);
    // Tables whose foreign keys point at a retyped key are rebuilt too, so that their columns take
    // the new type (Django: related objects, and the automatic join tables of a primary key).
    if (isKeyUnique(newField)
        && !columnType(fromState, oldField).equals(columnType(toState, newField))) {
      String targetKey = ProjectState.key(toModel.app(), toModel.name());
      java.util.Set<String> remade = new java.util.LinkedHashSet<>();
      for (Referrer r :
          referrers(fromState, fromModel, oldField, toState, toModel, newField)) {
        String table = r.model().tableName();
        if (r.newField().to().equalsIgnoreCase(targetKey)
            && !table.equals(toModel.tableName())
            && remade.add(table)) {
          remakeTable(toState, r.model(), r.model(), null, null, null);
        }
      }
    }
  }

  @Override
  public void addConstraint(ProjectState state, ModelState model, ConstraintState constraint) {
    if (!constraint.isCheck() && constraint.condition() != null) {
      super.addConstraint(state, model, constraint);
      return;
    }
    ModelState oldModel =
        model.withConstraints(without(model.constraints(), c -> c.name().equals(constraint.name())));
    List<ConstraintState> withIt = new ArrayList<>(oldModel.constraints());
    withIt.add(constraint);
    remakeTable(state, oldModel, model.withConstraints(withIt), null, null, null);
  }

  @Override
  public void removeConstraint(ProjectState state, ModelState model, ConstraintState constraint) {
    if (!constraint.isCheck() && constraint.condition() != null) {
      super.removeConstraint(state, model, constraint);
      return;
    }
    ModelState newModel =
        model.withConstraints(without(model.constraints(), c -> c.name().equals(constraint.name())));
    remakeTable(state, model, newModel, null, null, null);
  }
}
