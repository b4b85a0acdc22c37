package dev.migrata.internal.executor;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.MigrationListener;
import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.graph.MigrationGraph;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.ExecutionContext;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RunJava;
import dev.migrata.internal.recorder.MigrationRecorder;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaException;
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

/**
 * Django's MigrationExecutor: plans migrations for targets and applies or unapplies them, one
 * transaction per migration where the backend's DDL can roll back, with the history row written
 * in that same transaction.
 */
public final class MigrationExecutor {
  /** One planned migration and its direction. */
  public record Step(MigrationDefinition migration, boolean backwards) {
    public MigrationKey key() {
      return migration.key();
    }
  }

  private final MigrationLoader loader;
  private final Backend backend;
  private final Connection connection;
  private final MigrationRecorder recorder;
  private ClassLoader classLoader = MigrationExecutor.class.getClassLoader();

  public MigrationExecutor(
      MigrationLoader loader, Backend backend, Connection connection, MigrationRecorder recorder) {
    this.loader = loader;
    this.backend = backend;
    this.connection = connection;
    this.recorder = recorder;
  }

  /** Where RunJava operations find their migration classes. */
  public MigrationExecutor classLoader(ClassLoader classLoader) {
    if (classLoader != null) {
      this.classLoader = classLoader;
    }
    return this;
  }

  /**
   * Django's migration_plan. A target with a {@code null} name means "zero" for its app; an
   * applied target unapplies only its in-app children and what depends on them (minimize
   * rollbacks); an unapplied one applies its unapplied ancestors.
   */
  public List<Step> migrationPlan(List<MigrationKey> targets, boolean cleanStart) {
    MigrationGraph graph = loader.graph();
    List<Step> plan = new ArrayList<>();
    Set<MigrationKey> applied = cleanStart ? new HashSet<>() : new HashSet<>(loader.applied());
    for (MigrationKey target : targets) {
      if (target.name() == null) {
        for (MigrationKey root : graph.rootNodes(target.app())) {
          unapplyAll(graph.backwardsPlan(root), applied, plan);
        }
      } else if (applied.contains(target)) {
        for (MigrationKey child : graph.children(target)) {
          if (child.app().equals(target.app())) {
            unapplyAll(graph.backwardsPlan(child), applied, plan);
          }
        }
      } else {
        for (MigrationKey key : graph.forwardsPlan(target)) {
          if (applied.add(key)) {
            plan.add(new Step(graph.migration(key), false));
          }
        }
      }
    }
    return plan;
  }

  private void unapplyAll(List<MigrationKey> keys, Set<MigrationKey> applied, List<Step> plan) {
    for (MigrationKey key : keys) {
      if (applied.remove(key)) {
        plan.add(new Step(loader.graph().migration(key), true));
      }
    }
  }

  /** The order Django would apply everything in on an empty database. */
  private List<Step> fullPlan() {
    return migrationPlan(loader.graph().leafNodes(), true);
  }

  /** Runs {@code plan}: all forwards or all backwards. */
  public void migrate(List<Step> plan, boolean fake, MigrationListener listener) {
    migrate(plan, fake, false, listener);
  }

  /**
   * Runs {@code plan}: all forwards or all backwards. With {@code fakeInitial}, an initial
   * migration whose tables and columns all exist already is recorded without running (Django's
   * {@code --fake-initial}).
   */
  public void migrate(
      List<Step> plan, boolean fake, boolean fakeInitial, MigrationListener listener) {
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
    boolean allForwards = plan.stream().noneMatch(Step::backwards);
    boolean allBackwards = plan.stream().allMatch(Step::backwards);
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
    if (allForwards) {
      migrateAllForwards(plan, fake, fakeInitial, listener);
    } else {
      migrateAllBackwards(plan, fake, listener);
    }
    checkReplacements();
  }

  /** An irreversible operation stops the plan before anything runs. */
  private void checkReversible(List<Step> plan) {
    for (Step step : plan) {
      List<Operation> ops = step.migration().operations();
      for (int i = 0; i < ops.size(); i++) {
        Operation op = ops.get(i);
        if (!op.reversible()) {
          throw new MigrataException(
              ErrorCode.IRREVERSIBLE,
              "Operation " + (i + 1) + " (" + op.getClass().getSimpleName() + ": "
                  + op.describe() + ") in " + step.key() + " is not reversible.");
        }
      }
    }
  }

