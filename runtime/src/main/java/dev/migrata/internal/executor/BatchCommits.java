package dev.migrata.internal.executor;

import dev.migrata.internal.backends.base.LockRetry;
import dev.migrata.internal.operations.RowBatches;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The runtime's {@link RowBatches}: in a non-atomic migration each batch of the row API is a
 * transaction of its own on the migration's connection, committed when the batch is done, so a
 * second connection sees a backfill advance batch by batch and a failure keeps the batches before
 * it. A batch that hit PostgreSQL's {@code lock_timeout} rolled back whole and is run again under
 * the DDL retry policy. Where a transaction is open already (an atomic migration, a batch inside a
 * batch, a RunJava that manages its own) the batch simply runs in it.
 */
final class BatchCommits implements RowBatches {
  private final Connection connection;
  private final int size;
  private final boolean commits;
  private final LockRetry lockRetry;

  BatchCommits(Connection connection, int size, boolean commits, LockRetry lockRetry) {
    this.connection = connection;
    this.size = size;
    this.commits = commits && connection != null;
    this.lockRetry = lockRetry;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean commits() {
    return commits;
  }

  @Override
  public <T> T run(Supplier<T> batch) {
    if (!commits || !autoCommit(connection)) {
      return batch.get();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return inTransaction(connection, batch);
      } catch (RuntimeException e) {
        if (!lockRetry.retries(e, attempt)) {
          throw e;
        }
        lockRetry.pause(attempt, "a batch of rows");
      }
    }
  }

  /**
   * Runs {@code work} in a transaction of its own: committed when it returns, rolled back when it
   * throws; autocommit is on again afterwards either way.
   */
  static <T> T inTransaction(Connection connection, Supplier<T> work) {
    try {
      connection.setAutoCommit(false);
      boolean done = false;
      try {
        T result = work.get();
        connection.commit();
        done = true;
        return result;
      } finally {
        if (!done) {
          rollbackQuietly(connection);
        }
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * {@code body} in a transaction of its own: for a RunJava of an atomic migration where DDL does
   * not roll back (MySQL, MariaDB: the migration runs without a transaction), as Django's {@code
   * atomic} gives it there, so that its row changes roll back together when it fails (a DDL
   * statement it runs commits them, as MySQL always does).
   */
  static Runnable inOwnTransaction(Connection connection, Runnable body) {
    return () ->
        inTransaction(
            connection,
            () -> {
              body.run();
              return null;
            });
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // The failure that made us roll back is what the user must see.
    }
  }

  private static boolean autoCommit(Connection connection) {
    try {
      return connection.getAutoCommit();
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
