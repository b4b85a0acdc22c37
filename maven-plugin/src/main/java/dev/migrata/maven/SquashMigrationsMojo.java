package dev.migrata.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code migrata:squashmigrations}: one migration that replaces an app's migrations up to one. */
@Mojo(
    name = "squashmigrations",
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public class SquashMigrationsMojo extends SourceMojo {
  /** The app to squash. */
  @Parameter(property = "migrata.app", required = true)
  String app;

  /** The last migration to squash (name or unique prefix). */
  @Parameter(property = "migrata.migration", required = true)
  String migration;

  /** The first migration to squash (default: the app's first). */
  @Parameter(property = "migrata.start")
  String start;

  /** The name of the squashed migration. */
  @Parameter(property = "migrata.squashedName")
  String squashedName;

  /** Writes the operations as they are, without optimizing them. */
  @Parameter(property = "migrata.noOptimize", defaultValue = "false")
  boolean noOptimize;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    List<String> args = new ArrayList<>(List.of("squashmigrations", app));
    if (start != null) {
      args.add(start);
    }
    args.add(migration);
    add(args, noOptimize, "--no-optimize");
    if (squashedName != null) {
      args.add("--squashed-name");
      args.add(squashedName);
    }
    source(args).failOnError();
  }
}