  private void migrateAllForwards(
      List<Step> plan, boolean fake, boolean fakeInitial, MigrationListener listener) {
    Set<MigrationKey> toRun = new LinkedHashSet<>();
    plan.forEach(s -> toRun.add(s.key()));
    List<Step> full = fullPlan();
    // The state of everything applied, replayed in the order of a clean run (Django's
    // _create_project_state(with_applied_migrations=True)).
    ProjectState state = new ProjectState();
    if (!fake) {
      for (Step s : full) {
        if (loader.applied().contains(s.key())) {
          s.migration().mutateState(state);
        }
      }
    }
    for (Step s : full) {
      if (toRun.isEmpty()) {
        break;
      }
      if (toRun.remove(s.key())) {
        state = applyMigration(state, s.migration(), fake, fakeInitial, listener);
      }
    }
  }

  private void migrateAllBackwards(List<Step> plan, boolean fake, MigrationListener listener) {
    Map<MigrationKey, ProjectState> states = new HashMap<>();
    if (!fake) {
      listener.renderingStates();
      Set<MigrationKey> toRun = new HashSet<>();
      plan.forEach(s -> toRun.add(s.key()));
      ProjectState state = new ProjectState();
      for (Step s : fullPlan()) {
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
    for (Step s : plan) {
      unapplyMigration(states.get(s.key()), s.migration(), fake, listener);
    }
  }

  private ProjectState applyMigration(
      ProjectState state,
      MigrationDefinition m,
      boolean fake,
      boolean fakeInitial,
      MigrationListener listener) {
    listener.started(m.key(), false);
    long start = System.nanoTime();
    if (!fake && fakeInitial) {
      ProjectState after = state.copy();
      m.mutateState(after);
      if (new SoftApplied(backend, connection).detect(m, after)) {
        fake = true;
        state = after;
      }
    }
    if (fake) {
      run(m, false, () -> recordApplied(m));
    } else {
      ProjectState[] current = {state};
      run(
          m,
          false,
          (editor, progress) -> {
            List<Operation> ops = m.operations();
            for (int i = 0; i < ops.size(); i++) {
              ProjectState before = current[0];
              ProjectState after = before.copy();
              Operation op = ops.get(i);
              op.stateForwards(m.app(), after);
              progress.runOperation(
                  editor, i, op, () -> op.databaseForwards(m.app(), editor, before, after));
              current[0] = after;
            }
          });
      state = current[0];
    }
    listener.finished(m.key(), false, fake, Duration.ofNanos(System.nanoTime() - start));
    return state;
  }

  private void unapplyMigration(
      ProjectState before, MigrationDefinition m, boolean fake, MigrationListener listener) {
    listener.started(m.key(), true);
    long start = System.nanoTime();
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
              progress.runOperation(
                  editor, at, op,
                  () -> op.databaseBackwards(m.app(), editor, states.get(at + 1), states.get(at)));
            }
          });
    }
    listener.finished(m.key(), true, fake, Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Which operations of a migration have run and which statements each ran, so that a failure
   * where nothing rolls back can say exactly how far the migration got.
   */
  private static final class Progress {
    /** Operation index and the editor's executed-statement count when it started, in run order. */
    final List<int[]> starts = new ArrayList<>();
    /** The executed-statement count when the last operation finished (deferred SQL follows). */
    int opsEnd;

    void runOperation(BaseSchemaEditor editor, int index, Operation op, Runnable body) {
      starts.add(new int[] {index, editor.executed().size()});
      try {
        body.run();
      } catch (MigrataException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new OperationFailure(index, op, e);
      }
    }
  }

  /** Carries which operation failed to the migration's error message. */
  private static final class OperationFailure extends RuntimeException {
    final int index;
    final Operation op;

    OperationFailure(int index, Operation op, RuntimeException cause) {
      super(cause.getMessage(), cause);
      this.index = index;
      this.op = op;
    }
  }

  private interface EditorWork {
    void run(BaseSchemaEditor editor, Progress progress) throws SQLException;
  }

  private interface SqlWork {
    void run() throws SQLException;
  }

  private void run(MigrationDefinition m, boolean backwards, SqlWork recordOnly) {
    run(m, backwards, (editor, progress) -> {}, recordOnly);
  }

  private void run(MigrationDefinition m, boolean backwards, EditorWork work) {
    run(m, backwards, work, backwards ? () -> recordUnapplied(m) : () -> recordApplied(m));
  }

  /**
   * One migration: its operations, deferred SQL and history row in one transaction (when atomic
   * and the backend rolls DDL back), so a failure leaves schema and history as they were. Where
   * there is no such transaction, a failure records nothing and reports what did run.
   */
  private void run(MigrationDefinition m, boolean backwards, EditorWork work, SqlWork record) {
    BaseSchemaEditor editor = backend.editor(connection, false);
    Progress progress = new Progress();
    boolean transactional = m.atomic() && editor.features().canRollbackDdl();
    int phase = 0; // 0 operations, 1 deferred statements, 2 history row
    try (ExecutionContext context = context(m, editor, connection)) {
      editor.begin(m.atomic());
      work.run(editor, progress);
      progress.opsEnd = editor.executed().size();
      phase = 1;
      editor.finish();
      phase = 2;
      record.run();
      editor.commit();
    } catch (SQLException | RuntimeException e) {
      editor.rollback();
      if (e instanceof MigrataException me) {
        throw me;
      }
      OperationFailure op = e instanceof OperationFailure f ? f : null;
      Throwable cause = op != null ? op.getCause() : e;
      String where = op == null ? null : "operation " + (op.index + 1) + " (" + op.op.describe() + ")";
      if (transactional) {
        throw new MigrataException(
            ErrorCode.MIGRATION_FAILED,
            headline(m, backwards, where, cause) + "; the migration was rolled back.",
            cause);
      }
      throw new MigrataException(
          ErrorCode.MIGRATION_FAILED,
          partialReport(m, backwards, editor, progress, op, phase, where, cause),
          cause);
    }
  }

  /** What RunSql and RunJava need to know about the migration being run. */
  private ExecutionContext context(
      MigrationDefinition m, BaseSchemaEditor editor, Connection connection) {
    MigrationGraph graph = loader.graph();
    return ExecutionContext.builder()
        .vendor(backend.vendor())
        .connection(connection)
        .quote(editor::quoteName)
        .migration(m.key(), m.className())
        .classLoader(classLoader)
        .visibleApps(
            () -> {
              Set<String> apps = new HashSet<>();
              if (graph.contains(m.key())) {
                graph.forwardsPlan(m.key()).forEach(k -> apps.add(k.app()));
              } else {
                apps.add(m.app());
              }
              return apps;
            })
        .latestMigration(
            app -> {
              List<MigrationKey> leaves = graph.leafNodes(app);
              return leaves.isEmpty() ? null : leaves.get(leaves.size() - 1).name();
            })
        .open();
  }

  private static String headline(
      MigrationDefinition m, boolean backwards, String where, Throwable cause) {
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    if (cause instanceof SchemaException se && se.sql() != null) {
      // The statement is listed below (or is in the message already for atomic runs).
      message = message.replaceAll("\\s+", " ").strip();
    }
    return (backwards ? "Unapplying " : "Applying ") + m.key() + " failed"
        + (where == null ? "" : " at " + where) + ": " + message.replaceAll("\\s+", " ").strip();
  }

  /**
   * The error of a migration that ran without a transaction (MySQL/MariaDB, or {@code atomic =
   * false}): what ran is still in the database, so the message lists each operation as done,
   * failed or not run, with the statements that ran, and says that nothing was recorded.
   */
  private String partialReport(
      MigrationDefinition m,
      boolean backwards,
      BaseSchemaEditor editor,
      Progress progress,
      OperationFailure failure,
      int phase,
      String where,
      Throwable cause) {
    String done = backwards ? "Unapplied" : "Applied";
    List<Operation> ops = m.operations();
    List<String> executed = editor.executed();
    StringBuilder out = new StringBuilder(headline(m, backwards, where, cause)).append('\n');
    out.append(
        editor.features().canRollbackDdl()
            ? "The migration is not atomic (atomic = false), so nothing was rolled back."
            : "This database cannot roll back schema changes, so nothing was rolled back.");
    out.append(' ')
        .append(m.key())
        .append(backwards ? " is still recorded as applied." : " was not recorded as applied.")
        .append('\n');
    List<Integer> notRun = new ArrayList<>();
    for (int n = 0; n < ops.size(); n++) {
      notRun.add(backwards ? ops.size() - 1 - n : n);
    }
    StringBuilder doneList = new StringBuilder();
    String failedBlock = null;
    for (int k = 0; k < progress.starts.size(); k++) {
      int index = progress.starts.get(k)[0];
      int from = progress.starts.get(k)[1];
      int to =
          k + 1 < progress.starts.size()
              ? progress.starts.get(k + 1)[1]
              : phase >= 1 ? progress.opsEnd : executed.size();
      notRun.remove(Integer.valueOf(index));
      StringBuilder block = new StringBuilder();
      block.append("  ").append(index + 1).append(". ").append(ops.get(index).describe()).append('\n');
      for (String sql : executed.subList(from, to)) {
        block.append("       ").append(sql).append(";\n");
      }
      if (failure != null && failure.index == index) {
        if (failure.getCause() instanceof SchemaException se && se.sql() != null) {
          block.append("       ").append(se.sql()).append(";  <- failed\n");
        }
        failedBlock = block.toString();
      } else {
        doneList.append(block);
      }
    }
    out.append(done).append(":\n").append(doneList.length() == 0 ? "  (none)\n" : doneList);
    if (failedBlock != null) {
      out.append("Failed (statements above the failed one ran):\n").append(failedBlock);
    }
    if (phase >= 1) {
      List<String> deferred = executed.subList(progress.opsEnd, executed.size());
      out.append(
          phase == 1
              ? "Every operation ran; of the statements deferred to the end of the migration:\n"
              : "Every statement ran, including the deferred ones:\n");
      for (String sql : deferred) {
        out.append("       ").append(sql).append(";\n");
      }
      if (phase == 1 && cause instanceof SchemaException se && se.sql() != null) {
        out.append("       ").append(se.sql()).append(";  <- failed\n");
      }
      if (phase == 2) {
        out.append("Writing the history row failed.\n");
      }
    }
    out.append("Not ").append(done.toLowerCase(java.util.Locale.ROOT)).append(":\n");
    if (notRun.isEmpty()) {
      out.append("  (none)\n");
    }
    for (int index : notRun) {
      out.append("  ").append(index + 1).append(". ").append(ops.get(index).describe()).append('\n');
    }
    out.append(
        "Complete or undo the " + done.toLowerCase(java.util.Locale.ROOT)
            + " part by hand, then run migrate again (or record the migration with --fake).");
    return out.toString();
  }

  /** A squash records the names it replaces, as Django; its own row comes from checkReplacements. */
  private void recordApplied(MigrationDefinition m) throws SQLException {
    if (m.replaces().isEmpty()) {
      recorder.recordApplied(connection, m.key());
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
    checkReplacements(recorder.applied(connection));
  }

  /** Records each squash whose replaced migrations are all in {@code applied} (Django). */
  private void checkReplacements(Set<MigrationKey> applied) {
    for (MigrationDefinition m : unrecordedSquashes(applied)) {
      try {
        recorder.recordApplied(connection, m.key());
      } catch (SQLException e) {
        throw new MigrataException(ErrorCode.HISTORY, e.getMessage(), e);
      }
    }
  }

  private List<MigrationDefinition> unrecordedSquashes(Set<MigrationKey> applied) {
    List<MigrationDefinition> out = new ArrayList<>();
    for (MigrationDefinition m : loader.all()) {
      if (!m.replaces().isEmpty()
          && !applied.contains(m.key())
          && applied.containsAll(m.replaces())) {
        out.add(m);
      }
    }
    return out;
  }

  /** Whether a squash is to be recorded, from the history rows the loader read. */
  public boolean hasUnrecordedSquash() {
    return !unrecordedSquashes(loader.recorded()).isEmpty();
  }

  /**
   * sqlmigrate: the SQL of one migration in collect mode, from the state before it, with Django's
   * {@code --} header per operation and {@code -- (no-op)} where an operation emits nothing.
   */
  public List<String> collectSql(MigrationDefinition m, boolean backwards) {
    ProjectState before = loader.projectState(List.of(m.key()), false);
    BaseSchemaEditor editor = backend.editor(connection, true);
    List<Operation> ops = m.operations();
    List<ProjectState> states = new ArrayList<>();
    ProjectState state = before;
    states.add(state);
    for (Operation op : ops) {
      state = state.copy();
      op.stateForwards(m.app(), state);
      states.add(state);
    }
    if (backwards) {
      checkReversible(List.of(new Step(m, true)));
    }
    try (ExecutionContext context = context(m, editor, null)) {
      collectOperations(m, backwards, editor, ops, states);
    }
    try {
      editor.finish();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return editor.collectedSql();
  }

  private static void collectOperations(
      MigrationDefinition m,
      boolean backwards,
      BaseSchemaEditor editor,
      List<Operation> ops,
      List<ProjectState> states) {
    for (int n = 0; n < ops.size(); n++) {
      int i = backwards ? ops.size() - 1 - n : n;
      Operation op = ops.get(i);
      editor.comment("--");
      editor.comment("-- " + op.describe());
      editor.comment("--");
      if (op instanceof RunJava) {
        editor.comment("-- THIS OPERATION CANNOT BE WRITTEN AS SQL");
        continue;
      }
      int size = editor.collectedSql().size();
      if (backwards) {
        op.databaseBackwards(m.app(), editor, states.get(i + 1), states.get(i));
      } else {
        op.databaseForwards(m.app(), editor, states.get(i), states.get(i + 1));
      }
      if (editor.collectedSql().size() == size) {
        editor.comment("-- (no-op)");
      }
    }
  }

  /** Whether this backend wraps a migration in BEGIN/COMMIT. */
  public boolean atomic(MigrationDefinition m) {
    return m.atomic() && backend.features(connection).canRollbackDdl();
  }
}
