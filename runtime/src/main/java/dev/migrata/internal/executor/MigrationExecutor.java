package dev.migrata.internal.executor;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.MigrationListener;
import dev.migrata.PlannedMigration;
import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.backends.base.LockRetry;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RowBatches;
import dev.migrata.internal.operations.RunJava;
import dev.migrata.internal.recorder.InterruptedRun;
import dev.migrata.internal.recorder.MigrationRecorder;
import dev.migrata.internal.state.ProjectState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Django's MigrationExecutor: runs a plan (from {@link MigrationPlanner}) forwards or backwards,
 * replaying the project state between migrations; each migration runs in a {@link
 * MigrationTransaction}, with its history row written in that same transaction. Logs each migration
 * at INFO and each operation at DEBUG on {@code dev.migrata.executor}; long operations are reported
 * by {@link LongWork}.
 */
public final class MigrationExecutor {
  private static final Logger LOG = LoggerFactory.getLogger("dev.migrata.executor");
  private final MigrationLoader loader;
  private final Backend backend;
  private final Connection connection;
  private final MigrationRecorder recorder;

  /** The history's interrupted runs, read when the first migration is applied. */
  private Map<MigrationKey, InterruptedRun> interruptedRuns;

  private final MigrationPlanner planner;
  private ClassLoader classLoader = MigrationExecutor.class.getClassLoader();
  private Runnable beforeEachMigration = () -> {};
  private Duration progressInterval = LongWork.defaultInterval();

