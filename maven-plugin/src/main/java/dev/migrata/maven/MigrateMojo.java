package dev.migrata.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code migrata:migrate}: the CLI's {@code migrate [APP [MIGRATION|zero]]}, with its output. */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class MigrateMojo extends MigrataMojo {
  static final String UNAPPLIED =
      "The database has unapplied migrations (migrate --check). Run mvn migrata:migrate to apply"
          + " them, or add -Dmigrata.plan=true to list them.";
  static final String SCHEMA_DIFFERS =
      "The live schema differs from what the applied migrations describe (migrate"
          + " --check-schema); the differences are listed above.";

  /** The app to migrate (all apps without it). */
  @Parameter(property = "migrata.app")
  String app;

  /** Forwards or backwards to this migration of {@code app} (name or unique prefix), or zero. */
  @Parameter(property = "migrata.target")
  String target;

  /** Records the migrations as applied without running them. */
  @Parameter(property = "migrata.fake", defaultValue = "false")
  boolean fake;

  /** Records an initial migration without running it when its tables already exist. */
  @Parameter(property = "migrata.fakeInitial", defaultValue = "false")
  boolean fakeInitial;

  /** Shows the operations that would run, and runs nothing. */
  @Parameter(property = "migrata.plan", defaultValue = "false")
  boolean plan;

  /** Fails the build when migrations are unapplied; runs nothing. */
  @Parameter(property = "migrata.check", defaultValue = "false")
  boolean check;

  /** Deletes the app's history rows of migrations that no longer exist. */
  @Parameter(property = "migrata.prune", defaultValue = "false")
  boolean prune;

  /** {@code --check-schema}: fails when the live schema differs from the applied migrations. */
  @Parameter(property = "migrata.checkSchema", defaultValue = "false")
  boolean checkSchema;

  /** Seconds to wait for another migrate run on the same database (the CLI's default: 300). */
  @Parameter(property = "migrata.lockTimeout")
  Long lockTimeout;

  /** PostgreSQL: seconds one DDL statement may wait for its table lock (the CLI's default: 10). */
  @Parameter(property = "migrata.ddlLockTimeout")
  Long ddlLockTimeout;

  /** PostgreSQL: retries after a DDL lock timeout (the CLI's default: 3). */
  @Parameter(property = "migrata.ddlRetries")
  Integer ddlRetries;

  /** MySQL/MariaDB: ALGORITHM=INSTANT or INPLACE, LOCK=NONE where the server supports it. */
  @Parameter(property = "migrata.onlineDdl", defaultValue = "false")
  boolean onlineDdl;

  /** Rows per committed batch of a RunJava backfill in a non-atomic migration (default 1000). */
  @Parameter(property = "migrata.batchSize")
  Integer batchSize;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    if (target != null && app == null) {
      throw new MojoFailureException(
          "migrata.target needs migrata.app: the target is a migration of one app"
              + " (-Dmigrata.app=APP -Dmigrata.target=MIGRATION).");
    }
    List<String> args = arguments();
    args.addAll(commonOptions());
    CliRun run = CliRun.start(args, runtimeClassPath(), outputDirectory(), environment);
    // The checks exit 1 without an error line: their answer is the exit code.
    if (run.exitCode == 1 && run.error().isEmpty() && (check || checkSchema)) {
      throw new MojoFailureException(checkSchema ? SCHEMA_DIFFERS : UNAPPLIED);
    }
    run.failOnError();
  }

  /** The CLI's {@code migrate} arguments for this goal's parameters (without the connection). */
  List<String> arguments() {
    List<String> args = new ArrayList<>(List.of("migrate"));
    if (app != null) {
      args.add(app);
    }
    if (target != null) {
      args.add(target);
    }
    add(args, fake, "--fake");
    add(args, fakeInitial, "--fake-initial");
    add(args, plan, "--plan");
    add(args, prune, "--prune");
    add(args, checkSchema, "--check-schema");
    add(args, check, "--check");
    if (lockTimeout != null) {
      args.add("--lock-timeout");
      args.add(String.valueOf(lockTimeout));
    }
    add(args, onlineDdl, "--online-ddl");
    addValue(args, "--ddl-lock-timeout", ddlLockTimeout);
    addValue(args, "--ddl-retries", ddlRetries);
    addValue(args, "--batch-size", batchSize);
    return args;
  }

  private static void addValue(List<String> args, String option, Number value) {
    if (value != null) {
      args.add(option);
      args.add(String.valueOf(value));
    }
  }
}
