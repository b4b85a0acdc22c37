package dev.migrata.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code migrata:showmigrations}: each app's migrations, {@code [X]} when applied. */
@Mojo(
    name = "showmigrations",
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class ShowMigrationsMojo extends MigrataMojo {
  /** The apps to list, comma-separated (all without). */
  @Parameter(property = "migrata.app")
  String app;

  /** Lists every migration in the order it would be applied. */
  @Parameter(property = "migrata.plan", defaultValue = "false")
  boolean plan;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    List<String> args = new ArrayList<>(List.of("showmigrations"));
    args.addAll(apps(app));
    add(args, plan, "--plan");
    args.addAll(commonOptions());
    cli(args);
  }
}
