package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;

/** Changes options with no database effect (here: whether Migrata manages the table). */
public record AlterModelOptions(String model, boolean managed) implements Operation {
  @Override
  public void stateForwards(String app, ProjectState state) {
    state.put(state.require(app, model).withManaged(managed));
  }

  @Override
  public void databaseForwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {}

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {}

  @Override
  public boolean reducesToSql() {
    return false;
  }

  @Override
  public String describe() {
    return "Change Meta options on " + model;
  }

  @Override
  public String nameFragment() {
    return "alter_" + model + "_options";
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.ALTER_MODEL_OPTIONS.form()
        .put("model", model)
        .bool("managed", managed, true)
        .build();
  }

  @Override
  public boolean referencesModel(String name, String app) {
    return Reductions.same(name, model);
  }

  /** Django's ModelOptionOperation: a later one of the same kind, or a delete, supersedes it. */
  @Override
  public Reduction reduce(Operation other, String app) {
    if (other instanceof AlterModelOptions o && Reductions.same(o.model(), model)) {
      return Reduction.replace(other);
    }
    if (other instanceof DeleteModel d && Reductions.same(d.name(), model)) {
      return Reduction.replace(other);
    }
    return Reductions.model(this, model, other, app);
  }
}
