package dev.migrata.internal.operations;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;
import java.util.List;
import java.util.Locale;

/** Removes a model's constraint by name. */
public record RemoveConstraint(String model, String name) implements Operation {
  @Override
  public void stateForwards(String app, ProjectState state) {
    ModelState m = state.require(app, model);
    if (m.constraint(name) == null) {
      throw new IllegalStateException(
          "No constraint '" + name + "' on model '" + model + "' to remove.");
    }
    List<ConstraintState> kept =
        m.constraints().stream().filter(c -> !c.name().equals(name)).toList();
    state.put(m.withConstraints(kept));
  }

  @Override
  public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState m = from.require(app, model);
    if (m.migrates()) {
      editor.removeConstraint(from, m, m.constraint(name));
    }
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState m = to.require(app, model);
    if (m.migrates()) {
      editor.addConstraint(to, m, m.constraint(name));
    }
  }

  @Override
  public String describe() {
    return "Remove constraint " + name + " from model " + model;
  }

  @Override
  public String nameFragment() {
    return "remove_" + model + "_" + name.toLowerCase(Locale.ROOT);
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.REMOVE_CONSTRAINT.form()
        .put("model", model)
        .put("name", name)
        .build();
  }
}
