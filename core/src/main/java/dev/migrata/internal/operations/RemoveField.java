package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;

/** Removes a field; going backwards re-adds it as the earlier state defines it. */
public record RemoveField(String model, String name) implements Operation {
  @Override
  public void stateForwards(String app, ProjectState state) {
    ModelState m = state.require(app, model);
    if (m.field(name) == null) {
      throw new IllegalStateException(
          "No field '" + name + "' on model '" + model + "' of app '" + app + "' to remove.");
    }
    state.put(m.withoutField(m.field(name).name()));
  }

  @Override
  public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState before = from.require(app, model);
    if (before.migrates()) {
      editor.removeField(from, before, before.field(name));
    }
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState before = to.require(app, model);
    if (before.migrates()) {
      editor.addField(to, from.require(app, model), before.field(name));
    }
  }

  @Override
  public String describe() {
    return "Remove field " + name + " from " + model;
  }

  @Override
  public String nameFragment() {
    return "remove_" + model + "_" + Names.snakeCase(name);
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.REMOVE_FIELD.form()
        .put("model", model)
        .put("name", name)
        .build();
  }

  @Override
  public boolean referencesModel(String modelName, String app) {
    return Reductions.same(modelName, model);
  }

  @Override
  public boolean referencesField(String modelName, String fieldName, String app) {
    return Reductions.same(modelName, model) && fieldName.equals(name);
  }

  @Override
  public Reduction reduce(Operation other, String app) {
    if (other instanceof DeleteModel d && Reductions.same(d.name(), model)) {
      return Reduction.replace(other);
    }
    return Reductions.field(this, model, name, other, app);
  }
}
