package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.GeneratedExpression;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;

/**
 * Renames a field, and its column unless the column is explicit; indexes and constraints naming the
 * field follow it.
 */
public record RenameField(String model, String oldName, String newName) implements Operation {
  @Override
  public void stateForwards(String app, ProjectState state) {
    ModelState m = state.require(app, model);
    FieldState old = m.field(oldName);
    if (old == null) {
      throw new IllegalStateException(
          "No field '" + oldName + "' on model '" + model + "' of app '" + app + "' to rename.");
    }
    ModelState renamed =
        m.replaceField(old.name(), old.withName(newName)).renameFieldReferences(oldName, newName);
    state.put(renameInGeneratedColumns(renamed));
    repointToFields(app, state);
  }

  /**
   * Generated columns naming the field follow it, as the databases rename the column inside their
   * expressions; the model then matches the expression its class now spells.
   */
  private ModelState renameInGeneratedColumns(ModelState m) {
    if (!m.hasGeneratedFields()) {
      return m; // a wide model without generated columns is not scanned on every rename
    }
    ModelState updated = m;
    for (FieldState f : m.fields().values()) {
      if (f.isGenerated() && GeneratedExpression.references(f.generated()).contains(oldName)) {
        String expression = GeneratedExpression.rename(f.generated(), oldName, newName);
        updated =
            updated.replaceField(
                f.name(), f.toBuilder().generated(expression, f.persisted()).build());
      }
    }
    return updated;
  }

  /** Relations naming the field as their {@code toField} follow it, as Django's rename_field. */
  private void repointToFields(String app, ProjectState state) {
    String target = ProjectState.key(app, model);
    for (ModelState other : state.models()) {
      if (!other.hasRelations()) {
        continue;
      }
      ModelState updated = other;
      for (FieldState f : other.fields().values()) {
        if (f.isRelation() && target.equalsIgnoreCase(f.to()) && oldName.equals(f.toField())) {
          updated = updated.replaceField(f.name(), f.toBuilder().toField(newName).build());
        }
      }
      if (updated != other) {
        state.put(updated);
      }
    }
  }

  @Override
  public void databaseForwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState before = from.require(app, model);
    ModelState after = to.require(app, model);
    if (after.migrates()) {
      editor.alterField(from, before, before.field(oldName), to, after, after.field(newName));
    }
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState current = from.require(app, model);
    ModelState earlier = to.require(app, model);
    if (earlier.migrates()) {
      editor.alterField(from, current, current.field(newName), to, earlier, earlier.field(oldName));
    }
  }

  @Override
  public String describe() {
    return "Rename field " + oldName + " on " + model + " to " + newName;
  }

  @Override
  public String nameFragment() {
    return "rename_" + Names.snakeCase(oldName) + "_" + model + "_" + Names.snakeCase(newName);
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.RENAME_FIELD
        .form()
        .put("model", model)
        .put("oldName", oldName)
        .put("newName", newName)
        .build();
  }

  @Override
  public boolean referencesModel(String name, String app) {
    return Reductions.same(name, model);
  }

  @Override
  public boolean referencesField(String modelName, String name, String app) {
    return referencesModel(modelName, app)
        && (Reductions.same(name, oldName) || Reductions.same(name, newName));
  }

  /** Two renames of one field become one; others pass if they use neither name. */
  @Override
  public Reduction reduce(Operation other, String app) {
    if (other instanceof RenameField r
        && Reductions.same(r.model(), model)
        && Reductions.same(newName, r.oldName())) {
      return Reduction.replace(new RenameField(model, oldName, r.newName()));
    }
    Reduction base = Reductions.base(this, other);
    if (base.truthy()) {
      return base;
    }
    return Reduction.through(
        !(other.referencesField(model, oldName, app)
            || other.referencesField(model, newName, app)));
  }
}
