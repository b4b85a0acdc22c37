package dev.migrata;

import dev.migrata.internal.executor.MigrationPlanner;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.IndexTable;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.recorder.HistoryRows;
import dev.migrata.internal.recorder.MigrationRecorder;
import java.util.Set;

/** Makes {@code migrate}'s plan from a history read, and says whether it has anything to run. */
final class Plans {
  private Plans() {}

  /**
   * A plan with what it was made from: the history rows and the loader of them, reused under the
   * lock when the history read there has the same rows.
   */
  record Planned(MigrationPlan plan, HistoryRows rows, MigrationLoader loader) {}

  /** The plan against {@code recorded}, the history {@code recorder} has just read. */
  static MigrationPlan plan(
      IndexTable index,
      MigrationRecorder recorder,
      Set<MigrationKey> recorded,
      String app,
      String target) {
    return plan(index, recorder, History.checkedLoader(index.definitions(), recorded), app, target);
  }

  /** The plan against {@code rows}, the history {@code recorder} has just read, with its basis. */
  static Planned planned(
      IndexTable index, MigrationRecorder recorder, HistoryRows rows, String app, String target) {
    MigrationLoader loader = History.checkedLoader(index.definitions(), rows.keys());
    return new Planned(plan(index, recorder, loader, app, target), rows, loader);
  }

  private static MigrationPlan plan(
      IndexTable index,
      MigrationRecorder recorder,
      MigrationLoader loader,
      String app,
      String target) {
    Targets.Resolved resolved = Targets.resolve(loader, app, target);
    MigrationPlanner planner = new MigrationPlanner(loader);
    return new MigrationPlan(
        resolved.targets(),
        resolved.header(),
        planner.migrationPlan(resolved.targets(), false),
        planner.hasUnrecordedSquash(),
        History.unknown(index.definitions(), loader.recorded()),
        History.changed(loader, recorder.checksums()));
  }

  /** Whether {@code plan} has anything to run; fails when an applied migration was edited. */
  static boolean startsWork(MigrationPlan plan) {
    if (!plan.changed().isEmpty()) {
      // Before anything runs: what the database has is not what the code says was applied.
      throw History.changedError(plan.changed());
    }
    // Up to date when planned: the plan's one history read is the whole cost of start-up (no
    // lock, no second read). A database changed since then is planned again next start.
    return plan.hasWork();
  }
}
