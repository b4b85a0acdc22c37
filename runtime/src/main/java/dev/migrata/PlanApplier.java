package dev.migrata;

import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.MigrationLock;
import dev.migrata.internal.executor.MigrationExecutor;
import dev.migrata.internal.executor.MigrationPlanner;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.IndexTable;
import dev.migrata.internal.recorder.MigrationRecorder;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Runs a plan's targets under the migration lock, planned again from the history read then: what
 * another process applied meanwhile is not applied twice.
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
  List<PlannedMigration> onConnection(Connection connection, Backend backend, MigrationPlan plan)
      throws SQLException {
    return connections.locked(
        connection,
        backend,
        lockTimeout,
        lease,
        listener,
        (c, b, lock) -> apply(c, b, lock, plan, false, false));
  }

  /** Applies {@code plan} on a connection of its own, under the lock; what ran. */
  List<PlannedMigration> withLock(MigrationPlan plan, boolean fake, boolean fakeInitial) {
    return connections.withLock(
        lockTimeout,
        lease,
        listener,
        (connection, backend, lock) -> apply(connection, backend, lock, plan, fake, fakeInitial));
  }

  private List<PlannedMigration> apply(
      Connection connection,
      Backend backend,
      MigrationLock lock,
      MigrationPlan plan,
      boolean fake,
      boolean fakeInitial) {
    MigrationRecorder recorder = new MigrationRecorder(backend);
    MigrationLoader loader = History.checkedLoader(index.definitions(), connection, recorder);
    List<PlannedMigration> steps =
        new MigrationPlanner(loader).migrationPlan(plan.targets(), false);
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
