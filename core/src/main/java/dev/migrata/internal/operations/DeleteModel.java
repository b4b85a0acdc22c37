package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;
import java.util.Locale;

/** Deletes a model and drops its table. */
public record DeleteModel(String name) implements Operation {
  @Override
  public void stateForwards(String app, ProjectState state) {
    state.require(app, name);
    state.remove(app, name);
  }

  @Override
  public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState model = from.require(app, name);
    if (model.migrates()) {
      editor.deleteModel(from, model);
    }
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState model = to.require(app, name);
    if (model.migrates()) {
      editor.createModel(to, model);
    }
  }

  @Override
  public String describe() {
    return "Delete model " + name;
  }

  @Override
  public String nameFragment() {
    return "delete_" + name.toLowerCase(Locale.ROOT);
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.DELETE_MODEL.form().put("name", name).build();
  }

  /** The deleted model may have referred to any model through its relations (Django). */
  @Override
  public boolean referencesModel(String model, String app) {
    return true;
  }

  @Override
  public Reduction reduce(Operation other, String app) {
    return Reductions.model(this, name, other, app);
  }
}
