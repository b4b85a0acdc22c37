package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;
import java.util.List;
import java.util.Locale;

/** Removes a model's index by name. */
public record RemoveIndex(String model, String name) implements Operation {
  @Override
  public void stateForwards(String app, ProjectState state) {
    ModelState m = state.require(app, model);
    if (m.index(name) == null) {
      throw new IllegalStateException("No index '" + name + "' on model '" + model + "' to remove.");
    }
    List<IndexState> kept = m.indexes().stream().filter(i -> !i.name().equals(name)).toList();
    state.put(m.withIndexes(kept));
  }

  @Override
  public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState m = from.require(app, model);
    if (m.migrates()) {
      editor.removeIndex(from, m, m.index(name));
    }
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState m = to.require(app, model);
    if (m.migrates()) {
      editor.addIndex(to, m, m.index(name));
    }
  }

  @Override
  public String describe() {
    return "Remove index " + name + " from " + model;
  }

  @Override
  public String nameFragment() {
    return "remove_" + model + "_" + name.toLowerCase(Locale.ROOT);
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.REMOVE_INDEX.form()
        .put("model", model)
        .put("name", name)
        .build();
  }
}
