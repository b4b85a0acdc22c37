package dev.migrata.internal.executor;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.MigrationListener;
import dev.migrata.PlannedMigration;
import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.base.LockRetry;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RowBatches;
import dev.migrata.internal.recorder.MigrationRecorder;
import dev.migrata.internal.state.ProjectState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Django's MigrationExecutor: runs a plan (from {@link MigrationPlanner}) forwards or backwards,
 * replaying the project state between migrations; each migration is run by a {@link
 * MigrationApplier} in a {@link MigrationTransaction}, with its history row ({@link RunHistory})
 * written in that same transaction. Logs each migration at INFO and each operation at DEBUG on
 * {@code dev.migrata.executor}; long operations are reported by {@link LongWork}.
 */
public final class MigrationExecutor {
  private final MigrationLoader loader;
  private final Backend backend;
  private final Connection connection;
  private final MigrationRecorder recorder;
  private final MigrationPlanner planner;
  private final RunHistory history;
  private ClassLoader classLoader = MigrationExecutor.class.getClassLoader();
  private Runnable beforeEachMigration = () -> {};
  private Duration progressInterval = LongWork.defaultInterval();
  private LockRetry lockRetry = LockRetry.NONE;
  private boolean onlineDdl;
  private int backfillBatchSize = RowBatches.DEFAULT_SIZE;
  private MigrationListener listener = MigrationListener.NONE;

  public MigrationExecutor(
      MigrationLoader loader, Backend backend, Connection connection, MigrationRecorder recorder) {
    this.loader = loader;
    this.backend = backend;
    this.connection = connection;
    this.recorder = recorder;
    this.planner = new MigrationPlanner(loader);
    this.history = new RunHistory(loader, recorder, connection, planner);
  }

  /** Where RunJava operations find their migration classes. */
  public MigrationExecutor classLoader(ClassLoader classLoader) {
    if (classLoader != null) {
      this.classLoader = classLoader;
    }
    return this;
  }

  /**
   * Called before each migration starts, to stop a run that no longer holds its lock (a lease that
   * expired and was taken over) before it changes anything more.
   */
  public MigrationExecutor beforeEachMigration(Runnable check) {
    this.beforeEachMigration = check;
    return this;
  }

  /** How long an operation runs before its progress is reported, and how often (5 s). */
  public MigrationExecutor progressInterval(Duration interval) {
    if (interval != null) {
      this.progressInterval = interval;
    }
    return this;
  }

  /**
   * PostgreSQL's {@code lock_timeout} and retries for DDL ({@link LockRetry}); ignored on other
   * backends.
   */
  public MigrationExecutor lockRetry(LockRetry retry) {
    this.lockRetry = retry;
    return this;
  }

  /** MySQL and MariaDB: online DDL clauses on schema statements (see {@code OnlineDdl}). */
  public MigrationExecutor onlineDdl(boolean online) {
    this.onlineDdl = online;
    return this;
  }

