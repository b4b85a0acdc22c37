package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;
import java.util.Locale;

/**
 * Django's {@code ValidateConstraint}: {@code ALTER TABLE ... VALIDATE CONSTRAINT} on PostgreSQL,
 * checking the rows a {@link AddConstraintNotValid} skipped. No state effect. Backwards it does
 * nothing (PostgreSQL cannot make a constraint invalid again); other backends skip it, their
 * constraints being valid from the start.
 */
public record ValidateConstraint(String model, String name) implements Operation {
  @Override
  public void stateForwards(String app, ProjectState state) {}

  @Override
  public void databaseForwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState m = from.require(app, model);
    if (m.managed()) {
      editor.validateConstraint(m, name);
    }
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {}

  @Override
  public String describe() {
    return "Validate constraint " + name + " on model " + model;
  }

  @Override
  public String nameFragment() {
    return model.toLowerCase(Locale.ROOT) + "_validate_" + name.toLowerCase(Locale.ROOT);
  }

  @Override
  public Deconstructed deconstruct() {
    // In @Op's order (name before model), as the processor reads it back: the index JSON and the
    // checksum of a written migration then equal those of its source.
    return OpKind.VALIDATE_CONSTRAINT.form().put("name", name).put("model", model).build();
  }
}
