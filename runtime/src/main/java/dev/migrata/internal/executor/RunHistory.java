package dev.migrata.internal.executor;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.recorder.InterruptedRun;
import dev.migrata.internal.recorder.MigrationRecorder;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * The history rows a run writes on its connection: each migration's (a squash's as Django writes
 * them), the checksums of rows recorded before checksums, and the progress of a non-atomic
 * migration, read back when an interrupted run is resumed.
 */
final class RunHistory {
  private final MigrationLoader loader;
  private final MigrationRecorder recorder;
  private final Connection connection;
  private final MigrationPlanner planner;

  /** The history's interrupted runs, read when the first migration is applied. */
  private Map<MigrationKey, InterruptedRun> interruptedRuns;

  RunHistory(
      MigrationLoader loader,
      MigrationRecorder recorder,
      Connection connection,
      MigrationPlanner planner) {
    this.loader = loader;
    this.recorder = recorder;
    this.connection = connection;
    this.planner = planner;
  }

  /**
   * Rows recorded before checksums get the migration's current one, under the lock, the first time
   * a run applies something: from then on an edit is noticed.
   */
  void fillMissingChecksums() {
    try {
      for (MigrationKey key : loader.applied()) {
        MigrationDefinition m = loader.get(key);
        if (m != null
            && loader.recorded().contains(key)
            && !recorder.checksums().containsKey(key)) {
          recorder.recordChecksum(connection, m, true);
        }
      }
    } catch (SQLException e) {
      throw new MigrataException(ErrorCode.HISTORY, e.getMessage(), e);
    }
  }

  /** The interrupted earlier run of {@code m} the history records, or {@code null}. */
  InterruptedRun interrupted(MigrationDefinition m) {
    if (interruptedRuns == null) {
      try {
        interruptedRuns = recorder.interruptedRuns(connection);
      } catch (SQLException e) {
        throw new MigrataException(ErrorCode.HISTORY, e.getMessage(), e);
      }
    }
    return interruptedRuns.get(m.key());
  }

  /** Replaces the progress row {@code previous} (null for none) by {@code now}. */
  void recordProgress(InterruptedRun previous, InterruptedRun now) throws SQLException {
    recorder.recordProgress(connection, previous, now);
  }

  void clearProgress(InterruptedRun run) throws SQLException {
    recorder.clearProgress(connection, run);
  }

  /**
   * A failed migration's progress row goes (the failure reports what ran); a failure to delete it
   * is added to {@code failure}.
   */
  void clearProgressAfterFailure(InterruptedRun written, MigrataException failure) {
    try {
      if (!connection.getAutoCommit()) {
        connection.setAutoCommit(true);
      }
      recorder.clearProgress(connection, written);
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * A squash records the names it replaces, as Django; its own row comes from checkReplacements.
   */
  void recordApplied(MigrationDefinition m) throws SQLException {
    if (m.replaces().isEmpty()) {
      recorder.recordApplied(connection, m);
    } else {
      for (MigrationKey k : m.replaces()) {
        recorder.recordApplied(connection, k);
      }
    }
  }

  void recordUnapplied(MigrationDefinition m) throws SQLException {
    for (MigrationKey k : m.replaces()) {
      recorder.recordUnapplied(connection, k);
    }
    recorder.recordUnapplied(connection, m.key());
  }

  /** Records a squash as applied once everything it replaces is (Django's check_replacements). */
  void checkReplacements() {
    // Without a squash there is nothing to record: no second read of the history.
    if (loader.all().stream().anyMatch(m -> !m.replaces().isEmpty())) {
      checkReplacements(recorder.applied(connection));
    }
  }

  /** Records each squash whose replaced migrations are all in {@code applied} (Django). */
  void checkReplacements(Set<MigrationKey> applied) {

    for (MigrationDefinition m : planner.unrecordedSquashes(applied)) {
      try {
        recorder.recordApplied(connection, m);
      } catch (SQLException e) {
        throw new MigrataException(ErrorCode.HISTORY, e.getMessage(), e);
      }
    }
  }
}
