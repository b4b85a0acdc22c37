package dev.migrata.internal.backends.base;

import static dev.migrata.internal.backends.base.SqlTemplates.format;

import dev.migrata.internal.backends.base.Introspection.NameKind;
import dev.migrata.internal.backends.base.KeyReferrers.Referrer;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The schema editor of databases that alter a column where it is ({@code ALTER TABLE ... ALTER
 * COLUMN} or {@code MODIFY}): PostgreSQL and MySQL/MariaDB, not SQLite, which rebuilds the table.
 * Its {@link #alterFieldInPlace} is Django's {@code _alter_field}, in the order that keeps
 * constraints valid: drop what goes away, rename, change type / default / null, then add what is
 * new. Constraint and index names are looked up in the database where the backend can ({@link
 * #existingName}), so objects created under an older table or column name are still found.
 */
public abstract class InPlaceSchemaEditor extends BaseSchemaEditor {
  protected InPlaceSchemaEditor(
      Connection connection,
      boolean collect,
      Features features,
      Introspection introspection,
      SqlTemplates sql,
      DataTypes types,
      Quoting quoting) {
    super(connection, collect, features, introspection, sql, types, quoting);
  }

  @Override
  protected void alterFieldInPlace(
      ProjectState fromState,
      ModelState fromModel,
      FieldState oldField,
      ProjectState toState,
      ModelState toModel,
      FieldState newField) {
    String table = toModel.tableName();
    String oldColumn = oldField.columnName();
    String column = newField.columnName();
    boolean renamed = !oldColumn.equals(column);
    String oldType = columnType(fromState, oldField);
    String newType = columnType(toState, newField);
    // Django's _alter_field: the old constraint goes, and comes back at the end if the new field
    // has one (so a change of dbConstraint or of the name drops or adds only the constraint).
    if (Fields.hasForeignKeyConstraint(oldField)) {
      String fk =
          dropForeignKeyOf(fromState, table, oldField, Fields.targetModel(fromState, oldField));
      if (!Fields.hasForeignKeyConstraint(newField)) {
        afterForeignKeyDropped(table, oldField, fk);
      }
    }
    if (Fields.isUnique(oldField) && !Fields.isUnique(newField)) {
      String name = existingName(table, oldColumn, NameKind.UNIQUE, uniqueName(table, oldField));
      execute(format(sql.deleteUnique, "table", quoteName(table), "name", quoteName(name)));
    }
    // A key whose type changes takes the columns referring to it along: their foreign keys go
    // first (the database refuses to retype a referenced column), and come back at the end.
    List<Referrer> referrers =
        KeyReferrers.keyTypeChanges(oldField, newField, oldType, newType)
            ? KeyReferrers.of(toState, toModel, newField, features.maxNameLength())
            : List.of();
    for (Referrer r : referrers) {
      if (Fields.hasForeignKeyConstraint(r.oldField())) {
        dropForeignKeyOf(fromState, r.model().tableName(), r.oldField(), fromModel);
      }
    }
    if (constraints.needsFieldIndex(oldField) && !constraints.needsFieldIndex(newField)) {
      String computed = constraints.fieldIndexName(table, oldField);
      dropIndex(table, existingName(table, oldColumn, NameKind.INDEX, computed));
    }
    // Django's _field_db_check: compared with the column left out, so a rename keeps the check.
    String oldCheck = columns.typeCheckTemplate(oldField);
    String newCheck = columns.typeCheckTemplate(newField);
    boolean checkChanges = !Objects.equals(oldCheck, newCheck);
    if (checkChanges && oldCheck != null) {
      dropTypeChecks(fromModel, table, oldColumn);
    }
    beforeColumnChange(table, oldField, newField, oldType, newType);
    if (renamed) {
      execute(renameColumnSql(table, oldColumn, column, fromState, oldField));
      renameColumnReferences(table, oldColumn, column);
      renameKeptIndexes(table, oldField, newField);
    }
    alterColumn(table, fromState, oldField, toState, newField, oldType, newType);
    if (newCheck != null && (checkChanges || typeCheckLost(table, column))) {
      execute(
          format(
              sql.createConstraint,
              "table",
              quoteName(table),
              "name",
              quoteName(constraints.name(table, column, "_check")),
              "constraint",
              format(sql.checkConstraint, "check", columns.typeCheck(newField))));
    }
    if (!Fields.isUnique(oldField) && Fields.isUnique(newField)) {
      execute(constraints.addUnique(table, uniqueName(table, newField), column));
    }
    if (!constraints.needsFieldIndex(oldField) && constraints.needsFieldIndex(newField)) {
      execute(constraints.fieldIndex(table, newField));
    }
    afterColumnChange(table, oldField, newField, oldType, newType);
    for (Referrer r : referrers) {
      alterReferringColumn(r.model().tableName(), fromState, r.oldField(), toState, r.newField());
    }
    if (Fields.hasForeignKeyConstraint(newField)) {
      execute(constraints.foreignKey(toState, table, newField));
    }
    // Django 5.2 names these with the plain suffix "_fk"; Migrata gives them back the name they
    // were created with, so that unapplying restores the schema exactly (the test kit compares
    // names) and a later drop finds the computed name without asking the database (sqlmigrate).
    for (Referrer r : referrers) {
      if (Fields.hasForeignKeyConstraint(r.newField())) {
        execute(constraints.foreignKey(toState, r.model().tableName(), r.newField()));
      }
    }
  }

  /**
   * Drops the checks on the column alone that are not the model's own {@code @Check}s (Django's
   * {@code _constraint_names(..., check=True, exclude=meta_constraint_names)}); the database named
   * them, so they are looked up. Without a connection (sqlmigrate) the name is the one a column
   * check gets on this backend.
   */
  private void dropTypeChecks(ModelState model, String table, String column) {
    List<String> names;
    if (collect || connection == null) {
      names = List.of(unnamedCheckName(table, column));
    } else {
      names =
          new ArrayList<>(introspection.constraintNames(connection, table, column, NameKind.CHECK));
      model.constraints().forEach(c -> names.remove(c.name()));
    }
    for (String name : names) {
      execute(format(sql.deleteCheck, "table", quoteName(table), "name", quoteName(name)));
    }
  }

  /**
   * The name a database gives an unnamed column check (PostgreSQL: {@code <table>_<col>_check}).
   */
  protected String unnamedCheckName(String table, String column) {
    return table + "_" + column + "_check";
  }

  /**
   * Whether changing the column dropped its check although the check stays the same (MariaDB's
   * {@code MODIFY} restates the column without its column-level check).
   */
  protected boolean typeCheckLost(String table, String column) {
    return false;
  }

  /**
   * Drops the foreign key of {@code field} on {@code table}, which points at {@code target};
   * returns the name it had.
   */
  private String dropForeignKeyOf(
      ProjectState fromState, String table, FieldState field, ModelState target) {
    String toColumn = Fields.targetField(fromState, field).columnName();
    String computed = constraints.foreignKeyName(table, field, target.tableName(), toColumn);
    String name = existingName(table, field.columnName(), NameKind.FOREIGN_KEY, computed);
    dropForeignKey(table, name);
    return name;
  }

  /**
   * After a field's foreign key constraint {@code name} was dropped for good ({@code dbConstraint}
   * became false): what the database kept of it goes too (MySQL's index for the key).
   */
  protected void afterForeignKeyDropped(String table, FieldState oldField, String name) {}

  private String uniqueName(String table, FieldState field) {
    return constraints.uniqueName(table, field);
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
            sql.alterColumn,
            "table",
            quoteName(table),
            "changes",
            alterColumnTypeSql(newField.columnName(), oldType, newType)));
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
              ? format(sql.alterColumnNoDefault, "column", quoteName(column))
              : format(
                  sql.alterColumnDefault,
                  "column",
                  quoteName(column),
                  "default",
                  newField.dbDefault()));
    }
    for (String change : changes) {
      execute(format(sql.alterColumn, "table", qt, "changes", change));
    }
    String fill = quoting.effectiveDefault(toState, newField);
    if (oldField.nullable() && !newField.nullable() && fill != null) {
      fillNulls(table, newField, fill);
    }
    if (oldField.nullable() != newField.nullable()) {
      String change =
          format(
              newField.nullable() ? sql.alterColumnNull : sql.alterColumnNotNull,
              "column",
              quoteName(column),
              "type",
              newType);
      execute(format(sql.alterColumn, "table", qt, "changes", change));
    }
    if (!Objects.equals(oldField.comment(), newField.comment())) {
      columnComment(table, newField);
    }
  }

  /** Gives existing NULLs the default before the column becomes NOT NULL. */
  protected void fillNulls(String table, FieldState field, String literal) {
    execute(
        format(
            sql.updateWithDefault,
            "table",
            quoteName(table),
            "column",
            quoteName(field.columnName()),
            "default",
            literal));
  }

  /**
   * The ALTER TABLE clause that changes a column's type; with a conversion ({@link
   * SqlTemplates#alterColumnTypeUsing}) when the base type changes, not for a new length (Django).
   */
  protected String alterColumnTypeSql(String column, String oldType, String newType) {
    String template =
        sql.alterColumnTypeUsing != null && !baseType(oldType).equals(baseType(newType))
            ? sql.alterColumnTypeUsing
            : sql.alterColumnType;
    return format(template, "column", quoteName(column), "type", newType);
  }

  private static String baseType(String type) {
    int paren = type.indexOf('(');
    return paren < 0 ? type : type.substring(0, paren);
  }

  /** Before the column is renamed or retyped (PostgreSQL drops its {@code _like} index here). */
  protected void beforeColumnChange(
      String table, FieldState oldField, FieldState newField, String oldType, String newType) {}

  /** After the column changed (PostgreSQL recreates its {@code _like} index here). */
  protected void afterColumnChange(
      String table, FieldState oldField, FieldState newField, String oldType, String newType) {}

  /**
   * A renamed column keeps its index and unique constraint; renaming them too keeps every name what
   * Django's naming gives for the current column, so later operations can find them.
   */
  private void renameKeptIndexes(String table, FieldState oldField, FieldState newField) {
    if (!features.canRenameIndex()) {
      return;
    }
    String column = newField.columnName();
    if (constraints.needsFieldIndex(oldField) && constraints.needsFieldIndex(newField)) {
      String computed = constraints.fieldIndexName(table, oldField);
      renameIndexNamed(
          table,
          existingName(table, column, NameKind.INDEX, computed),
          constraints.fieldIndexName(table, newField));
    }
    if (Fields.isUnique(oldField) && Fields.isUnique(newField)) {
      String oldName = existingName(table, column, NameKind.UNIQUE, uniqueName(table, oldField));
      String newName = uniqueName(table, newField);
      if (oldName.equals(newName)) {
        return;
      }
      // A unique constraint is an index on most backends; PostgreSQL renames the constraint.
      if (sql.renameConstraint != null) {
        execute(
            format(
                sql.renameConstraint,
                "table",
                quoteName(table),
                "oldName",
                quoteName(oldName),
                "newName",
                quoteName(newName)));
      } else {
        renameIndexNamed(table, oldName, newName);
      }
    }
  }

  private void renameIndexNamed(String table, String oldName, String newName) {
    if (!oldName.equals(newName)) {
      execute(
          format(
              sql.renameIndex,
              "table",
              quoteName(table),
              "oldName",
              quoteName(oldName),
              "newName",
              quoteName(newName)));
    }
  }
}
