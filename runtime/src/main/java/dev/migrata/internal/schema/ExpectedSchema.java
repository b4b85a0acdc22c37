package dev.migrata.internal.schema;

import dev.migrata.internal.backends.base.ColumnSql;
import dev.migrata.internal.backends.base.ConstraintSql;
import dev.migrata.internal.backends.base.EditorCore;
import dev.migrata.internal.backends.base.Features;
import dev.migrata.internal.backends.base.Fields;
import dev.migrata.internal.backends.base.JoinTables;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.internal.state.SequenceState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables a migration state describes on one backend, as {@link TableShape}s: the types the
 * backend's editor would write, and the keys, indexes and constraints its editor would create.
 * Names the editor computes from columns (a field's index, a foreign key) are left out: a renamed
 * field keeps its old index name in the database, as in Django, so those compare by columns.
 */
final class ExpectedSchema {
  private final ColumnSql columns;
  private final ConstraintSql constraints;
  private final Features features;

  ExpectedSchema(EditorCore editor) {
    this.columns = editor.columnSql();
    this.constraints = editor.constraintSql();
    this.features = editor.features();
  }

  /** The managed tables of {@code state} (join tables included), keyed by table name. */
  Map<String, TableShape> tables(ProjectState state) {
    Map<String, TableShape> out = new LinkedHashMap<>();
    for (ModelState model : state.models()) {
      if (!model.migrates()) {
        continue;
      }
      out.put(model.tableName(), table(state, model));
      for (FieldState m2m : Fields.manyToManyFields(model)) {
        ModelState join = JoinTables.joinModel(state, model, m2m, features.maxNameLength());
        out.put(join.tableName(), table(Fields.with(state, join), join));
      }
    }
    if (!features.supportsSequences()) {
      for (SequenceState sequence : state.sequences()) {
        out.put(sequence.name(), sequenceTable(state, sequence));
      }
    }
    return out;
  }

  /**
   * The table a sequence is on a backend without sequences: Hibernate's one nullable {@code
   * next_val bigint} column, no key.
   */
  private TableShape sequenceTable(ProjectState state, SequenceState sequence) {
    FieldState value = FieldState.builder("next_val", "BigIntegerField").nullable(true).build();
    return new TableShape(
        sequence.name(),
        List.of(new TableShape.Column("next_val", columns.type(state, value), true)),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  /** The tables of models Migrata tracks but does not manage: they may exist, unchecked. */
  static List<String> unmanaged(ProjectState state) {
    return state.models().stream().filter(m -> !m.managed()).map(ModelState::tableName).toList();
  }

  private TableShape table(ProjectState state, ModelState model) {
    List<TableShape.Column> cols = new ArrayList<>();
    List<TableShape.Index> indexes = new ArrayList<>();
    List<TableShape.ForeignKey> keys = new ArrayList<>();
    List<String> primaryKey = new ArrayList<>();
    for (FieldState f : Fields.columnFields(model)) {
      String column = f.columnName();
      cols.add(new TableShape.Column(column, columns.type(state, f), columns.createdNullable(f)));
      if (f.primaryKey()) {
        primaryKey.add(column);
      }
      if (Fields.isUnique(f)) {
        indexes.add(new TableShape.Index(null, List.of(column), true, false, false));
      } else if (constraints.needsFieldIndex(f)) {
        indexes.add(new TableShape.Index(null, List.of(column), false, false, false));
      }
      if (Fields.hasForeignKeyConstraint(f)) {
        ModelState target = Fields.targetModel(state, f);
        String toColumn = Fields.targetField(state, f).columnName();
        String onDelete = columns.onDelete(f).replace(" ON DELETE ", "");
        keys.add(
            new TableShape.ForeignKey(
                f.constraintName(),
                column,
                target.tableName(),
                toColumn,
                onDelete.isEmpty() ? "NO ACTION" : onDelete));
      }
    }
    for (IndexState index : model.indexes()) {
      // Not compared: expression indexes (introspection sees no columns to match them by) and,
      // where they are written, indexes with operator classes (read as PostgreSQL's own _like
      // indexes, which are skipped).
      if (constraints.creates(index)
          && index.expressions().isEmpty()
          && (index.opclasses().isEmpty() || !constraints.writesOpclasses())) {
        indexes.add(
            new TableShape.Index(
                index.name(),
                columnsOf(model, index.fields()),
                index.unique(),
                index.condition() != null,
                false));
      }
    }
    List<String> checks = new ArrayList<>();
    for (ConstraintState c : model.constraints()) {
      if (c.isCheck()) {
        checks.add(c.name());
      } else if (constraints.creates(c) && c.expressions().isEmpty()) {
        indexes.add(
            new TableShape.Index(
                columns.constraintName(model, c),
                columnsOf(model, c.fields()),
                true,
                c.condition() != null,
                false));
      }
    }
    return new TableShape(model.tableName(), cols, primaryKey, indexes, keys, checks);
  }

  /** The columns of field references, without the {@code -} of a descending one. */
  private static List<String> columnsOf(ModelState model, List<String> fieldRefs) {
    List<String> out = new ArrayList<>();
    for (String ref : fieldRefs) {
      String column = model.columnOf(ref);
      out.add(column.startsWith("-") ? column.substring(1) : column);
    }
    return out;
  }
}
