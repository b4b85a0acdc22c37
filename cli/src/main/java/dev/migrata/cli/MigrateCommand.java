package dev.migrata.cli;

import dev.migrata.ErrorCode;
import dev.migrata.Migrata;
import dev.migrata.MigrataException;
import dev.migrata.MigrationListener;
import dev.migrata.MigrationPlan;
import dev.migrata.PlannedMigration;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RunJava;
import dev.migrata.internal.operations.RunSql;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Django's {@code migrate [APP [MIGRATION|zero]]}, with its output. */
@Command(name = "migrate", description = "Applies or unapplies migrations.")
final class MigrateCommand extends BaseCommand {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "APP",
      description = "The app to migrate (all apps without it).")
  String app;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "MIGRATION",
      description =
          "Forwards or backwards to this migration (a name or unique prefix), or zero to unapply"
              + " the app.")
  String target;

  @Option(names = "--plan", description = "Shows the operations that would run.")
  boolean plan;

  @Option(names = "--check", description = "Exits 1 when migrations are unapplied; runs nothing.")
  boolean check;

  @Option(names = "--fake", description = "Records migrations without running them.")
  boolean fake;

  @Option(
      names = "--lock-timeout",
      paramLabel = "SECONDS",
      description =
          "How long to wait for another migrate run on the same database (default: 300).")
  Long lockTimeout;

  @Option(
      names = "--fake-initial",
      description = "Records an initial migration without running it when its tables exist.")
  boolean fakeInitial;

  @Option(names = "--noinput", description = "Accepted for Django compatibility; never prompts.")
  boolean noinput;

  @Option(
      names = "--prune",
      description =
          "Deletes the app's history rows of migrations that no longer exist; migrates nothing.")
  boolean prune;

  MigrateCommand(Context context) {
    super(context);
  }

  @Override
  Integer execute() {
    if (prune && app == null) {
      throw new MigrataException(
          ErrorCode.CONFIGURATION, "Migrations can be pruned only when an app is specified.");
    }
    Progress progress = new Progress();
    Migrata.Configuration configuration = configuration(progress);
    if (lockTimeout != null) {
      if (lockTimeout < 0) {
        throw new MigrataException(
            ErrorCode.CONFIGURATION, "--lock-timeout must be zero or more seconds.");
      }
      configuration.lockTimeout(Duration.ofSeconds(lockTimeout));
    }
    Migrata migrata = configuration.load();
    if (prune) {
      // Before planning: the app of the rows may be one the code no longer has at all.
      new Prune(context, verbosity).run(migrata, app);
      if (!plan && !check) {
        return 0;
      }
    }
    MigrationPlan migrationPlan = migrata.plan(app, target);
    if (plan) {
      printPlan(migrationPlan);
      return check && !migrationPlan.isEmpty() ? 1 : 0;
    }
    if (check) {
      return migrationPlan.isEmpty() ? 0 : 1;
    }
    if (!migrationPlan.unknownHistory().isEmpty()) {
      context.err.println("Warning: " + migrationPlan.unknownHistoryNotice());
    }
    if (verbosity > 0) {
      context.println("Operations to perform:");
      context.println("  " + migrationPlan.header());
      context.println("Running migrations:");
    }
    List<PlannedMigration> ran;
    try {
      ran = migrata.migrate(migrationPlan, fake, fakeInitial);
    } catch (MigrataException e) {
      throw FakeInitialHint.add(e, progress.current, fakeInitial, classLoader);
    }
    if (ran.isEmpty() && verbosity > 0) {
      context.println("  No migrations to apply.");
    }
    return 0;
  }

  /**
   * Rows of migrations the code no longer has are ignored, as Django ignores them (a squash's
   * deleted originals leave such rows on purpose); one line says so and how to drop them.
   */
  private void printPlan(MigrationPlan migrationPlan) {
    context.println("Planned operations:");
    if (migrationPlan.isEmpty()) {
      context.println("  No planned migration operations.");
    }
    for (PlannedMigration m : migrationPlan.migrations()) {
      context.println(m.key().toString());
      List<Operation> ops = m.operations();
      for (int i = 0; i < ops.size(); i++) {
        Operation op = ops.get(m.backwards() ? ops.size() - 1 - i : i);
        context.println("    " + describe(op, m.backwards()));
      }
    }
  }

  /** Django's describe_operation: raw SQL shows its SQL, cut to 40 characters. */
  static String describe(Operation op, boolean backwards) {
    String prefix = "";
    String action;
    if (op instanceof RunSql sql) {
      List<String> statements = backwards ? sql.reverseSql() : sql.sql();
      action = statements == null ? "IRREVERSIBLE" : String.join("; ", statements).replace("\n", "");
    } else if (op instanceof RunJava java) {
      // Django shows the function's docstring; a Java method has none to show.
      action = backwards && java.reverseMethod() == null ? "IRREVERSIBLE" : "";
    } else {
      action = "";
      if (backwards) {
        prefix = "Undo ";
      }
    }
    if (!action.isEmpty()) {
      action = " -> " + action;
    }
    if (action.length() > 40) {
      action = action.substring(0, 39) + "…";
    }
    return prefix + op.describe() + action;
  }

  /** Django's migration_progress_callback. */
  private final class Progress implements MigrationListener {
    /** The migration being applied or unapplied, for the error if it fails. */
    MigrationKey current;

    /** With -v 2, each operation's line, printed under the migration's OK. */
    private final List<String> operations = new ArrayList<>();

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
          "Waiting for the migration lock, held by " + holder + " (up to " + timeout.toSeconds()
              + "s)...");
      context.err.flush();
    }

    /**
     * Long work, on stderr so stdout stays Django's output: a line every five seconds while one
     * operation runs, with the rows done where the operation counts them.
     */
    @Override
    public void progress(MigrationKey migration, String description, long rows, Duration running) {
      if (verbosity > 0) {
        String done = rows < 0 ? "" : ", " + rows + " rows done";
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

    @Override
    public void started(MigrationKey migration, boolean backwards) {
      current = migration;
      operations.clear();
      if (verbosity > 0) {
        context.startLine("  " + (backwards ? "Unapplying " : "Applying ") + migration + "...");
      }
    }

    @Override
    public void finished(
        MigrationKey migration, boolean backwards, boolean faked, Duration took) {
      String elapsed =
          verbosity >= 2
              ? String.format(Locale.ROOT, " (%.3fs)", took.toNanos() / 1e9)
              : "";
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
}
