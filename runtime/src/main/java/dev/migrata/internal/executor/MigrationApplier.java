package dev.migrata.internal.executor;

import dev.migrata.MigrataException;
import dev.migrata.MigrationListener;
import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RunJava;
import dev.migrata.internal.recorder.InterruptedRun;
import dev.migrata.internal.state.ProjectState;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies or unapplies one migration of a {@link MigrationExecutor} run: its operations in a {@link
 * MigrationTransaction}, each timed for the listener and the log, a non-atomic migration's progress
 * recorded after each operation so that an interrupted run resumes ({@link Resume}).
 */
final class MigrationApplier {
  private static final Logger LOG = LoggerFactory.getLogger("dev.migrata.executor");
  private final Backend backend;
  private final Connection connection;
  private final RunHistory history;

  /** A migration's transaction, with the run's settings. */
  private final Function<MigrationKey, MigrationTransaction> transactions;

  private final Runnable beforeEachMigration;
  private final MigrationListener listener;

  /** The run's progress reporter. */
  private final LongWork longWork;

  MigrationApplier(
      Backend backend,
      Connection connection,
      RunHistory history,
      Function<MigrationKey, MigrationTransaction> transactions,
      Runnable beforeEachMigration,
      MigrationListener listener,
      LongWork longWork) {
    this.backend = backend;
    this.connection = connection;
    this.history = history;
    this.transactions = transactions;
    this.beforeEachMigration = beforeEachMigration;
    this.listener = listener;
    this.longWork = longWork;
  }

  /** Applies {@code m} to {@code state} (the state before it); returns the state after it. */
  ProjectState apply(ProjectState state, MigrationDefinition m, boolean fake, boolean fakeInitial) {
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
    InterruptedRun interrupted = history.interrupted(m);
    if (fake) {
      run(
          m,
          false,
          () -> {
            history.recordApplied(m);
            if (interrupted != null) {
              history.clearProgress(interrupted);
            }
          });
    } else {
      state = applyOperations(state, m, interrupted);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    LOG.info("{} {} ({}s)", fake ? "Faked" : "Applied", m.key(), new Seconds(took));
    listener.finished(m.key(), false, fake, took);
    return state;
  }

  /** Runs {@code m}'s operations forwards, after those an {@code interrupted} run completed. */
  private ProjectState applyOperations(
      ProjectState state, MigrationDefinition m, InterruptedRun interrupted) {
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
                history.recordProgress(written[0], now);
                written[0] = now;
              }
            }
          },
          () -> {
            history.recordApplied(m);
            if (written[0] != null) {
              history.clearProgress(written[0]);
            }
          });
    } catch (MigrataException e) {
      // The progress row is for a run that died; a failure reports what ran, and the user
      // completes or undoes it by hand, so the next run must not skip anything.
      if (written[0] != null && resumable[0]) {
        history.clearProgressAfterFailure(written[0], e);
      }
      LOG.error("{}", e.getMessage()); // it names the migration and the operation
      throw e;
    }
    return current[0];
  }

  /** Unapplies {@code m}; {@code before} is the state before it (null when faked). */
  void unapply(ProjectState before, MigrationDefinition m, boolean fake) {
    beforeEachMigration.run();
    listener.started(m.key(), true);
    LOG.info("Unapplying {}", m.key());
    long start = System.nanoTime();
    try {
      unapplyOperations(before, m, fake);
    } catch (MigrataException e) {
      LOG.error("{}", e.getMessage());
      throw e;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    LOG.info("{} {} ({}s)", fake ? "Faked unapplying" : "Unapplied", m.key(), new Seconds(took));
    listener.finished(m.key(), true, fake, took);
  }

  private void unapplyOperations(ProjectState before, MigrationDefinition m, boolean fake) {
    if (fake) {
      run(m, true, () -> history.recordUnapplied(m));
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
      MigrationDefinition m, int index, Operation op, boolean backwards, Runnable body) {
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

  private void run(MigrationDefinition m, boolean backwards, MigrationTransaction.SqlWork record) {
    run(m, backwards, (editor, progress) -> {}, record);
  }

  private void run(MigrationDefinition m, boolean backwards, MigrationTransaction.EditorWork work) {
    run(
        m,
        backwards,
        work,
        backwards ? () -> history.recordUnapplied(m) : () -> history.recordApplied(m));
  }

  private void run(
      MigrationDefinition m,
      boolean backwards,
      MigrationTransaction.EditorWork work,
      MigrationTransaction.SqlWork record) {
    transactions.apply(m.key()).run(m, backwards, work, record);
  }
}
