package dev.migrata.internal.operations;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Django 5.2's {@code AlterConstraint}: replaces the constraint {@code name} of a model in the
 * state only. The autodetector writes it when a constraint changed nothing but its {@code
 * violationErrorMessage} / {@code violationErrorCode}, which never reach the database.
 */
public record AlterConstraint(String model, String name, ConstraintState constraint)
    implements Operation {
  @Override
  public void stateForwards(String app, ProjectState state) {
    ModelState m = state.require(app, model);
    if (m.constraint(name) == null) {
      throw new IllegalStateException(
          "No constraint '" + name + "' on model '" + model + "' to alter.");
    }
    List<ConstraintState> constraints = new ArrayList<>();
    for (ConstraintState c : m.constraints()) {
      constraints.add(c.name().equals(name) ? constraint : c);
    }
    state.put(m.withConstraints(constraints));
  }

  @Override
  public void databaseForwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {}

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {}

  @Override
  public String describe() {
    return "Alter constraint " + name + " on " + model;
  }

  @Override
  public String nameFragment() {
    return "alter_" + model + "_" + name.toLowerCase(Locale.ROOT);
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.ALTER_CONSTRAINT
        .form()
        .put("model", model)
        .put("name", name)
        .put("constraint", constraint.deconstruct())
        .build();
  }

  /** Django's AlterConstraint.reduce: a later alter or removal of the same constraint wins. */
  @Override
  public Reduction reduce(Operation other, String app) {
    if ((other instanceof AlterConstraint a
            && Reductions.same(a.model(), model)
            && name.equals(a.name()))
        || (other instanceof RemoveConstraint r
            && Reductions.same(r.model(), model)
            && name.equals(r.name()))) {
      return Reduction.replace(other);
    }
    return Reductions.base(this, other);
  }
}
