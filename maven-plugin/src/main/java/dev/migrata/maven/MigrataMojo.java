package dev.migrata.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the connection ({@code <configuration>}, then {@code -Dmigrata.url} and
 * friends, then the CLI's own {@code MIGRATA_*} environment), the verbosity, {@code migrata.skip},
 * and running one CLI command on the project's classes. Mojos are public because Maven instantiates
 * them reflectively.
 */
public abstract class MigrataMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /**
   * The JDBC URL (else {@code MIGRATA_URL}); a relative SQLite file is taken from the project's
   * directory.
   */
  @Parameter(property = "migrata.url")
  String url;

  /** The database user (else {@code MIGRATA_USER}). */
  @Parameter(property = "migrata.user")
  String user;

  /** The database password (else {@code MIGRATA_PASSWORD}). */
  @Parameter(property = "migrata.password")
  String password;

  /** The CLI's {@code -v}: 0 prints no progress, 2 adds timings. */
  @Parameter(property = "migrata.verbosity")
  Integer verbosity;

  /**
   * More of the CLI's options, appended as given (split on spaces), for those without a property
   * here: {@code -Dmigrata.args="--tenants tenants.txt --parallel 4"}.
   */
  @Parameter(property = "migrata.args")
  String extraArgs;

  /** Skips the goal (e.g. {@code -Dmigrata.skip} on a build without a database). */
  @Parameter(property = "migrata.skip", defaultValue = "false")
  boolean skip;

  /** The environment the CLI reads {@code MIGRATA_URL}, {@code MIGRATA_USER}... from. */
  Map<String, String> environment = System.getenv();

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Migrata: skipped (migrata.skip).");
      return;
    }
    // A multi-module build runs the goal in its parent too, which has no classes.
    if ("pom".equals(project.getPackaging())) {
      getLog().info("Migrata: skipped, a pom project has no migrations.");
      return;
    }
    run();
  }

  abstract void run() throws MojoExecutionException, MojoFailureException;

  /**
   * Runs one CLI command line on the project's runtime class path and fails the build with the
   * CLI's error when it exits non-zero.
   */
  CliRun cli(List<String> args) throws MojoExecutionException, MojoFailureException {
    CliRun run = CliRun.start(args, runtimeClassPath(), outputDirectory(), environment);
    run.failOnError();
    return run;
  }

  String outputDirectory() {
    return project.getBuild().getOutputDirectory();
  }

  List<String> runtimeClassPath() throws MojoExecutionException {
    try {
      return project.getRuntimeClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("Cannot resolve the project's runtime class path.", e);
    }
  }

  /**
   * {@code --url/--user/--password/-v} as given to the plugin; the CLI falls back to the env for
   * the user and password. Without any URL the CLI's advice ({@code --url}) is not Maven's.
   */
  List<String> commonOptions() throws MojoFailureException {
    List<String> options = new ArrayList<>();
    String effectiveUrl = url != null ? url : environment.get("MIGRATA_URL");
    if (effectiveUrl == null || effectiveUrl.isBlank()) {
      throw new MojoFailureException(
          "No database URL: set <url> in the migrata-maven-plugin's <configuration>, pass"
              + " -Dmigrata.url=JDBC_URL (e.g. jdbc:sqlite:target/app.db), or set MIGRATA_URL.");
    }
    options.add("--url");
    options.add(SqliteUrls.relativeTo(effectiveUrl, basedir()));
    if (user != null) {
      options.add("--user");
      options.add(user);
    }
    if (password != null) {
      options.add("--password");
      options.add(password);
    }
    options.addAll(tailOptions());
    return options;
  }

  /** {@code -v} and {@link #extraArgs}: what every command takes after its own options. */
  List<String> tailOptions() {
    List<String> options = new ArrayList<>();
    if (verbosity != null) {
      options.add("-v");
      options.add(String.valueOf(verbosity));
    }
    if (extraArgs != null && !extraArgs.isBlank()) {
      options.addAll(List.of(extraArgs.strip().split("\\s+")));
    }
    return options;
  }

  /** Comma-separated app labels ({@code -Dmigrata.app=library,shop}), in the given order. */
  static List<String> apps(String app) {
    List<String> apps = new ArrayList<>();
    if (app != null) {
      for (String label : app.split(",")) {
        if (!label.isBlank()) {
          apps.add(label.strip());
        }
      }
    }
    return apps;
  }

  static void add(List<String> args, boolean flag, String option) {
    if (flag) {
      args.add(option);
    }
  }

  Path basedir() {
    return project.getBasedir().toPath();
  }
}
