package dev.migrata.internal.backends.base;

import static dev.migrata.internal.backends.base.SqlTemplates.format;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import dev.migrata.internal.state.ProjectState;
import java.util.List;

/**
 * The names and the SQL of indexes, unique constraints and foreign keys (Django's {@code
 * _create_index_name}, {@code _create_index_sql}, {@code _create_fk_sql}, ...). Names are what
 * Django computes, shortened with a hash beyond the backend's {@link Features#maxNameLength}.
 */
public final class ConstraintSql {
  private final SqlTemplates sql;
  private final Quoting quoting;
  private final ColumnSql columns;
  private final Features features;
  private final IndexSql indexes;
  private final IndexFeatures indexFeatures;

  public ConstraintSql(SqlTemplates sql, Quoting quoting, ColumnSql columns, Features features) {
    this.sql = sql;
    this.quoting = quoting;
    this.columns = columns;
    this.features = features;
    this.indexFeatures = IndexFeatures.of(quoting.vendor(), features.serverVersion());
    this.indexes = new IndexSql(sql, quoting, indexFeatures, features.supportsPartialIndexes());
  }

  /** Whether the backend creates the model index {@code index} (Django's add_index). */
  public boolean creates(IndexState index) {
    return indexes.creates(index);
  }

  /** Whether the backend writes an index's operator classes (PostgreSQL; others drop them). */
  public boolean writesOpclasses() {
    return indexFeatures.opclasses();
  }

  /** Whether the backend creates {@code c} (Django's _unique_supported). */
  public boolean creates(ConstraintState c) {
    return indexes.creates(c);
  }

  /** {@code table}'s name for an object on {@code column} ending in {@code suffix}. */
  public String name(String table, String column, String suffix) {
    return Names.schemaName(table, List.of(column), suffix, features.maxNameLength());
  }

  /** The name of a field's own index ({@code index = true}), as Django's _create_index_name. */
  public String fieldIndexName(String table, FieldState field) {
    return name(table, field.columnName(), "");
  }

  public String uniqueName(String table, FieldState field) {
    return name(table, field.columnName(), "_uniq");
  }

  /** The field's {@code constraintName} when given, else Django's {@code _fk_} name. */
  public String foreignKeyName(String table, FieldState field, String toTable, String toColumn) {
    if (field.constraintName() != null) {
      return field.constraintName();
    }
    return name(table, field.columnName(), "_fk_" + toTable + "_" + toColumn);
  }

  /**
   * Whether a field gets an index of its own: indexed and not already unique, and not a foreign key
   * constraint's column where the database indexes those itself (Django's MySQL {@code
   * _field_should_be_indexed}: a key with {@code db_constraint=False} gets its index).
   */
  public boolean needsFieldIndex(FieldState field) {
    return field.hasColumn()
        && field.index()
        && !Fields.isUnique(field)
        && !field.primaryKey()
        && !(features.indexesForeignKeys() && Fields.hasForeignKeyConstraint(field));
  }

  /** An index on {@code columnSql} (quoted columns, perhaps with an operator class). */
  public String createIndex(String table, String name, String columnSql) {
    return format(
        sql.createIndex,
        "name",
        quoting.name(name),
        "table",
        quoting.name(table),
        "using",
        "",
        "columns",
        columnSql,
        "include",
        "",
        "condition",
        "");
  }

  public String fieldIndex(String table, FieldState field) {
    return createIndex(table, fieldIndexName(table, field), quoting.name(field.columnName()));
  }

  public String index(String table, ModelState model, IndexState index) {
    return indexes.index(table, model, index);
  }

  /**
   * A unique constraint with a condition, included columns, operator classes or expressions is a
   * unique index (Django's create_sql).
   */
  public String conditionalUnique(String table, ModelState model, ConstraintState c) {
    return indexes.uniqueIndex(table, model, columns.constraintName(model, c), c);
  }

  /** {@code ALTER TABLE ... ADD CONSTRAINT ... UNIQUE} for one column. */
  public String addUnique(String table, String name, String column) {
    return format(
        sql.createConstraint,
        "table",
        quoting.name(table),
        "name",
        quoting.name(name),
        "constraint",
        indexes.uniqueBody(quoting.name(column), null));
  }

  /** Adds a named check or unique constraint to an existing table. */
  public String addConstraint(ModelState model, ConstraintState constraint) {
    String definition =
        constraint.isCheck()
            ? format(sql.checkConstraint, "check", constraint.check())
            : indexes.uniqueBody(columns.columnList(model, constraint.fields()), constraint);
    return format(
        sql.createConstraint,
        "table",
        quoting.name(model.tableName()),
        "name",
        quoting.name(columns.constraintName(model, constraint)),
        "constraint",
        definition);
  }

  public String dropIndex(String table, String name) {
    return format(sql.deleteIndex, "name", quoting.name(name), "table", quoting.name(table));
  }

  public String foreignKey(ProjectState state, String table, FieldState field) {
    return foreignKey(state, table, field, null);
  }

  /**
   * The foreign key constraint of {@code field}; named with {@code suffix} when given (Django
   * recreates the keys referring to a retyped key with the plain suffix {@code _fk}), else with
   * {@code _fk_<to table>_<to column>}; an explicit {@code constraintName} wins over both.
   */
  public String foreignKey(ProjectState state, String table, FieldState field, String suffix) {
    ModelState target = Fields.targetModel(state, field);
    String toColumn = Fields.targetField(state, field).columnName();
    String name =
        suffix == null || field.constraintName() != null
            ? foreignKeyName(table, field, target.tableName(), toColumn)
            : name(table, field.columnName(), suffix);
    return format(
        sql.createFk,
        "table",
        quoting.name(table),
        "name",
        quoting.name(name),
        "column",
        quoting.name(field.columnName()),
        "toTable",
        quoting.name(target.tableName()),
        "toColumn",
        quoting.name(toColumn),
        "onDelete",
        columns.onDelete(field),
        "deferrable",
        sql.deferrable);
  }
}
