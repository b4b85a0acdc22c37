package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ModelOptions;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;

/**
 * Changes options with no database effect: whether Migrata manages the table, and the ORM-only
 * options (verbose names, ordering). As Django's, it carries all of them: an option it does not
 * set goes back to its default ({@code ALTER_OPTION_KEYS}).
 */
public record AlterModelOptions(String model, boolean managed, ModelOptions options)
    implements Operation {

  public AlterModelOptions {
    options = options == null ? ModelOptions.NONE : options;
  }

  /** Only {@code managed}, as migrations written before ORM-only options read. */
  public AlterModelOptions(String model, boolean managed) {
    this(model, managed, ModelOptions.NONE);
  }

  @Override
  public void stateForwards(String app, ProjectState state) {
    state.put(state.require(app, model).withManaged(managed).withOptions(options));
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
        .apply(options::writeTo)
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
