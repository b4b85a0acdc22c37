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

  /**
   * Forwards or backwards to this migration of {@code app} (name or unique prefix), or zero;
   * without {@code app}, {@code app:name} as the Spring Boot property {@code migrata.target} takes
   * it.
   */
  @Parameter(property = "migrata.target")
  String target;

  /**
   * The same as {@code target}, under the name the other goals give a migration ({@code migrate APP
   * MIGRATION}): a user who writes {@code -Dmigrata.migration=0001} must not migrate everything.
   */
  @Parameter(property = "migrata.migration")
  String migration;

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
  List<String> arguments() throws MojoFailureException {
    List<String> args = new ArrayList<>(List.of("migrate"));
    args.addAll(appAndTarget());
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

  /**
   * {@code APP [MIGRATION]}: {@code app} and {@code target} (or {@code migration}), or the two
   * halves of a {@code target} written {@code app:name}.
   */
  private List<String> appAndTarget() throws MojoFailureException {
    if (target != null && migration != null && !target.equals(migration)) {
      throw new MojoFailureException(
          "migrata.target ("
              + target
              + ") and migrata.migration ("
              + migration
              + ") name different migrations; give one of them.");
    }
    String to = target != null ? target : migration;
    String of = app;
    if (of == null && to != null && to.indexOf(':') > 0) {
      of = to.substring(0, to.indexOf(':'));
      to = to.substring(to.indexOf(':') + 1);
    }
    if (to != null && (of == null || to.isEmpty())) {
      throw new MojoFailureException(
          "migrata.target needs migrata.app: the target is a migration of one app"
              + " (-Dmigrata.app=APP -Dmigrata.target=MIGRATION, or"
              + " -Dmigrata.target=APP:MIGRATION).");
    }
    List<String> positionals = new ArrayList<>();
    if (of != null) {
      positionals.add(of);
    }
    if (to != null) {
      positionals.add(to);
    }
    return positionals;
  }

  private static void addValue(List<String> args, String option, Number value) {
    if (value != null) {
      args.add(option);
      args.add(String.valueOf(value));
    }
  }
}
