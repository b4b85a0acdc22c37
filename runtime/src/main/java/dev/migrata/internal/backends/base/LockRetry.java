package dev.migrata.internal.backends.base;

import java.sql.SQLException;
import java.time.Duration;

/**
 * PostgreSQL's runtime safety for DDL: each statement waits at most {@code lockTimeout} for its
 * lock ({@code lock_timeout}), so that a migration queued behind a long transaction does not queue
 * every query of the application behind itself; a statement (outside a transaction) or a whole
 * atomic migration that timed out ({@code 55P03 lock_not_available}) is tried again up to {@code
 * retries} times, after {@code backoff}, doubling each time.
 *
 * @param lockTimeout {@code null} or zero to leave the server's {@code lock_timeout} as it is
 * @param onRetry told before each new attempt (the listener, for logs and tests)
 */
public record LockRetry(Duration lockTimeout, int retries, Duration backoff, Listener onRetry) {
  /** Told before each retry: the attempt about to start (2 for the first retry) and the pause. */
  public interface Listener {
    void retrying(int attempt, Duration pause, String statement);
  }

  /** No lock timeout, no retries: what SQLite, MySQL and sqlmigrate get. */
  public static final LockRetry NONE = new LockRetry(null, 0, Duration.ZERO, (a, p, s) -> {});

  /** PostgreSQL's SQLSTATE for a lock wait cut by {@code lock_timeout}. */
  static final String LOCK_NOT_AVAILABLE = "55P03";

  public LockRetry {
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative: " + retries);
    }
  }

  /** Whether {@code lock_timeout} is set at all. */
  public boolean limitsLocks() {
    return lockTimeout != null && !lockTimeout.isZero();
  }

  /** The value for {@code SET lock_timeout}, in milliseconds. */
  public String lockTimeoutSql() {
    return "'" + lockTimeout.toMillis() + "ms'";
  }

  /** Whether {@code failure} was a lock timeout and {@code attempt} (1 = first) may be retried. */
  public boolean retries(Throwable failure, int attempt) {
    return attempt <= retries && isLockTimeout(failure);
  }

  /** Tells the listener and waits before attempt {@code attempt + 1}. */
  public void pause(int attempt, String statement) {
    Duration pause = backoff.multipliedBy(1L << Math.min(attempt - 1, 16));
    onRetry.retrying(attempt + 1, pause, statement);
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to retry a DDL statement", e);
    }
  }

  /** Whether {@code e} or one of its causes is {@code 55P03 lock_not_available}. */
  public static boolean isLockTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && LOCK_NOT_AVAILABLE.equals(s.getSQLState())) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** The same policy telling {@code listener}. */
  public LockRetry withListener(Listener listener) {
    return new LockRetry(lockTimeout, retries, backoff, listener);
  }
}
