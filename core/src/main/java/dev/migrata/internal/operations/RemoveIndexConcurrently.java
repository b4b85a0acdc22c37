package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;

/**
 * Django's {@code RemoveIndexConcurrently}: {@link RemoveIndex}'s state effect, run on PostgreSQL
 * as {@code DROP INDEX CONCURRENTLY} (reverse: {@code CREATE INDEX CONCURRENTLY}); its migration
 * must be {@code atomic = false}. SQLite and MySQL run the plain {@code DROP INDEX}, as {@link
 * AddIndexConcurrently} runs the plain {@code CREATE INDEX} there.
 */
public record RemoveIndexConcurrently(String model, String name)
    implements Operation, NotInTransaction {
  @Override
  public void stateForwards(String app, ProjectState state) {
    new RemoveIndex(model, name).stateForwards(app, state);
  }

  @Override
  public void databaseForwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState m = from.require(app, model);
    if (m.migrates()) {
      editor.removeIndexConcurrently(from, m, m.index(name));
    }
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState m = to.require(app, model);
    if (m.migrates()) {
      editor.addIndexConcurrently(to, m, m.index(name));
    }
  }

  @Override
  public String describe() {
    return "Concurrently remove index " + name + " from " + model;
  }

  @Override
  public String nameFragment() {
    return new RemoveIndex(model, name).nameFragment();
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.REMOVE_INDEX_CONCURRENTLY.form().put("model", model).put("name", name).build();
  }
}
