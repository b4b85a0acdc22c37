package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;
import java.util.List;

/**
 * Replaces a field's definition. Options with no database effect (help text, choices) still make
 * an AlterField, as in Django; the schema editor then emits nothing.
 */
public record AlterField(String model, FieldState field, boolean preserveDefault)
    implements Operation {

  @Override
  public void stateForwards(String app, ProjectState state) {
    ModelState m = state.require(app, model);
    FieldState old = m.field(field.name());
    if (old == null) {
      throw new IllegalStateException(
          "No field '" + field.name() + "' on model '" + model + "' of app '" + app + "' to alter.");
    }
    FieldState kept = preserveDefault ? field : field.withoutDefault();
    state.put(m.replaceField(old.name(), kept));
  }

  @Override
  public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState before = from.require(app, model);
    ModelState after = to.require(app, model);
    if (after.migrates()) {
      editor.alterField(from, before, before.field(field.name()), to, after, field);
    }
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState current = from.require(app, model);
    ModelState earlier = to.require(app, model);
    if (earlier.migrates()) {
      editor.alterField(
          from, current, current.field(field.name()), to, earlier, earlier.field(field.name()));
    }
  }

  @Override
  public String describe() {
    return "Alter field " + field.name() + " on " + model;
  }

  @Override
  public String nameFragment() {
    return "alter_" + model + "_" + Names.snakeCase(field.name());
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.ALTER_FIELD.form()
        .put("model", model)
        .put("field", List.of(field.deconstruct()))
        .bool("preserveDefault", preserveDefault, true)
        .build();
  }

  @Override
  public boolean referencesModel(String name, String app) {
    return Reductions.fieldOpReferencesModel(model, field, name, app);
  }

  @Override
  public boolean referencesField(String modelName, String name, String app) {
    return Reductions.fieldOpReferencesField(model, field.name(), field, modelName, name, app);
  }

  private boolean sameField(String otherModel, String otherName) {
    return Reductions.same(otherModel, model) && Reductions.same(otherName, field.name());
  }

  /**
   * Django's AlterField.reduce: a later AlterField or RemoveField of the same field supersedes it;
   * a rename moves in front of it when the column is derived from the name.
   */
  @Override
  public Reduction reduce(Operation other, String app) {
    if (other instanceof AlterField a && sameField(a.model(), a.field().name())) {
      return Reduction.replace(other);
    }
    if (other instanceof RemoveField r && sameField(r.model(), r.name())) {
      return Reduction.replace(other);
    }
    if (other instanceof RenameField r && sameField(r.model(), r.oldName()) && field.column() == null) {
      return Reduction.replace(
          other, new AlterField(model, field.withName(r.newName()), preserveDefault));
    }
    return Reductions.field(this, model, field.name(), other, app);
  }
}
