package dev.migrata;

import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.MigrationLock;
import dev.migrata.internal.executor.MigrationExecutor;
import dev.migrata.internal.executor.MigrationPlanner;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.IndexTable;
import dev.migrata.internal.recorder.HistoryRows;
import dev.migrata.internal.recorder.MigrationRecorder;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Runs a plan's targets under the migration lock, planned again from the history read then: what
 * another process applied meanwhile is not applied twice. A history read there with the same rows
 * as the plan's own keeps that plan (the same rows give the same plan; planning is most of a
 * migrating run's client CPU, bench/README.md "Large tables").
 */
final class PlanApplier {
  private final IndexTable index;
  private final Connections connections;
  private final Duration lockTimeout;
  private final Duration lease;
  private final ClassLoader classLoader;
  private final DdlSettings ddl;
  private final MigrationListener listener;

  PlanApplier(
      IndexTable index,
      Connections connections,
      Duration lockTimeout,
      Duration lease,
      ClassLoader classLoader,
      DdlSettings ddl,
      MigrationListener listener) {
    this.index = index;
    this.connections = connections;
    this.lockTimeout = lockTimeout;
    this.lease = lease;
    this.classLoader = classLoader;
    this.ddl = ddl;
    this.listener = listener;
  }

  /**
   * {@code migrate()}'s run on the connection that planned it (a session lock lives on it): takes
   * the lock there and applies {@code plan}; what ran.
   */
  List<PlannedMigration> onConnection(Connection connection, Backend backend, Plans.Planned planned)
      throws SQLException {
    return connections.locked(
        connection,
        backend,
        lockTimeout,
        lease,
        listener,
        (c, b, lock) -> apply(c, b, lock, planned.plan(), planned, false, false));
  }

  /** Applies {@code plan} on a connection of its own, under the lock; what ran. */
  List<PlannedMigration> withLock(MigrationPlan plan, boolean fake, boolean fakeInitial) {
    return connections.withLock(
        lockTimeout,
        lease,
        listener,
        (connection, backend, lock) ->
            apply(connection, backend, lock, plan, null, fake, fakeInitial));
  }

  private List<PlannedMigration> apply(
      Connection connection,
      Backend backend,
      MigrationLock lock,
      MigrationPlan plan,
      Plans.Planned first,
      boolean fake,
      boolean fakeInitial) {
    MigrationRecorder recorder = new MigrationRecorder(backend);
    // Always read again under the lock: only then is the history not changing under the run.
    HistoryRows rows = recorder.rows(connection);
    MigrationLoader loader;
    List<PlannedMigration> steps;
    if (first != null && first.rows().sameRows(rows)) {
      loader = first.loader();
      steps = plan.migrations();
    } else {
      // Another process migrated (or the plan came from elsewhere): plan again from this read.
      loader = History.checkedLoader(index.definitions(), rows.keys());
      steps = new MigrationPlanner(loader).migrationPlan(plan.targets(), false);
    }
    new MigrationExecutor(loader, backend, connection, recorder)
        .classLoader(classLoader)
        .lockRetry(ddl.lockRetry())
        .onlineDdl(ddl.onlineDdl())
        .backfillBatchSize(ddl.batchSize())
        .beforeEachMigration(lock::verify)
        .migrate(steps, fake, fakeInitial, listener);
    return steps;
  }
}
