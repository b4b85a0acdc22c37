package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;

/**
 * Django's {@code AddIndexConcurrently}: {@link AddIndex}'s state effect, run on PostgreSQL as
 * {@code CREATE INDEX CONCURRENTLY} (which cannot run inside a transaction, so its migration must
 * be {@code atomic = false}). Django's operation works on PostgreSQL only; here SQLite and MySQL
 * run the plain {@code CREATE INDEX}, so that a project migrated on several backends still gets its
 * index everywhere.
 */
public record AddIndexConcurrently(String model, IndexState index)
    implements Operation, NotInTransaction {
  @Override
  public void stateForwards(String app, ProjectState state) {
    new AddIndex(model, index).stateForwards(app, state);
  }

  @Override
  public void databaseForwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState m = to.require(app, model);
    if (m.migrates()) {
      editor.addIndexConcurrently(to, m, index);
    }
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState m = from.require(app, model);
    if (m.migrates()) {
      editor.removeIndexConcurrently(from, m, index);
    }
  }

  @Override
  public String describe() {
    return "Concurrently c" + new AddIndex(model, index).describe().substring(1);
  }

  @Override
  public String nameFragment() {
    return new AddIndex(model, index).nameFragment();
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.ADD_INDEX_CONCURRENTLY
        .form()
        .put("model", model)
        .put("index", index.deconstruct())
        .build();
  }
}
