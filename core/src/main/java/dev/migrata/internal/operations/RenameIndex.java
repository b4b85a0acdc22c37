package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;
import java.util.List;
import java.util.Locale;

/** Renames a model's index. */
public record RenameIndex(String model, String oldName, String newName) implements Operation {
  @Override
  public void stateForwards(String app, ProjectState state) {
    ModelState m = state.require(app, model);
    if (m.index(oldName) == null) {
      throw new IllegalStateException("No index '" + oldName + "' on model '" + model + "' to rename.");
    }
    List<IndexState> renamed =
        m.indexes().stream().map(i -> i.name().equals(oldName) ? i.withName(newName) : i).toList();
    state.put(m.withIndexes(renamed));
  }

  @Override
  public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState m = to.require(app, model);
    if (m.migrates()) {
      editor.renameIndex(to, m, from.require(app, model).index(oldName), m.index(newName));
    }
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState m = to.require(app, model);
    if (m.migrates()) {
      editor.renameIndex(to, m, from.require(app, model).index(newName), m.index(oldName));
    }
  }

  @Override
  public String describe() {
    return "Rename index " + oldName + " on " + model + " to " + newName;
  }

  @Override
  public String nameFragment() {
    return "rename_" + oldName.toLowerCase(Locale.ROOT) + "_" + newName.toLowerCase(Locale.ROOT);
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.RENAME_INDEX.form()
        .put("model", model)
        .put("oldName", oldName)
        .put("newName", newName)
        .build();
  }

  @Override
  public Reduction reduce(Operation other, String app) {
    if (other instanceof RenameIndex r
        && Reductions.same(r.model(), model)
        && Reductions.same(newName, r.oldName())) {
      return Reduction.replace(new RenameIndex(model, oldName, r.newName()));
    }
    return Reductions.base(this, other);
  }
}
