package dev.migrata.internal.backends.base;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.MigrationLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A lock owned by a database session (PostgreSQL's advisory lock, MySQL's {@code GET_LOCK}), on the
 * migration connection itself or on a connection of its own. On the migration connection a run
 * needs one connection, not two: a session lock is not released by that session's commits,
 * rollbacks or DDL (a failed atomic migration, rolled back, still holds it until the release). The
 * server releases it when the session ends, so a crashed migrate run cannot leave a stale lock
 * behind, unlike a lock row (Liquibase, EF Core on SQLite). It is session-scoped rather than
 * transaction-scoped so that it spans every migration's commit and cannot deadlock with statements
 * that refuse to run in a transaction (Flyway's trap with {@code CREATE INDEX CONCURRENTLY}).
 */
public final class SessionLock {
  /** One backend's lock calls, all on the lock's connection. */
  public interface Calls {
    /** Takes the lock if it is free; never waits. */
    boolean tryLock(Connection c) throws SQLException;

    /** Waits up to {@code timeout} for the lock; false when it timed out. */
    boolean lock(Connection c, Duration timeout) throws SQLException;

    /** Who holds the lock, as well as the server can tell, or {@code null} if unknown. */
    String holder(Connection c) throws SQLException;

    void unlock(Connection c) throws SQLException;

    /** What an operator can do about a holder that never finishes. */
    String advice();
  }

  private SessionLock() {}

  /**
   * Takes the lock on {@code shared} (the migration connection, left open on release), or with
   * {@code shared} null on a connection {@code opener} opens for it (closed on release).
   */
  public static MigrationLock acquire(
      Connection shared,
      Backend.ConnectionOpener opener,
      Calls calls,
      Duration timeout,
      Consumer<String> waiting)
      throws SQLException {
    Connection c = shared != null ? shared : opener.open();
    try {
      // Also ends a read transaction a DataSource without autocommit began: the history read
      // under the lock must see what the previous holder committed.
      c.setAutoCommit(true);
      if (!calls.tryLock(c)) {
        String holder = holderOrUnknown(calls, c);
        waiting.accept(holder);
        if (!calls.lock(c, timeout)) {
          String now = holderOrUnknown(calls, c);
          throw new MigrataException(
              ErrorCode.LOCK_TIMEOUT,
              "Gave up after "
                  + timeout.toSeconds()
                  + "s waiting for the migration lock, held by "
                  + now
                  + ". Another migrate run is still in progress; "
                  + calls.advice());
        }
      }
    } catch (SQLException | RuntimeException e) {
      if (shared == null) {
        close(c);
      } else {
        restoreQuietly(calls, c); // not held: the unlock only gives the session its name back
      }
      throw e;
    }
    if (shared == null) {
      return () -> {
        try {
          calls.unlock(c);
        } catch (SQLException e) {
          // Closing the session below releases the lock in any case.
        } finally {
          close(c);
        }
      };
    }
    return () -> releaseShared(calls, c);
  }

  /**
   * Releases the lock on the migration connection, which stays open for its owner (a pool may lend
   * it again): out of any transaction a failure left, so the unlock itself can run; when even that
   * fails, the connection is aborted, as a session that kept the lock would block every later run
   * until the pool closed it.
   */
  private static void releaseShared(Calls calls, Connection c) {
    try {
      if (!c.getAutoCommit()) {
        c.rollback();
        c.setAutoCommit(true);
      }
      calls.unlock(c);
    } catch (SQLException e) {
      try {
        c.abort(Runnable::run);
      } catch (SQLException | RuntimeException ignored) {
        // The session is gone or going; its lock goes with it.
      }
    }
  }

  private static void restoreQuietly(Calls calls, Connection c) {
    try {
      calls.unlock(c);
    } catch (SQLException e) {
      // The timeout or failure is what the user must see.
    }
  }

  private static String holderOrUnknown(Calls calls, Connection c) {
    try {
      String holder = calls.holder(c);
      return holder == null ? "another session (it has just finished or cannot be seen)" : holder;
    } catch (SQLException e) {
      return "another session (" + e.getMessage() + ")";
    }
  }

  private static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // Nothing to do: the server ends the session and its lock with it.
    }
  }
}
