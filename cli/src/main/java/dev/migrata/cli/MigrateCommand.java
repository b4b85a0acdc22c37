package dev.migrata.cli;

import dev.migrata.ErrorCode;
import dev.migrata.Fleet;
import dev.migrata.FleetReport;
import dev.migrata.Migrata;
import dev.migrata.MigrataException;
import dev.migrata.MigrationListener;
import dev.migrata.MigrationPlan;
import dev.migrata.PlannedMigration;
import dev.migrata.SchemaDifference;
import dev.migrata.TenantResult;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
      description = "How long to wait for another migrate run on the same database (default: 300).")
  Long lockTimeout;

  @Option(
      names = "--lease-lock",
      paramLabel = "SECONDS",
      description =
          "Locks with a lease row of this many seconds instead of the server's session lock (for"
              + " a database served by several servers; always on for a Galera node, 30 s).")
  Long leaseLock;

  @Option(
      names = "--ddl-lock-timeout",
      paramLabel = "SECONDS",
      description =
          "PostgreSQL: how long one DDL statement may wait for its table lock (lock_timeout;"
              + " default: 10, 0 keeps the server's setting).")
  Double ddlLockTimeout;

  @Option(
      names = "--ddl-retries",
      paramLabel = "N",
      description =
          "PostgreSQL: how often a migration that hit the DDL lock timeout is tried again"
              + " (default: 3).")
  Integer ddlRetries;

  @Option(
      names = "--online-ddl",
      description =
          "MySQL/MariaDB: ALTER TABLE with ALGORITHM=INSTANT or ALGORITHM=INPLACE, LOCK=NONE, so"
              + " that the server refuses a change it would make by copying the table.")
  boolean onlineDdl;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      description =
          "Rows per batch of a RunJava backfill through the row API; a non-atomic migration"
              + " commits each batch on its own (default: 1000).")
  Integer batchSize;

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

  @Option(
      names = "--accept-changed",
      arity = "2",
      paramLabel = "APP NAME",
      description =
          "Records the current checksum of an applied migration edited since (after checking"
              + " the database is as it now says); migrates nothing.")
  List<String> acceptChanged;

  @Option(
      names = "--check-schema",
      description =
          "Compares the live schema with what the applied migrations describe; lists each"
              + " difference and exits 1 when there is any. Migrates nothing.")
  boolean checkSchema;

  @Mixin FleetOptions fleet;

  MigrateCommand(Context context) {
    super(context);
  }

  @Override
  Integer execute() {
    if (prune && app == null) {
      throw new MigrataException(
          ErrorCode.CONFIGURATION, "Migrations can be pruned only when an app is specified.");
    }
    MigrateProgress progress = new MigrateProgress(context, verbosity);
    // A fleet's tenants run in parallel: Django's per-migration lines would interleave.
    Migrata.Configuration configuration =
        fleet.active() ? unconnected(MigrationListener.NONE) : configuration(progress);
    if (lockTimeout != null) {
      if (lockTimeout < 0) {
        throw new MigrataException(
            ErrorCode.CONFIGURATION, "--lock-timeout must be zero or more seconds.");
      }
      configuration.lockTimeout(Duration.ofSeconds(lockTimeout));
    }
    if (leaseLock != null) {
      if (leaseLock < 1) {
        throw new MigrataException(
            ErrorCode.CONFIGURATION, "--lease-lock must be at least 1 second.");
      }
      configuration.leaseLock(Duration.ofSeconds(leaseLock));
    }
    ddlOptions(configuration);
    if (fleet.active()) {
      return migrateFleet(configuration);
    }
    Migrata migrata = configuration.load();
    if (acceptChanged != null) {
      String accepted = migrata.acceptChanged(acceptChanged.get(0), acceptChanged.get(1));
      if (verbosity > 0) {
        context.println("Accepted the current form of " + accepted + " as applied.");
      }
      return 0;
    }
    if (prune) {
      // Before planning: the app of the rows may be one the code no longer has at all.
      new Prune(context, verbosity).run(migrata, app);
      if (!plan && !check) {
        return 0;
      }
    }
    if (checkSchema) {
      int drift = printSchemaDifferences(migrata);
      return check && !migrata.plan(app, target).isEmpty() ? 1 : drift;
    }
    MigrationPlan migrationPlan = migrata.plan(app, target);
    for (String changed : migrationPlan.changedMigrations()) {
      context.err.println("Warning: changed since applied: " + changed);
    }
    if (plan) {
      PlanPrinter.print(context, migrationPlan);
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

  private void ddlOptions(Migrata.Configuration configuration) {
    configuration.mysqlOnlineDdl(onlineDdl);
    if (batchSize != null) {
      configuration.backfillBatchSize(batchSize);
    }
    if (ddlLockTimeout != null) {
      if (ddlLockTimeout < 0 || ddlLockTimeout.isNaN()) {
        throw new MigrataException(
            ErrorCode.CONFIGURATION, "--ddl-lock-timeout must be zero or more seconds.");
      }
      configuration.ddlLockTimeout(Duration.ofMillis(Math.round(ddlLockTimeout * 1000)));
    }
    if (ddlRetries != null) {
      if (ddlRetries < 0) {
        throw new MigrataException(ErrorCode.CONFIGURATION, "--ddl-retries must be zero or more.");
      }
      configuration.ddlRetries(ddlRetries);
    }
  }

  /**
   * Every tenant of {@code --tenants}/{@code --schemas}: a line per tenant as it finishes (what it
   * ran, what it lacks with {@code --plan}/{@code --check}, or why it failed), then the summary.
   */
  private int migrateFleet(Migrata.Configuration configuration) {
    if (fake || fakeInitial || prune) {
      throw new MigrataException(
          ErrorCode.CONFIGURATION,
          "--fake, --fake-initial and --prune work on one database; run them per tenant, without"
              + " --tenants or --schemas.");
    }
    Fleet each = fleet.fleet(this, configuration);
    Consumer<TenantResult> line =
        r -> {
          if (verbosity > 0 || r.status() == TenantResult.Status.FAILED) {
            synchronized (context) {
              context.println(r.line() + (verbosity >= 2 ? timing(r.took()) : ""));
            }
          }
        };
    FleetReport report =
        plan || check ? each.plan(app, target, line) : each.migrate(app, target, line);
    int status = fleet.finish(context, report);
    return check && report.migrated() > 0 ? 1 : status;
  }

  private static String timing(Duration took) {
    return String.format(Locale.ROOT, " (%.3fs)", took.toNanos() / 1e9);
  }

  /**
   * The drift check: one line per difference (also at {@code -v 0}, the list is the point), under a
   * header; {@code No differences.} when the schema is the one the applied migrations describe.
   */
  private int printSchemaDifferences(Migrata migrata) {
    List<SchemaDifference> differences = migrata.checkSchema();
    if (verbosity > 0) {
      context.println("Checking the schema against the applied migrations:");
      if (differences.isEmpty()) {
        context.println("  No differences.");
      }
    }
    for (SchemaDifference d : differences) {
      context.println("  " + d);
    }
    return differences.isEmpty() ? 0 : 1;
  }
}
