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
 * A lock owned by a database session on a connection of its own (PostgreSQL's advisory lock,
 * MySQL's {@code GET_LOCK}). The server releases it when the session ends, so a crashed migrate run
 * cannot leave a stale lock behind, unlike a lock row (Liquibase, EF Core on SQLite). It is
 * session-scoped rather than transaction-scoped so that it spans every migration's commit and
 * cannot deadlock with statements that refuse to run in a transaction (Flyway's trap with {@code
 * CREATE INDEX CONCURRENTLY}).
 */
public final class SessionLock {
  /** One backend's lock calls, all on the dedicated connection. */
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

  public static MigrationLock acquire(
      Backend.ConnectionOpener opener, Calls calls, Duration timeout, Consumer<String> waiting)
      throws SQLException {
    Connection c = opener.open();
    try {
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
      close(c);
      throw e;
    }
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
