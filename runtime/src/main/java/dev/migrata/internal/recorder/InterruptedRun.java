package dev.migrata.internal.recorder;

import dev.migrata.internal.migration.MigrationKey;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far a migration run without a transaction (MySQL/MariaDB, or {@code atomic = false}) got: a
 * row in the history table, written after each completed operation and deleted when the migration
 * is recorded, so that a run killed in the middle leaves a trace the next {@code migrate} resumes
 * from (issue 12). Its name is the migration's plus a bracketed note, which no migration name
 * (a Java identifier) can contain, so {@link MigrationRecorder#applied} tells the two apart.
 *
 * @param completed how many operations, in order, completed
 * @param deferredPending whether statements deferred to the end of the migration had not run
 */
public record InterruptedRun(
    MigrationKey key, int completed, int total, boolean deferredPending) {
  private static final Pattern ROW =
      Pattern.compile(
          "(.+) \\[interrupted after operation (\\d+) of (\\d+)(, deferred SQL not run)?\\]");

  /** The row's {@code name}. */
  String rowName() {
    return key.name()
        + " [interrupted after operation " + completed + " of " + total
        + (deferredPending ? ", deferred SQL not run" : "") + "]";
  }

  /** The run a history row describes, or {@code null} for a row of an applied migration. */
  static InterruptedRun parse(String app, String name) {
    // Every history row comes through here at startup: no regex for the plain names.
    if (name.indexOf('[') < 0) {
      return null;
    }
    Matcher m = ROW.matcher(name);
    if (!m.matches()) {
      return null;
    }
    return new InterruptedRun(
        new MigrationKey(app, m.group(1)),
        Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)),
        m.group(4) != null);
  }
}
