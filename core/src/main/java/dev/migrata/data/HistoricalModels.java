package dev.migrata.data;

import dev.migrata.internal.operations.ExecutionContext;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import java.sql.Connection;

/**
 * Django's {@code apps} argument of RunPython: the models as they were at this point of the
 * history (tables and fields from the replayed state, not today's classes), each with a small
 * row API that works on every backend. A model of another app is reachable only when the
 * migration depends on that app, as Django's {@code LookupError} case.
 */
public final class HistoricalModels {
  private final String app;
  private final ProjectState state;
  private final ExecutionContext context;

  public HistoricalModels(String app, ProjectState state, ExecutionContext context) {
    this.app = app;
    this.state = state;
    this.context = context;
  }

  /**
   * The model {@code name} (class name, any case) of {@code app} at this point of history.
   *
   * @throws IllegalArgumentException naming the missing dependency or model
   */
  public HistoricalModel model(String app, String name) {
    if (!app.equals(this.app) && !context.visibleApps().contains(app)) {
      String latest = context.latestMigration(app);
      throw new IllegalArgumentException(
          "No installed app with label '" + app + "' for " + context.migration() + ": the"
              + " migration does not depend on it. Add @Dependency(app = \"" + app
              + "\", name = \"" + (latest == null ? "<its latest migration>" : latest)
              + "\") to its dependencies to use " + app + "'s models.");
    }
    ModelState model = state.model(app, name);
    if (model == null) {
      throw new IllegalArgumentException(
          "App '" + app + "' doesn't have a '" + name + "' model at " + context.migration()
              + " in the migration history.");
    }
    return new HistoricalModel(model, this);
  }

  /** The running migration's connection (in its transaction, when atomic). */
  public Connection connection() {
    return context.connection();
  }

  /** The backend's vendor: {@code sqlite}, {@code postgresql}, {@code mysql}. */
  public String vendor() {
    return context.vendor();
  }

  ProjectState state() {
    return state;
  }

  ExecutionContext context() {
    return context;
  }
}
