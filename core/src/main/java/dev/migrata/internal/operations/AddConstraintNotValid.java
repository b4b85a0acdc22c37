package dev.migrata.internal.operations;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;

/**
 * Django's {@code AddConstraintNotValid}: {@link AddConstraint}'s state effect, run on PostgreSQL
 * as {@code ALTER TABLE ... ADD CONSTRAINT ... NOT VALID}, which skips the scan of existing rows (a
 * later {@link ValidateConstraint} does it under a weaker lock). Check constraints only, as in
 * Django. Other backends have no {@code NOT VALID} and add the constraint as {@link AddConstraint}
 * does, so that state and schema agree everywhere.
 */
public record AddConstraintNotValid(String model, ConstraintState constraint) implements Operation {
  public AddConstraintNotValid {
    if (!constraint.isCheck()) {
      throw new IllegalArgumentException(
          "AddConstraintNotValid.constraint must be a check constraint.");
    }
  }

  private AddConstraint plain() {
    return new AddConstraint(model, constraint);
  }

  @Override
  public void stateForwards(String app, ProjectState state) {
    plain().stateForwards(app, state);
  }

  @Override
  public void databaseForwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState m = to.require(app, model);
    if (m.managed()) {
      editor.addConstraintNotValid(to, m, constraint);
    }
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    plain().databaseBackwards(app, editor, from, to);
  }

  @Override
  public String describe() {
    return "Create not valid constraint " + constraint.name() + " on model " + model;
  }

  @Override
  public String nameFragment() {
    return plain().nameFragment() + "_not_valid";
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.ADD_CONSTRAINT_NOT_VALID
        .form()
        .put("model", model)
        .put("constraint", constraint.deconstruct())
        .build();
  }

  /** Inherited in Django: removing the constraint cancels it. */
  @Override
  public Reduction reduce(Operation other, String app) {
    return plain().reduce(other, app);
  }
}
