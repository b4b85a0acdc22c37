package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;
import java.util.List;
import java.util.Locale;

/**
 * Renames a model: its table moves to the new default name (unless the table is explicit) and
 * every relation pointing at it is re-pointed.
 */
public record RenameModel(String oldName, String newName) implements Operation {
  @Override
  public void stateForwards(String app, ProjectState state) {
    rename(app, state, oldName, newName);
  }

  static void rename(String app, ProjectState state, String from, String to) {
    ModelState model = state.require(app, from);
    state.remove(app, from);
    state.put(model.withName(to));
    String oldRef = ProjectState.key(app, from);
    String newRef = ProjectState.key(app, to);
    for (ModelState other : state.models()) {
      ModelState updated = other;
      for (FieldState f : other.fields().values()) {
        FieldState.Builder b = null;
        if (f.isRelation() && oldRef.equalsIgnoreCase(f.to())) {
          b = f.toBuilder().to(newRef);
        }
        if (f.through() != null && oldRef.equalsIgnoreCase(f.through())) {
          b = (b == null ? f.toBuilder() : b).through(newRef);
        }
        if (b != null) {
          updated = updated.replaceField(f.name(), b.build());
        }
      }
      if (other.bases().stream().anyMatch(oldRef::equalsIgnoreCase)) {
        // Django leaves a child's bases naming the old parent (and then cannot render it); the
        // child follows its parent here, as its to= does.
        List<String> bases =
            other.bases().stream().map(b -> b.equalsIgnoreCase(oldRef) ? newRef : b).toList();
        updated = updated.withInheritance(bases, other.proxy());
      }
      if (updated != other) {
        state.put(updated);
      }
    }
  }

  @Override
  public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState before = from.require(app, oldName);
    ModelState after = to.require(app, newName);
    if (after.migrates()) {
      editor.alterDbTable(to, after, before.tableName(), after.tableName());
    }
    alterJoinTables(app, editor, from, to, oldName, newName);
  }

  /**
   * Automatic join tables follow the model: its own (named after its table) and those of
   * many-to-many fields pointing at it (whose key column is named after it).
   */
  static void alterJoinTables(
      String app, SchemaEditor editor, ProjectState from, ProjectState to, String was, String is) {
    String oldRef = ProjectState.key(app, was);
    String newRef = ProjectState.key(app, is);
    for (ModelState before : from.models()) {
      boolean renamed = ProjectState.key(before.app(), before.name()).equals(oldRef);
      ModelState after = renamed ? to.model(newRef) : to.model(before.app(), before.name());
      if (after == null || !after.migrates()) {
        continue;
      }
      for (FieldState f : before.fields().values()) {
        if (!f.isAutoManyToMany() || !(renamed || oldRef.equals(f.to()))) {
          continue;
        }
        FieldState now = after.field(f.name());
        if (now != null) {
          editor.alterManyToMany(from, before, f, to, after, now);
        }
      }
    }
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState after = from.require(app, newName);
    ModelState before = to.require(app, oldName);
    if (before.migrates()) {
      editor.alterDbTable(to, before, after.tableName(), before.tableName());
    }
    alterJoinTables(app, editor, from, to, newName, oldName);
  }

  @Override
  public String describe() {
    return "Rename model " + oldName + " to " + newName;
  }

  @Override
  public String nameFragment() {
    return "rename_" + oldName.toLowerCase(Locale.ROOT) + "_" + newName.toLowerCase(Locale.ROOT);
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.RENAME_MODEL.form()
        .put("name", oldName)
        .put("newName", newName)
        .build();
  }

  @Override
  public boolean referencesModel(String model, String app) {
    return Reductions.same(model, oldName) || Reductions.same(model, newName);
  }

  /** Two renames in a row become one; others pass if they leave the new name alone. */
  @Override
  public Reduction reduce(Operation other, String app) {
    if (other instanceof RenameModel r && Reductions.same(newName, r.oldName())) {
      return Reduction.replace(new RenameModel(oldName, r.newName()));
    }
    Reduction base = Reductions.base(this, other);
    if (base.truthy()) {
      return base;
    }
    return Reduction.through(!other.referencesModel(newName, app));
  }
}
