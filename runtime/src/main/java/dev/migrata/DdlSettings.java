package dev.migrata;

import dev.migrata.internal.backends.base.LockRetry;
import java.time.Duration;

/**
 * The runtime-safety settings of {@link Migrata.Configuration}: PostgreSQL's DDL lock timeout and
 * retries, MySQL's online DDL, the batch size of RunJava backfills.
 */
record DdlSettings(
    Duration lockTimeout, int retries, Duration backoff, boolean onlineDdl, int batchSize) {
  static final DdlSettings DEFAULTS =
      new DdlSettings(Duration.ofSeconds(10), 3, Duration.ofSeconds(1), false, 1000);

  LockRetry lockRetry() {
    return new LockRetry(lockTimeout, retries, backoff, (attempt, pause, statement) -> {});
  }

  DdlSettings withLockTimeout(Duration value) {
    return new DdlSettings(value, retries, backoff, onlineDdl, batchSize);
  }

  DdlSettings withRetries(int value) {
    return new DdlSettings(lockTimeout, value, backoff, onlineDdl, batchSize);
  }

  DdlSettings withBackoff(Duration value) {
    return new DdlSettings(lockTimeout, retries, value, onlineDdl, batchSize);
  }

  DdlSettings withOnlineDdl(boolean value) {
    return new DdlSettings(lockTimeout, retries, backoff, value, batchSize);
  }

  DdlSettings withBatchSize(int value) {
    return new DdlSettings(lockTimeout, retries, backoff, onlineDdl, value);
  }
}
