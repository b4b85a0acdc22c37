package dev.migrata.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code migrata:sqlmigrate}: the SQL one migration runs on the configured database. */
@Mojo(
    name = "sqlmigrate",
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class SqlMigrateMojo extends MigrataMojo {
  /** The app of the migration. */
  @Parameter(property = "migrata.app", required = true)
  String app;

  /** The migration's name or a unique prefix ({@code 0002}). */
  @Parameter(property = "migrata.migration", required = true)
  String migration;

  /** The SQL that unapplies the migration. */
  @Parameter(property = "migrata.backwards", defaultValue = "false")
  boolean backwards;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    List<String> args = new ArrayList<>(List.of("sqlmigrate", app, migration));
    add(args, backwards, "--backwards");
    args.addAll(commonOptions());
    cli(args);
  }
}
