package dev.migrata.internal.backends.base;

import static dev.migrata.internal.backends.base.SqlTemplates.format;

import dev.migrata.internal.operations.ExecutionContext;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.internal.state.SequenceState;
import dev.migrata.schema.SchemaEditor;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Django's {@code BaseDatabaseSchemaEditor}: the operations of a migration as SQL, run on the
 * connection or recorded in collect mode (sqlmigrate). What a backend says as data lives beside it:
 * {@link SqlTemplates} (every statement), {@link DataTypes}, {@link Quoting}, {@link Features} and
 * {@link Introspection}; {@link ColumnSql} and {@link ConstraintSql} render definitions and names,
 * {@link DeferredSql} holds what runs at the end. A backend overrides a method only where its SQL
 * differs in shape (SQLite's table rebuild, MySQL's {@code MODIFY}).
 *
 * <p>{@link #alterField} is Django's {@code alter_field}: what every backend does first ({@link
 * FieldChanges}), then {@link #alterFieldInPlace} ({@code _alter_field}) for a change of one
 * column's table.
 *
 * <p>One editor serves one migration: {@link #begin}, the operations, {@link #finish} (deferred SQL
 * and checks), then {@link #commit} or {@link #rollback}.
 */
public abstract class BaseSchemaEditor extends EditorCore implements SchemaEditor {
  private ExecutionContext context;

  /**
   * @param connection where statements run; may be {@code null} in collect mode
   * @param collect record statements (sqlmigrate) instead of running them
   */
  protected BaseSchemaEditor(
      Connection connection,
      boolean collect,
      Features features,
      Introspection introspection,
      SqlTemplates sql,
      DataTypes types,
      Quoting quoting) {
    super(connection, collect, features, introspection, sql, types, quoting);
  }

  /** Hands over the context of the migration this editor runs (the executor, once per run). */
  public void context(ExecutionContext migration) {
    this.context = migration;
  }

  @Override
  public ExecutionContext context() {
    if (context == null) {
      // Outside the executor the editor still knows its backend: vendor-limited RunSql stays so.
      context =
          ExecutionContext.builder()
              .vendor(quoting.vendor())
              .connection(collect ? null : connection)
              .quote(this::quoteName)
              .build();
    }
    return context;
  }

  // ---------------------------------------------------------------- tables and columns

  @Override
  public void createModel(ProjectState state, ModelState model) {
    ProjectState s = Fields.with(state, model);
    execute(columns.table(s, model, model.tableName()));
    if (model.comment() != null) {
      alterTableComment(model, null, model.comment());
    }
    for (FieldState f : Fields.columnFields(model)) {
      if (f.comment() != null) {
        columnComment(model.tableName(), f);
      }
    }
    deferTableExtras(s, model);
    for (FieldState m2m : Fields.manyToManyFields(model)) {
      createJoinTable(s, model, m2m);
    }
  }

  protected void createJoinTable(ProjectState state, ModelState model, FieldState field) {
    ModelState join = joinModel(state, model, field);
    ProjectState s = Fields.with(state, join);
    execute(columns.table(s, join, join.tableName()));
    deferTableExtras(s, join);
  }

  @Override
  public void deleteModel(ProjectState state, ModelState model) {
    for (FieldState m2m : Fields.manyToManyFields(model)) {
      dropTable(joinModel(state, model, m2m).tableName());
    }
    dropTable(model.tableName());
  }

  protected void dropTable(String table) {
    execute(format(sql.deleteTable, "table", quoteName(table)));
    discardDeferred(table);
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
            sql.createColumn,
            "table",
            quoteName(table),
            "column",
            quoteName(field.columnName()),
            "definition",
            columns.definition(state, model.withField(field), field, true)));
    if (quoting.effectiveDefault(state, field) != null && field.dbDefault() == null) {
      String column = quoteName(field.columnName());
      execute(
          format(
              sql.alterColumn,
              "table",
              quoteName(table),
              "changes",
              format(sql.alterColumnNoDefault, "column", column)));
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
        dropTable(joinModel(state, model, field).tableName());
      }
      return;
    }
    beforeDropColumn(state, model, field);
    execute(
        format(
            sql.deleteColumn,
            "table",
            quoteName(model.tableName()),
            "column",
            quoteName(field.columnName())));
  }

  /**
   * Django's {@code alter_field}: nothing when nothing of the column changes; a many-to-many's join
   * table follows its field; anything else is {@link #alterFieldInPlace}.
   */
  @Override
  public final void alterField(
      ProjectState fromState,
      ModelState fromModel,
      FieldState oldField,
      ProjectState toState,
      ModelState toModel,
      FieldState newField) {
    if (!FieldChanges.reachesDatabase(fromState, oldField, toState, newField)) {
      return;
    }
    if (oldField.fieldType() == FieldType.MANY_TO_MANY
        && newField.fieldType() == FieldType.MANY_TO_MANY) {
      alterManyToMany(fromState, fromModel, oldField, toState, toModel, newField);
      return;
    }
    FieldChanges.refuseManyToManyChange(fromModel, oldField, newField);
    FieldChanges.refuseGeneratedChange(toModel, oldField, newField);
    alterFieldInPlace(fromState, fromModel, oldField, toState, toModel, newField);
  }

  /** Django's {@code _alter_field}: one column changes; its database objects follow. */
  protected abstract void alterFieldInPlace(
      ProjectState fromState,
      ModelState fromModel,
      FieldState oldField,
      ProjectState toState,
      ModelState toModel,
      FieldState newField);

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
    ModelState newJoin = joinModel(Fields.with(toState, toModel), toModel, newField);
    alterDbTable(toState, newJoin, oldJoin.tableName(), newJoin.tableName());
    List<FieldState> oldKeys = new ArrayList<>(oldJoin.fields().values());
    List<FieldState> newKeys = new ArrayList<>(newJoin.fields().values());
    for (int i = 1; i < oldKeys.size(); i++) {
      String oldColumn = oldKeys.get(i).columnName();
      String newColumn = newKeys.get(i).columnName();
      if (!oldColumn.equals(newColumn)) {
        execute(
            renameColumnSql(
                newJoin.tableName(),
                oldColumn,
                newColumn,
                Fields.with(toState, newJoin),
                newKeys.get(i)));
        renameColumnReferences(newJoin.tableName(), oldColumn, newColumn);
      }
    }
  }

  @Override
  public void alterDbTable(ProjectState state, ModelState model, String oldTable, String newTable) {
    if (oldTable.equals(newTable)) {
      return;
    }
    execute(
        format(sql.renameTable, "oldTable", quoteName(oldTable), "newTable", quoteName(newTable)));
    renameDeferred(oldTable, newTable);
  }

  @Override
  public void alterTableComment(ModelState model, String oldComment, String newComment) {
    if (Objects.equals(oldComment, newComment) || !features.supportsTableComments()) {
      return;
    }
    execute(
        format(
            sql.tableComment,
            "table",
            quoteName(model.tableName()),
            "comment",
            newComment == null ? sql.noComment : quoting.string(newComment)));
  }

  // ---------------------------------------------------------------- indexes and constraints

  @Override
  public void addIndex(ProjectState state, ModelState model, IndexState index) {
    if (constraints.creates(index)) {
      execute(constraints.index(model.tableName(), model, index));
    }
  }

  @Override
  public void removeIndex(ProjectState state, ModelState model, IndexState index) {
    if (constraints.creates(index)) {
      beforeDropIndex(model, index.fields());
      dropIndex(model.tableName(), index.name());
    }
  }

  @Override
  public void renameIndex(
      ProjectState state, ModelState model, IndexState oldIndex, IndexState newIndex) {
    if (oldIndex.name().equals(newIndex.name())) {
      return;
    }
    if (!features.canRenameIndex()) {
      removeIndex(state, model, oldIndex);
      addIndex(state, model, newIndex);
      return;
    }
    execute(
        format(
            sql.renameIndex,
            "table",
            quoteName(model.tableName()),
            "oldName",
            quoteName(oldIndex.name()),
            "newName",
            quoteName(newIndex.name())));
  }

  // ---------------------------------------------------------------- sequences

  @Override
  public void createSequence(SequenceState sequence) {
    sequenceSql().create(sequence).forEach(this::execute);
  }

  @Override
  public void deleteSequence(SequenceState sequence) {
    sequenceSql().delete(sequence).forEach(this::execute);
  }

  @Override
  public void alterSequence(SequenceState from, SequenceState to) {
    sequenceSql().alter(from, to).forEach(this::execute);
  }

  private SequenceSql sequenceSql() {
    return new SequenceSql(features, this::quoteName, sequenceOptions());
  }

  /** What ends a {@code CREATE SEQUENCE} on this backend, as Hibernate writes it; none here. */
  protected String sequenceOptions() {
    return "";
  }

  /** A PostgreSQL-only operation on another backend: nothing runs; sqlmigrate says why. */
  @Override
  public void skipped(String statement) {
    comment("-- (no-op: " + statement + " runs on PostgreSQL only)");
  }

  @Override
  public void addConstraint(ProjectState state, ModelState model, ConstraintState constraint) {
    if (!constraints.creates(constraint)) {
      return;
    }
    if (constraint.isUniqueIndex()) {
      execute(constraints.conditionalUnique(model.tableName(), model, constraint));
      return;
    }
    execute(constraints.addConstraint(model, constraint));
  }

  @Override
  public void removeConstraint(ProjectState state, ModelState model, ConstraintState constraint) {
    if (!constraints.creates(constraint)) {
      return;
    }
    if (constraint.isUniqueIndex()) {
      dropIndex(model.tableName(), columns.constraintName(model, constraint));
      return;
    }
    if (!constraint.isCheck()) {
      beforeDropIndex(model, constraint.fields());
    }
    execute(
        format(
            constraint.isCheck() ? sql.deleteCheck : sql.deleteUnique,
            "table",
            quoteName(model.tableName()),
            "name",
            quoteName(columns.constraintName(model, constraint))));
  }
}
