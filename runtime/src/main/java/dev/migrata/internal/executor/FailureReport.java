package dev.migrata.internal.executor;

import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.Operation;
import dev.migrata.schema.SchemaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The message of a migration that failed: one line, or what ran and what did not. */
final class FailureReport {
  private FailureReport() {}

  static String headline(MigrationDefinition m, boolean backwards, String where, Throwable cause) {
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    if (cause instanceof SchemaException se && se.sql() != null) {
      // The statement is listed below (or is in the message already for atomic runs).
      message = message.replaceAll("\\s+", " ").strip();
    }
    return (backwards ? "Unapplying " : "Applying ")
        + m.key()
        + " failed"
        + (where == null ? "" : " at " + where)
        + ": "
        + message.replaceAll("\\s+", " ").strip();
  }

  /**
   * The error of a migration that ran without a transaction (MySQL/MariaDB, or {@code atomic =
   * false}): what ran is still in the database, so the message lists each operation as done, failed
   * or not run, with the statements that ran, and says that nothing was recorded.
   */
  static String partialReport(
      MigrationDefinition m,
      boolean backwards,
      BaseSchemaEditor editor,
      Progress progress,
      Progress.OperationFailure failure,
      int phase,
      String where,
      Throwable cause) {
    String done = backwards ? "Unapplied" : "Applied";
    List<Operation> ops = m.operations();
    List<String> executed = editor.executed();
    StringBuilder out = new StringBuilder(headline(m, backwards, where, cause)).append('\n');
    out.append(
        editor.features().canRollbackDdl()
            ? "The migration is not atomic (atomic = false), so nothing was rolled back."
            : "This database cannot roll back schema changes, so nothing was rolled back.");
    out.append(' ')
        .append(m.key())
        .append(backwards ? " is still recorded as applied." : " was not recorded as applied.")
        .append('\n');
    if (progress.resumedAfter > 0) {
      out.append("This run resumed an interrupted one after operation ")
          .append(progress.resumedAfter)
          .append(" (operations 1-")
          .append(progress.resumedAfter)
          .append(" ran then; the next one may have run in part).\n");
    }
    List<Integer> notRun = new ArrayList<>();
    for (int n = progress.resumedAfter; n < ops.size(); n++) {
      notRun.add(backwards ? ops.size() - 1 - n : n);
    }
    StringBuilder doneList = new StringBuilder();
    String failedBlock = null;
    for (int k = 0; k < progress.starts.size(); k++) {
      int index = progress.starts.get(k)[0];
      int from = progress.starts.get(k)[1];
      int to =
          k + 1 < progress.starts.size()
              ? progress.starts.get(k + 1)[1]
              : phase >= 1 ? progress.opsEnd : executed.size();
      notRun.remove(Integer.valueOf(index));
      StringBuilder block = new StringBuilder();
      block
          .append("  ")
          .append(index + 1)
          .append(". ")
          .append(ops.get(index).describe())
          .append('\n');
      for (String sql : executed.subList(from, to)) {
        block.append("       ").append(sql).append(";\n");
      }
      if (failure != null && failure.index == index) {
        if (failure.getCause() instanceof SchemaException se && se.sql() != null) {
          block.append("       ").append(se.sql()).append(";  <- failed\n");
        }
        failedBlock = block.toString();
      } else {
        doneList.append(block);
      }
    }
    out.append(done).append(":\n").append(doneList.length() == 0 ? "  (none)\n" : doneList);
    if (failedBlock != null) {
      out.append("Failed (statements above the failed one ran):\n").append(failedBlock);
    }
    if (phase >= 1) {
      List<String> deferred = executed.subList(progress.opsEnd, executed.size());
      out.append(
          phase == 1
              ? "Every operation ran; of the statements deferred to the end of the migration:\n"
              : "Every statement ran, including the deferred ones:\n");
      for (String sql : deferred) {
        out.append("       ").append(sql).append(";\n");
      }
      if (phase == 1 && cause instanceof SchemaException se && se.sql() != null) {
        out.append("       ").append(se.sql()).append(";  <- failed\n");
      }
      if (phase == 2) {
        out.append("Writing the history row failed.\n");
      }
    }
    out.append("Not ").append(done.toLowerCase(Locale.ROOT)).append(":\n");
    if (notRun.isEmpty()) {
      out.append("  (none)\n");
    }
    for (int index : notRun) {
      out.append("  ")
          .append(index + 1)
          .append(". ")
          .append(ops.get(index).describe())
          .append('\n');
    }
    out.append(
        "Complete or undo the "
            + done.toLowerCase(Locale.ROOT)
            + " part by hand, then run migrate again (or record the migration with --fake).");
    return out.toString();
  }
}
