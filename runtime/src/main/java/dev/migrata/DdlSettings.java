package dev.migrata;

import dev.migrata.internal.backends.base.LockRetry;
import java.time.Duration;
import java.util.Objects;

/**
 * The runtime-safety settings of {@link Migrata.Configuration}: PostgreSQL's DDL lock timeout and
 * retries, MySQL's online DDL, the batch size of RunJava backfills. Each {@code with} method
 * refuses a value out of range ({@link ErrorCode#CONFIGURATION}), as the configuration's setter it
 * backs.
 */
record DdlSettings(
    Duration lockTimeout, int retries, Duration backoff, boolean onlineDdl, int batchSize) {
  static final DdlSettings DEFAULTS =
      new DdlSettings(Duration.ofSeconds(10), 3, Duration.ofSeconds(1), false, 1000);

  LockRetry lockRetry() {
    return new LockRetry(lockTimeout, retries, backoff, (attempt, pause, statement) -> {});
  }

  DdlSettings withLockTimeout(Duration value) {
    Objects.requireNonNull(value, "timeout");
    if (value.isNegative()) {
      throw new MigrataException(
          ErrorCode.CONFIGURATION, "The DDL lock timeout must not be negative; got " + value);
    }
    return new DdlSettings(value, retries, backoff, onlineDdl, batchSize);
  }

  DdlSettings withRetries(int value) {
    if (value < 0) {
      throw new MigrataException(
          ErrorCode.CONFIGURATION, "DDL retries must not be negative; got " + value + ".");
    }
    return new DdlSettings(lockTimeout, value, backoff, onlineDdl, batchSize);
  }

  DdlSettings withBackoff(Duration value) {
    Objects.requireNonNull(value, "backoff");
    if (value.isNegative()) {
      throw new MigrataException(
          ErrorCode.CONFIGURATION, "The DDL retry backoff must not be negative; got " + value);
    }
    return new DdlSettings(lockTimeout, retries, value, onlineDdl, batchSize);
  }

  DdlSettings withOnlineDdl(boolean value) {
    return new DdlSettings(lockTimeout, retries, backoff, value, batchSize);
  }

  DdlSettings withBatchSize(int value) {
    if (value < 1) {
      throw new MigrataException(
          ErrorCode.CONFIGURATION, "The backfill batch size must be positive; got " + value + ".");
    }
    return new DdlSettings(lockTimeout, retries, backoff, onlineDdl, value);
  }
}
