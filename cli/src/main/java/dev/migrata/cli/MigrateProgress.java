package dev.migrata.cli;

import dev.migrata.MigrationListener;
import dev.migrata.internal.migration.MigrationKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Django's migration_progress_callback: {@code migrate}'s lines per migration (and with {@code -v
 * 2} per operation) on stdout, the lock wait, retries and long work on stderr.
 */
final class MigrateProgress implements MigrationListener {
  private final Context context;
  private final int verbosity;

  /** The migration being applied or unapplied, for the error if it fails. */
  MigrationKey current;

  /** With -v 2, each operation's line, printed under the migration's OK. */
  private final List<String> operations = new ArrayList<>();

  MigrateProgress(Context context, int verbosity) {
    this.context = context;
    this.verbosity = verbosity;
  }

  @Override
  public void renderingStates() {
    if (verbosity > 0) {
      context.startLine("  Rendering model states...");
      context.finishLine(" DONE");
    }
  }

  /** On stderr, so stdout stays Django's output; once per run. */
  @Override
  public void waitingForLock(String holder, Duration timeout) {
    context.err.println(
        "Waiting for the migration lock, held by "
            + holder
            + " (up to "
            + timeout.toSeconds()
            + "s)...");
    context.err.flush();
  }

  /**
   * Long work, on stderr so stdout stays Django's output: a line every five seconds while one
   * operation runs, with the rows done where the operation counts them.
   */
  @Override
  public void progress(
      MigrationKey migration, String description, long rows, long total, Duration running) {
    if (verbosity > 0) {
      String of = total < 0 ? "" : " of " + total;
      String done = rows < 0 ? "" : ", " + rows + of + " rows done";
      context.printProgress(
          String.format(
              Locale.ROOT,
              "    %s: %s (%ds%s)...",
              migration,
              description,
              running.toSeconds(),
              done));
    }
  }

  @Override
  public void operationFinished(
      MigrationKey migration, int index, String description, boolean backwards, Duration took) {
    if (verbosity >= 2) {
      operations.add("    " + (backwards ? "Undo " : "") + description + seconds(took));
    }
  }

  /** On stderr, as the lock wait: the run goes on after the pause. */
  @Override
  public void retryingAfterLockTimeout(MigrationKey migration, int attempt, Duration pause) {
    context.err.println(
        "Lock timeout in "
            + migration
            + "; retrying (attempt "
            + attempt
            + ") in "
            + String.format(Locale.ROOT, "%.1f", pause.toMillis() / 1e3)
            + "s...");
    context.err.flush();
  }

  @Override
  public void started(MigrationKey migration, boolean backwards) {
    current = migration;
    operations.clear();
    if (verbosity > 0) {
      context.startLine("  " + (backwards ? "Unapplying " : "Applying ") + migration + "...");
    }
  }

  @Override
  public void finished(MigrationKey migration, boolean backwards, boolean faked, Duration took) {
    String elapsed =
        verbosity >= 2 ? String.format(Locale.ROOT, " (%.3fs)", took.toNanos() / 1e9) : "";
    if (verbosity > 0) {
      context.finishLine((faked ? " FAKED" : " OK") + elapsed);
      operations.forEach(context::println);
    }
    operations.clear();
  }

  /** Django's " (0.012s)". */
  private static String seconds(Duration took) {
    return String.format(Locale.ROOT, " (%.3fs)", took.toNanos() / 1e9);
  }
}
