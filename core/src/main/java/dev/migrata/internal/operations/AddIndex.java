package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.IndexExpression;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Adds a named index to a model. */
public record AddIndex(String model, IndexState index) implements Operation {
  @Override
  public void stateForwards(String app, ProjectState state) {
    ModelState m = state.require(app, model);
    List<IndexState> indexes = new ArrayList<>(m.indexes());
    indexes.add(index);
    state.put(m.withIndexes(indexes));
  }

  @Override
  public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState m = to.require(app, model);
    if (m.migrates()) {
      editor.addIndex(to, m, index);
    }
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState m = from.require(app, model);
    if (m.migrates()) {
      editor.removeIndex(from, m, index);
    }
  }

  @Override
  public String describe() {
    if (index.containsExpressions()) {
      List<String> shown =
          index.expressions().stream()
              .map(e -> IndexExpression.parse(e) == null ? e : IndexExpression.parse(e).describe())
              .toList();
      return "Create index "
          + index.name()
          + " on "
          + String.join(", ", shown)
          + " on model "
          + model;
    }
    List<String> bare =
        index.fields().stream().map(f -> f.startsWith("-") ? f.substring(1) : f).toList();
    return "Create index "
        + index.name()
        + " on field(s) "
        + String.join(", ", bare)
        + " of model "
        + model;
  }

  @Override
  public String nameFragment() {
    return model + "_" + index.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.ADD_INDEX.form()
        .put("model", model)
        .put("index", index.deconstruct())
        .build();
  }

  /** Django's AddIndex.reduce: removing the index cancels it, renaming it renames the addition. */
  @Override
  public Reduction reduce(Operation other, String app) {
    if (other instanceof RemoveIndex r && index.name().equals(r.name())) {
      return Reduction.replace();
    }
    if (other instanceof RenameIndex r && index.name().equals(r.oldName())) {
      return Reduction.replace(new AddIndex(model, index.withName(r.newName())));
    }
    return Reductions.base(this, other);
  }
}
