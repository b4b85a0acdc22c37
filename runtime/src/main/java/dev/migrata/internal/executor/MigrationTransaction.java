package dev.migrata.internal.executor;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.backends.base.LockRetry;
import dev.migrata.internal.graph.MigrationGraph;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.ExecutionContext;
import dev.migrata.internal.operations.NotInTransaction;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RowBatches;
import dev.migrata.internal.operations.RowProgress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs one migration: its operations, deferred SQL and history row in one transaction (when atomic
 * and the backend rolls DDL back), so a failure leaves schema and history as they were. Where there
 * is no such transaction, a failure records nothing and reports what did run.
 */
final class MigrationTransaction {
  /** The operations of a migration, run on the editor. */
  interface EditorWork {
    void run(BaseSchemaEditor editor, Progress progress) throws SQLException;
  }

  /** The history change that completes a migration. */
  interface SqlWork {
    void run() throws SQLException;
  }

  private final MigrationGraph graph;
  private final Backend backend;
  private final Connection connection;
  private final ClassLoader classLoader;
  private RowProgress rowProgress = RowProgress.NONE;
  private LockRetry lockRetry = LockRetry.NONE;
  private boolean onlineDdl;
  private int backfillBatchSize = RowBatches.DEFAULT_SIZE;

  MigrationTransaction(
      MigrationGraph graph, Backend backend, Connection connection, ClassLoader classLoader) {
    this.graph = graph;
    this.backend = backend;
    this.connection = connection;
    this.classLoader = classLoader;
  }

  /** Where the operations count the rows of long work (the run's {@link LongWork}). */
  MigrationTransaction rowProgress(RowProgress progress) {
    if (progress != null) {
      rowProgress = progress;
    }
    return this;
  }

  /** Sets the DDL lock policy (PostgreSQL only; {@link LockRetry#NONE} elsewhere). */
  MigrationTransaction lockRetry(LockRetry retry) {
    this.lockRetry = retry;
    return this;
  }

  /**
   * MySQL's online DDL clauses on schema statements by configuration (ignored by other backends); a
   * migration's own or its app's setting decides with it ({@link
   * MigrationDefinition#mysqlOnlineDdl(boolean)}).
   */
  MigrationTransaction onlineDdl(boolean online) {
    this.onlineDdl = online;
    return this;
  }

  /** Rows per batch of the row API; a non-atomic migration commits each batch on its own. */
  MigrationTransaction backfillBatchSize(int size) {
    this.backfillBatchSize = size;
    return this;
  }

  /**
   * Runs the migration; an atomic one whose statement timed out waiting for a lock is rolled back
   * and run again whole, so that no lock it took is held while it waits to retry.
   */
  void run(MigrationDefinition m, boolean backwards, EditorWork work, SqlWork record) {
    refuseNotInTransaction(m);
    for (int attempt = 1; ; attempt++) {
      try {
        runOnce(m, backwards, work, record);
        return;
      } catch (MigrataException e) {
        if (!m.atomic()
            || !backend.features(connection).canRollbackDdl()
            || !lockRetry.retries(e, attempt)) {
          throw e;
        }
        lockRetry.pause(attempt, null);
      }
    }
  }

  private void runOnce(MigrationDefinition m, boolean backwards, EditorWork work, SqlWork record) {
    BaseSchemaEditor editor = backend.editor(connection, false);
    editor.lockRetry(lockRetry);
    editor.onlineDdl(m.mysqlOnlineDdl(onlineDdl));
    Progress progress = new Progress();
    boolean transactional = m.atomic() && editor.features().canRollbackDdl();
    int phase = 0; // 0 operations, 1 deferred statements, 2 history row
    editor.context(context(m, editor, connection));
    try {
      editor.begin(m.atomic());
      LockTimeouts.set(connection, editor, m, lockRetry, transactional);
      work.run(editor, progress);
      progress.opsEnd = editor.executed().size();
      phase = 1;
      editor.finish();
      editor.sendPending(); // the history row ran under the timeout before: it still does
      phase = 2;
      record.run();
      if (!transactional) {
        LockTimeouts.reset(connection, lockRetry);
      }
      editor.commit();
    } catch (SQLException | RuntimeException e) {
      editor.rollback();
      if (!transactional) {
        LockTimeouts.resetQuietly(connection, lockRetry);
      }
      if (e instanceof MigrataException me) {
        throw me;
      }
      Progress.OperationFailure op = e instanceof Progress.OperationFailure f ? f : null;
      Throwable cause = op != null ? op.getCause() : e;
      String where =
          op == null ? null : "operation " + (op.index + 1) + " (" + op.op.describe() + ")";
      if (transactional) {
        throw new MigrataException(
            ErrorCode.MIGRATION_FAILED,
            FailureReport.headline(m, backwards, where, cause) + "; the migration was rolled back.",
            cause);
      }
      throw new MigrataException(
          ErrorCode.MIGRATION_FAILED,
          FailureReport.partialReport(m, backwards, editor, progress, op, phase, where, cause),
          cause);
    }
  }

  /** What RunSql and RunJava need to know about the migration being run. */
  ExecutionContext context(MigrationDefinition m, BaseSchemaEditor editor, Connection connection) {
    return ExecutionContext.builder()
        .vendor(backend.vendor())
        .connection(connection)
        .quote(editor::quoteName)
        .migration(m.key(), m.className())
        .classLoader(classLoader)
        .rowProgress(rowProgress)
        .rowBatches(new BatchCommits(connection, backfillBatchSize, !m.atomic(), lockRetry))
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
        .build();
  }

  /** Django's {@code NotInTransactionMixin}: CONCURRENTLY needs {@code atomic = false}. */
  static void refuseNotInTransaction(MigrationDefinition m) {
    if (!m.atomic()) {
      return;
    }
    for (Operation op : m.operations()) {
      if (op instanceof NotInTransaction n) {
        throw new MigrataException(ErrorCode.MIGRATION_FAILED, n.refusal());
      }
    }
  }
}
