package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;

/** Sets a model's table comment ({@code null} for none). */
public record AlterModelTableComment(String model, String comment) implements Operation {
  @Override
  public void stateForwards(String app, ProjectState state) {
    state.put(state.require(app, model).withComment(comment));
  }

  @Override
  public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState before = from.require(app, model);
    ModelState after = to.require(app, model);
    if (after.migrates()) {
      editor.alterTableComment(after, before.comment(), after.comment());
    }
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    databaseForwards(app, editor, from, to);
  }

  @Override
  public String describe() {
    return "Alter " + model + " table comment";
  }

  @Override
  public String nameFragment() {
    return "alter_" + model + "_table_comment";
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.ALTER_MODEL_TABLE_COMMENT.form()
        .put("model", model)
        .string("comment", comment)
        .build();
  }

  @Override
  public boolean referencesModel(String name, String app) {
    return Reductions.same(name, model);
  }

  /** Django's ModelOptionOperation: a later one of the same kind, or a delete, supersedes it. */
  @Override
  public Reduction reduce(Operation other, String app) {
    if (other instanceof AlterModelTableComment o && Reductions.same(o.model(), model)) {
      return Reduction.replace(other);
    }
    if (other instanceof DeleteModel d && Reductions.same(d.name(), model)) {
      return Reduction.replace(other);
    }
    return Reductions.model(this, model, other, app);
  }
}
