package dev.migrata.internal.operations;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;

/**
 * A new model's unnamed unique over fields as Django's autodetector emits a {@code
 * unique_together}: an {@code AlterUniqueTogether}, which (unlike Django's {@code AddConstraint})
 * refers only to its own model and fields. So the optimizer folds it into the model's {@code
 * CreateModel} across unrelated operations exactly where Django's folds the {@code unique_together}
 * (issue 9, item 7). It exists only between the autodetector and the writer: what is left of it is
 * {@link #asAddConstraint() written, read and applied} as the {@code AddConstraint} it stands for.
 */
public record AddUniqueTogether(String model, ConstraintState constraint) implements Operation {

  /** The operation it is written as. */
  public AddConstraint asAddConstraint() {
    return new AddConstraint(model, constraint);
  }

  @Override
  public void stateForwards(String app, ProjectState state) {
    asAddConstraint().stateForwards(app, state);
  }

  @Override
  public void databaseForwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    asAddConstraint().databaseForwards(app, editor, from, to);
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    asAddConstraint().databaseBackwards(app, editor, from, to);
  }

  @Override
  public String describe() {
    return asAddConstraint().describe();
  }

  @Override
  public String nameFragment() {
    return asAddConstraint().nameFragment();
  }

  @Override
  public Deconstructed deconstruct() {
    return asAddConstraint().deconstruct();
  }

  /** {@code ModelOperation.references_model}: its own model only. */
  @Override
  public boolean referencesModel(String name, String app) {
    return Reductions.same(name, model);
  }

  /** {@code AlterTogetherOptionOperation.references_field}: its model and its fields. */
  @Override
  public boolean referencesField(String modelName, String name, String app) {
    return referencesModel(modelName, app) && constraint.fields().contains(name);
  }

  /** {@code ModelOptionOperation.reduce}: deleting the model supersedes it. */
  @Override
  public Reduction reduce(Operation other, String app) {
    if (other instanceof DeleteModel d && Reductions.same(d.name(), model)) {
      return Reduction.replace(other);
    }
    return Reductions.model(this, model, other, app);
  }
}
