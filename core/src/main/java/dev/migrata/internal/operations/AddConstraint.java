package dev.migrata.internal.operations;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Adds a named unique or check constraint to a model. */
public record AddConstraint(String model, ConstraintState constraint) implements Operation {
  @Override
  public void stateForwards(String app, ProjectState state) {
    ModelState m = state.require(app, model);
    List<ConstraintState> constraints = new ArrayList<>(m.constraints());
    constraints.add(constraint);
    state.put(m.withConstraints(constraints));
  }

  @Override
  public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState m = to.require(app, model);
    if (m.migrates()) {
      editor.addConstraint(to, m, constraint);
    }
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState m = from.require(app, model);
    if (m.migrates()) {
      editor.removeConstraint(from, m, constraint);
    }
  }

  @Override
  public String describe() {
    return "Create constraint " + constraint.name() + " on model " + model;
  }

  @Override
  public String nameFragment() {
    return model + "_" + constraint.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.ADD_CONSTRAINT.form()
        .put("model", model)
        .put("constraint", constraint.deconstruct())
        .build();
  }

  /** Django's AddConstraint.reduce: removing the constraint cancels it; altering it is absorbed. */
  @Override
  public Reduction reduce(Operation other, String app) {
    if (other instanceof RemoveConstraint r
        && Reductions.same(r.model(), model)
        && constraint.name().equals(r.name())) {
      return Reduction.replace();
    }
    if (other instanceof AlterConstraint a
        && Reductions.same(a.model(), model)
        && constraint.name().equals(a.name())) {
      return Reduction.replace(new AddConstraint(model, a.constraint()));
    }
    return Reductions.base(this, other);
  }
}
