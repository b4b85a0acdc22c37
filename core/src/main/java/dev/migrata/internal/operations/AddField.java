package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;
import java.util.List;

/**
 * Adds a field. With {@code preserveDefault = false} the default only fills existing rows and is
 * not kept in the state (Django's one-off default).
 */
public record AddField(String model, FieldState field, boolean preserveDefault)
    implements Operation {

  @Override
  public void stateForwards(String app, ProjectState state) {
    FieldState kept = preserveDefault ? field : field.withoutDefault();
    state.put(state.require(app, model).withField(kept));
  }

  @Override
  public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState target = to.require(app, model);
    if (target.migrates()) {
      editor.addField(to, from.require(app, model), field);
    }
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState current = from.require(app, model);
    if (current.migrates()) {
      editor.removeField(from, current, current.field(field.name()));
    }
  }

  @Override
  public String describe() {
    return "Add field " + field.name() + " to " + model;
  }

  @Override
  public String nameFragment() {
    return model + "_" + Names.snakeCase(field.name());
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.ADD_FIELD.form()
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
   * Django's AddField.reduce: a later AlterField, RemoveField or RenameField of the same field
   * folds into the addition. Unlike Django, the AlterField's {@code preserveDefault} is kept, so
   * the state after the fold is the state after the two operations.
   */
  @Override
  public Reduction reduce(Operation other, String app) {
    if (other instanceof AlterField a && sameField(a.model(), a.field().name())) {
      return Reduction.replace(new AddField(model, a.field(), a.preserveDefault()));
    }
    if (other instanceof RemoveField r && sameField(r.model(), r.name())) {
      return Reduction.replace();
    }
    if (other instanceof RenameField r && sameField(r.model(), r.oldName())) {
      return Reduction.replace(
          new AddField(model, field.withName(r.newName()), preserveDefault));
    }
    return Reductions.field(this, model, field.name(), other, app);
  }
}