  /** The run's progress reporter, open while {@link #migrate} runs. */
  private LongWork longWork;

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
          checkReplacements(loader.recorded());
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
    fillMissingChecksums();
    try (LongWork work = new LongWork(progressInterval, listener)) {
      longWork = work;
      if (allForwards) {
        migrateAllForwards(plan, fake, fakeInitial, listener);
      } else {
        migrateAllBackwards(plan, fake, listener);
      }
    } finally {
      longWork = null;
    }
    checkReplacements();
  }

  /**
   * Rows recorded before checksums get the migration's current one, under the lock, the first time
   * a run applies something: from then on an edit is noticed.
   */
  private void fillMissingChecksums() {
    try {
      for (MigrationKey key : loader.applied()) {
        MigrationDefinition m = loader.get(key);
        if (m != null
            && loader.recorded().contains(key)
            && !recorder.checksums().containsKey(key)) {
          recorder.recordChecksum(connection, m, true);
        }
      }
    } catch (SQLException e) {
      throw new MigrataException(ErrorCode.HISTORY, e.getMessage(), e);
    }
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
      List<PlannedMigration> plan, boolean fake, boolean fakeInitial, MigrationListener listener) {
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
        state = applyMigration(state, s.migration(), fake, fakeInitial, listener);
      }
    }
  }

  private void migrateAllBackwards(
      List<PlannedMigration> plan, boolean fake, MigrationListener listener) {
    Map<MigrationKey, ProjectState> states = new HashMap<>();
    if (!fake) {
      listener.renderingStates();
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
      unapplyMigration(states.get(s.key()), s.migration(), fake, listener);
    }
  }

  private ProjectState applyMigration(
      ProjectState state,
      MigrationDefinition m,
      boolean fake,
      boolean fakeInitial,
      MigrationListener listener) {
    beforeEachMigration.run();
    listener.started(m.key(), false);
    LOG.info("Applying {}", m.key());
    long start = System.nanoTime();
    if (!fake && fakeInitial) {
      ProjectState after = state.copy();
      m.mutateState(after);
      if (new SoftApplied(backend, connection).detect(m, after)) {
        LOG.info(
            "{}: its tables and columns exist already, so it is faked (fake-initial)", m.key());
        fake = true;
        state = after;
      } else if (m.initial()) {
        LOG.debug("{}: not faked, not every table and column it creates exists", m.key());
      }
    }
    InterruptedRun interrupted = interrupted(m);
    if (fake) {
      run(
          m,
          false,
          () -> {
            recordApplied(m);
            if (interrupted != null) {
              recorder.clearProgress(connection, interrupted);
            }
          });
    } else {
      ProjectState initial = state;
      ProjectState[] current = {state};
      InterruptedRun[] written = {interrupted};
      boolean[] resumable = {false}; // a refusal to resume keeps the row: it is the only trace
      try {
        run(
            m,
            false,
            (editor, progress) -> {
              current[0] = initial; // an atomic migration retried after a lock timeout restarts
              boolean transactional = m.atomic() && editor.features().canRollbackDdl();
              int resumeAfter = transactional ? 0 : Resume.after(m, interrupted);
              progress.resumedAfter = resumeAfter;
              resumable[0] = true;
              List<Operation> ops = m.operations();
              for (int i = 0; i < ops.size(); i++) {
                ProjectState before = current[0];
                ProjectState after = before.copy();
                Operation op = ops.get(i);
                op.stateForwards(m.app(), after);
                current[0] = after;
                if (i < resumeAfter) {
                  continue; // the interrupted run completed it
                }
                int index = i;
                timed(
                    m,
                    index,
                    op,
                    false,
                    listener,
                    () ->
                        progress.runOperation(
                            editor,
                            index,
                            op,
                            ownTransaction(
                                m,
                                editor,
                                op,
                                () -> op.databaseForwards(m.app(), editor, before, after))));
                if (!transactional && i + 1 < ops.size()) {
                  InterruptedRun now =
                      new InterruptedRun(m.key(), i + 1, ops.size(), editor.hasDeferred());
                  recorder.recordProgress(connection, written[0], now);
                  written[0] = now;
                }
              }
            },
            () -> {
              recordApplied(m);
              if (written[0] != null) {
                recorder.clearProgress(connection, written[0]);
              }
            });
      } catch (MigrataException e) {
        // The progress row is for a run that died; a failure reports what ran, and the user
        // completes or undoes it by hand, so the next run must not skip anything.
        if (written[0] != null && resumable[0]) {
          clearProgressAfterFailure(written[0], e);
        }
        LOG.error("{}", e.getMessage()); // it names the migration and the operation
        throw e;
      }
      state = current[0];
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    LOG.info("{} {} ({}s)", fake ? "Faked" : "Applied", m.key(), new Seconds(took));
    listener.finished(m.key(), false, fake, took);
    return state;
  }

  private void unapplyMigration(
      ProjectState before, MigrationDefinition m, boolean fake, MigrationListener listener) {
    beforeEachMigration.run();
    listener.started(m.key(), true);
    LOG.info("Unapplying {}", m.key());
    long start = System.nanoTime();
    try {
      unapplyOperations(before, m, fake, listener);
    } catch (MigrataException e) {
      LOG.error("{}", e.getMessage());
      throw e;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    LOG.info("{} {} ({}s)", fake ? "Faked unapplying" : "Unapplied", m.key(), new Seconds(took));
    listener.finished(m.key(), true, fake, took);
  }

  private void unapplyOperations(
      ProjectState before, MigrationDefinition m, boolean fake, MigrationListener listener) {
    if (fake) {
      run(m, true, () -> recordUnapplied(m));
    } else {
      // The states between the operations, computed first, then walked in reverse (Django).
      List<Operation> ops = m.operations();
      List<ProjectState> states = new ArrayList<>();
      ProjectState state = before;
      states.add(state);
      for (Operation op : ops) {
        state = state.copy();
        op.stateForwards(m.app(), state);
        states.add(state);
      }
      run(
          m,
          true,
          (editor, progress) -> {
            for (int i = ops.size() - 1; i >= 0; i--) {
              Operation op = ops.get(i);
              int at = i;
              timed(
                  m,
                  at,
                  op,
                  true,
                  listener,
                  () ->
                      progress.runOperation(
                          editor,
                          at,
                          op,
                          ownTransaction(
                              m,
                              editor,
                              op,
                              () ->
                                  op.databaseBackwards(
                                      m.app(), editor, states.get(at + 1), states.get(at)))));
            }
          });
    }
  }

  /** A RunJava's own transaction where an atomic migration has none ({@link BatchCommits}). */
  private Runnable ownTransaction(
      MigrationDefinition m, BaseSchemaEditor editor, Operation op, Runnable body) {
    boolean needed = op instanceof RunJava && m.atomic() && !editor.features().canRollbackDdl();
    return needed ? BatchCommits.inOwnTransaction(connection, body) : body;
  }

  /**
   * Runs one operation as the current long work; tells the listener (the CLI's {@code -v 2}) and
   * the DEBUG log how long it took.
   */
  private void timed(
      MigrationDefinition m,
      int index,
      Operation op,
      boolean backwards,
      MigrationListener listener,
      Runnable body) {
    String description = (backwards ? "Undo " : "") + op.describe();
    longWork.started(m.key(), description);
    Duration took;
    try {
      body.run();
    } finally {
      took = longWork.finished();
    }
    LOG.debug("{}: {} ({}s)", m.key(), description, new Seconds(took));
    listener.operationFinished(m.key(), index, op.describe(), backwards, took);
  }

  /**
   * A duration as the log shows it, formatted only when a message is (a run with INFO off does not
   * pay a {@code String.format} per migration and operation).
   */
  private record Seconds(Duration took) {
    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "%.3f", took.toNanos() / 1e9);
    }
  }

  private void clearProgressAfterFailure(InterruptedRun written, MigrataException failure) {
    try {
      if (!connection.getAutoCommit()) {
        connection.setAutoCommit(true);
      }
      recorder.clearProgress(connection, written);
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /** The interrupted earlier run of {@code m} the history records, or {@code null}. */
  private InterruptedRun interrupted(MigrationDefinition m) {
    if (interruptedRuns == null) {
      try {
        interruptedRuns = recorder.interruptedRuns(connection);
      } catch (SQLException e) {
        throw new MigrataException(ErrorCode.HISTORY, e.getMessage(), e);
      }
    }
    return interruptedRuns.get(m.key());
  }

  private void run(MigrationDefinition m, boolean backwards, MigrationTransaction.SqlWork record) {
    run(m, backwards, (editor, progress) -> {}, record);
  }

  private void run(MigrationDefinition m, boolean backwards, MigrationTransaction.EditorWork work) {
    run(m, backwards, work, backwards ? () -> recordUnapplied(m) : () -> recordApplied(m));
  }

  private void run(
      MigrationDefinition m,
      boolean backwards,
      MigrationTransaction.EditorWork work,
      MigrationTransaction.SqlWork record) {
    LockRetry retry =
        "postgresql".equals(backend.vendor())
            ? lockRetry.withListener(
                (attempt, pause, statement) ->
                    listener.retryingAfterLockTimeout(m.key(), attempt, pause))
            : LockRetry.NONE;
    new MigrationTransaction(loader.graph(), backend, connection, classLoader)
        .rowProgress(longWork)
        .lockRetry(retry)
        .onlineDdl(onlineDdl)
        .backfillBatchSize(backfillBatchSize)
        .run(m, backwards, work, record);
  }

  /**
   * A squash records the names it replaces, as Django; its own row comes from checkReplacements.
   */
  private void recordApplied(MigrationDefinition m) throws SQLException {
    if (m.replaces().isEmpty()) {
      recorder.recordApplied(connection, m);
    } else {
      for (MigrationKey k : m.replaces()) {
        recorder.recordApplied(connection, k);
      }
    }
  }

  private void recordUnapplied(MigrationDefinition m) throws SQLException {
    for (MigrationKey k : m.replaces()) {
      recorder.recordUnapplied(connection, k);
    }
    recorder.recordUnapplied(connection, m.key());
  }

  /** Records a squash as applied once everything it replaces is (Django's check_replacements). */
  private void checkReplacements() {
    // Without a squash there is nothing to record: no second read of the history.
    if (loader.all().stream().anyMatch(m -> !m.replaces().isEmpty())) {
      checkReplacements(recorder.applied(connection));
    }
  }

  /** Records each squash whose replaced migrations are all in {@code applied} (Django). */
  private void checkReplacements(Set<MigrationKey> applied) {

    for (MigrationDefinition m : planner.unrecordedSquashes(applied)) {
      try {
        recorder.recordApplied(connection, m);
      } catch (SQLException e) {
        throw new MigrataException(ErrorCode.HISTORY, e.getMessage(), e);
      }
    }
  }
}