  /**
   * Rows per batch of RunJava's row API (1000 by default); a non-atomic migration commits each
   * batch on its own.
   */
  public MigrationExecutor backfillBatchSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("The backfill batch size must be positive: " + size);
    }
    this.backfillBatchSize = size;
    return this;
  }

  /** Runs {@code plan}: all forwards or all backwards. */
  public void migrate(List<PlannedMigration> plan, boolean fake, MigrationListener listener) {
    migrate(plan, fake, false, listener);
  }

  /**
   * Runs {@code plan}: all forwards or all backwards. With {@code fakeInitial}, an initial
   * migration whose tables and columns all exist already is recorded without running (Django's
   * {@code --fake-initial}).
   */
  public void migrate(
      List<PlannedMigration> plan, boolean fake, boolean fakeInitial, MigrationListener listener) {
    this.listener = listener;
    if (plan.isEmpty()) {
      // Nothing to run, but a squash whose originals are all applied is still recorded (Django).
      try {
        if (recorder.hasTable(connection)) {
          // The loader read the history just now, under the lock: no second read.
          history.checkReplacements(loader.recorded());
        }
      } catch (SQLException e) {
        throw new MigrataException(ErrorCode.HISTORY, e.getMessage(), e);
      }
      return;
    }
    boolean allForwards = plan.stream().noneMatch(PlannedMigration::backwards);
    boolean allBackwards = plan.stream().allMatch(PlannedMigration::backwards);
    if (!allForwards && !allBackwards) {
      throw new MigrataException(
          ErrorCode.INVALID_PLAN,
          "Migration plans with both forwards and backwards migrations are not supported. Please"
              + " split your migration process into separate plans of only forwards OR backwards"
              + " migrations.");
    }
    if (allBackwards) {
      checkReversible(plan);
    }
    recorder.ensureSchema(connection);
    history.fillMissingChecksums();
    try (LongWork work = new LongWork(progressInterval, listener)) {
      MigrationApplier applier =
          new MigrationApplier(
              backend,
              connection,
              history,
              key -> transaction(key, work),
              beforeEachMigration,
              listener,
              work);
      if (allForwards) {
        migrateAllForwards(plan, fake, fakeInitial, applier);
      } else {
        migrateAllBackwards(plan, fake, applier, listener);
      }
    }
    history.checkReplacements();
  }

  /** An irreversible operation stops the plan before anything runs. */
  static void checkReversible(List<PlannedMigration> plan) {
    for (PlannedMigration step : plan) {
      List<Operation> ops = step.migration().operations();
      for (int i = 0; i < ops.size(); i++) {
        Operation op = ops.get(i);
        if (!op.reversible()) {
          throw new MigrataException(
              ErrorCode.IRREVERSIBLE,
              "Operation "
                  + (i + 1)
                  + " ("
                  + op.getClass().getSimpleName()
                  + ": "
                  + op.describe()
                  + ") in "
                  + step.key()
                  + " is not reversible.");
        }
      }
    }
  }

  private void migrateAllForwards(
      List<PlannedMigration> plan, boolean fake, boolean fakeInitial, MigrationApplier applier) {
    Set<MigrationKey> toRun = new LinkedHashSet<>();
    plan.forEach(s -> toRun.add(s.key()));
    List<PlannedMigration> full = planner.fullPlan();
    // The state of everything applied, replayed in the order of a clean run (Django's
    // _create_project_state(with_applied_migrations=True)).
    ProjectState state = new ProjectState();
    if (!fake) {
      for (PlannedMigration s : full) {
        if (loader.applied().contains(s.key())) {
          s.migration().mutateState(state);
        }
      }
    }
    for (PlannedMigration s : full) {
      if (toRun.isEmpty()) {
        break;
      }
      if (toRun.remove(s.key())) {
        state = applier.apply(state, s.migration(), fake, fakeInitial);
      }
    }
  }

  private void migrateAllBackwards(
      List<PlannedMigration> plan,
      boolean fake,
      MigrationApplier applier,
      MigrationListener listener) {
    Map<MigrationKey, ProjectState> states = new HashMap<>();
    // Said also when faking (as Django's executor does), though a fake unapplies without states.
    listener.renderingStates();
    if (!fake) {
      Set<MigrationKey> toRun = new HashSet<>();
      plan.forEach(s -> toRun.add(s.key()));
      ProjectState state = new ProjectState();
      for (PlannedMigration s : planner.fullPlan()) {
        if (toRun.isEmpty()) {
          break;
        }
        if (loader.applied().contains(s.key())) {
          states.put(s.key(), state.copy());
          s.migration().mutateState(state);
          toRun.remove(s.key());
        }
      }
    }
    for (PlannedMigration s : plan) {
      applier.unapply(states.get(s.key()), s.migration(), fake);
    }
  }

  /** A migration's transaction with this run's settings; {@code key} names it to the listener. */
  private MigrationTransaction transaction(MigrationKey key, LongWork work) {
    LockRetry retry =
        "postgresql".equals(backend.vendor())
            ? lockRetry.withListener(
                (attempt, pause, statement) ->
                    listener.retryingAfterLockTimeout(key, attempt, pause))
            : LockRetry.NONE;
    return new MigrationTransaction(loader.graph(), backend, connection, classLoader)
        .rowProgress(work)
        .lockRetry(retry)
        .onlineDdl(onlineDdl)
        .backfillBatchSize(backfillBatchSize);
  }
}
