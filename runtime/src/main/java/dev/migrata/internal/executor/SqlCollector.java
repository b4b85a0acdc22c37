package dev.migrata.internal.executor;

import dev.migrata.PlannedMigration;
import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.backends.base.LockRetry;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RunJava;
import dev.migrata.internal.state.ProjectState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Django's sqlmigrate: the SQL a migration would run, collected instead of executed. */
public final class SqlCollector {
  private final MigrationLoader loader;
  private final Backend backend;
  private final Connection connection;
  private boolean onlineDdl;
  private LockRetry lockRetry = LockRetry.NONE;

  public SqlCollector(MigrationLoader loader, Backend backend, Connection connection) {
    this.loader = loader;
    this.backend = backend;
    this.connection = connection;
  }

  /**
   * MySQL and MariaDB: show the online DDL clauses migrate would add by configuration (a
   * migration's own or its app's setting decides with it, as in migrate).
   */
  public SqlCollector onlineDdl(boolean online) {
    this.onlineDdl = online;
    return this;
  }

  /**
   * PostgreSQL: show the {@code lock_timeout} migrate sets with this policy ({@link LockTimeouts});
   * ignored on other backends, as migrate ignores it there.
   */
  public SqlCollector lockRetry(LockRetry retry) {
    this.lockRetry = retry == null ? LockRetry.NONE : retry;
    return this;
  }

  /**
   * The script of one migration: {@code BEGIN;} and {@code COMMIT;} around it where the backend
   * runs it atomically, a {@code --} header per operation; empty without operations. On PostgreSQL,
   * the {@code lock_timeout} migrate sets is there as migrate runs it: {@code SET LOCAL} after
   * {@code BEGIN}, or a session {@code SET} first and its {@code RESET} last.
   */
  public String script(MigrationDefinition m, boolean backwards) {
    if (m.operations().isEmpty()) {
      return "";
    }
    MigrationTransaction.refuseNotInTransaction(m);
    List<String> lines = new ArrayList<>();
    boolean atomic = atomic(m);
    List<String> sql = collectSql(m, backwards);
    // Only where a statement runs: a script of no-ops stays Django's (BEGIN, comments, COMMIT).
    boolean lockTimeout =
        "postgresql".equals(backend.vendor())
            && lockRetry.limitsLocks()
            && sql.stream().anyMatch(line -> !line.startsWith("--"));
    if (atomic) {
      lines.add("BEGIN;");
    }
    if (lockTimeout) {
      lines.add(LockTimeouts.setSql(lockRetry, atomic) + ";");
    }
    lines.addAll(sql);
    if (lockTimeout && !atomic) {
      lines.add(LockTimeouts.RESET + ";");
    }
    if (atomic) {
      lines.add("COMMIT;");
    }
    return String.join("\n", lines) + "\n";
  }

  /**
   * The SQL of one migration in collect mode, from the state before it, with Django's {@code --}
   * header per operation and {@code -- (no-op)} where an operation emits nothing.
   */
  List<String> collectSql(MigrationDefinition m, boolean backwards) {
    ProjectState before = loader.projectState(List.of(m.key()), false);
    BaseSchemaEditor editor = backend.editor(connection, true);
    editor.onlineDdl(m.mysqlOnlineDdl(onlineDdl));
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
      MigrationExecutor.checkReversible(List.of(PlannedMigration.of(m, true)));
    }
    MigrationTransaction transaction =
        new MigrationTransaction(loader.graph(), backend, null, getClass().getClassLoader());
    editor.context(transaction.context(m, editor, null));
    collectOperations(m, backwards, editor, ops, states);
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
  boolean atomic(MigrationDefinition m) {
    return m.atomic() && backend.features(connection).canRollbackDdl();
  }
}
