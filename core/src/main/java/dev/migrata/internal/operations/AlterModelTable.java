package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;

/** Sets a model's table name ({@code null} for the default name). */
public record AlterModelTable(String model, String table) implements Operation {
  @Override
  public void stateForwards(String app, ProjectState state) {
    state.put(state.require(app, model).withTable(table));
  }

  @Override
  public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState before = from.require(app, model);
    ModelState after = to.require(app, model);
    if (after.migrates()) {
      editor.alterDbTable(to, after, before.tableName(), after.tableName());
      for (FieldState f : before.fields().values()) {
        if (f.isAutoManyToMany() && after.field(f.name()) != null) {
          editor.alterManyToMany(from, before, f, to, after, after.field(f.name()));
        }
      }
    }
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    databaseForwards(app, editor, from, to);
  }

  @Override
  public String describe() {
    return "Rename table for " + model + " to " + (table == null ? "(default)" : table);
  }

  @Override
  public String nameFragment() {
    return "alter_" + model + "_table";
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.ALTER_MODEL_TABLE.form()
        .put("model", model)
        .string("table", table)
        .build();
  }

  @Override
  public boolean referencesModel(String name, String app) {
    return Reductions.same(name, model);
  }

  /** Django's ModelOptionOperation: a later one of the same kind, or a delete, supersedes it. */
  @Override
  public Reduction reduce(Operation other, String app) {
    if (other instanceof AlterModelTable o && Reductions.same(o.model(), model)) {
      return Reduction.replace(other);
    }
    if (other instanceof DeleteModel d && Reductions.same(d.name(), model)) {
      return Reduction.replace(other);
    }
    return Reductions.model(this, model, other, app);
  }
}
