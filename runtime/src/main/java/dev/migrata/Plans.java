package dev.migrata;

import dev.migrata.internal.executor.MigrationPlanner;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.IndexTable;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.recorder.MigrationRecorder;
import java.util.Set;

/** Makes {@code migrate}'s plan from a history read, and says whether it has anything to run. */
final class Plans {
  private Plans() {}

  /** The plan against {@code recorded}, the history {@code recorder} has just read. */
  static MigrationPlan plan(
      IndexTable index,
      MigrationRecorder recorder,
      Set<MigrationKey> recorded,
      String app,
      String target) {
    MigrationLoader loader = History.checkedLoader(index.definitions(), recorded);
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
