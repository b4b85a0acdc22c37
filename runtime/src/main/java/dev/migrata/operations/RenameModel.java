package dev.migrata.operations;

import dev.migrata.schema.SchemaEditor;
import dev.migrata.state.Deconstructed;
import dev.migrata.state.FieldState;
import dev.migrata.state.ModelState;
import dev.migrata.state.ProjectState;
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
        if (f.isRelation() && oldRef.equalsIgnoreCase(f.to())) {
          updated = updated.replaceField(f.name(), f.toBuilder().to(newRef).build());
        }
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
    if (after.managed()) {
      editor.alterDbTable(to, after, before.tableName(), after.tableName());
    }
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState after = from.require(app, newName);
    ModelState before = to.require(app, oldName);
    if (before.managed()) {
      editor.alterDbTable(to, before, after.tableName(), before.tableName());
    }
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
    return Deconstructed.builder("Op")
        .put("kind", "RENAME_MODEL")
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
