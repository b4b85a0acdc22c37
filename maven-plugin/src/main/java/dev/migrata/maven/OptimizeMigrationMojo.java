package dev.migrata.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code migrata:optimizemigration}: optimizes one migration's operations and rewrites it. */
@Mojo(
    name = "optimizemigration",
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public class OptimizeMigrationMojo extends SourceMojo {
  /** The app of the migration. */
  @Parameter(property = "migrata.app", required = true)
  String app;

  /** The migration's name or a unique prefix. */
  @Parameter(property = "migrata.migration", required = true)
  String migration;

  /** Fails the build when the migration can be optimized; writes nothing. */
  @Parameter(property = "migrata.check", defaultValue = "false")
  boolean check;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    List<String> args = new ArrayList<>(List.of("optimizemigration", app, migration));
    add(args, check, "--check");
    CliRun run = source(args);
    if (check && run.exitCode == 1 && run.error().isEmpty()) {
      throw new MojoFailureException(
          "Migration "
              + app
              + "."
              + migration
              + " can be optimized (optimizemigration --check). Run mvn migrata:optimizemigration"
              + " without migrata.check to rewrite it.");
    }
    run.failOnError();
  }
}
