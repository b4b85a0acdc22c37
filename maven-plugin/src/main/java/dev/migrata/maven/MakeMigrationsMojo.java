package dev.migrata.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code migrata:makemigrations -Dmigrata.empty=true -Dmigrata.app=APP}: an empty migration to fill
 * in (data migrations). Migrations for model changes are written by the processor when the project
 * compiles.
 */
@Mojo(
    name = "makemigrations",
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public class MakeMigrationsMojo extends SourceMojo {
  /** The apps to write one for, comma-separated. */
  @Parameter(property = "migrata.app")
  String app;

  /** Writes an empty migration. */
  @Parameter(property = "migrata.empty", defaultValue = "false")
  boolean empty;

  /** The migration's name after its number ({@code 0003_NAME}). */
  @Parameter(property = "migrata.name")
  String name;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    // The CLI's own messages name its flags; these name the properties.
    if (!empty) {
      throw new MojoFailureException(
          "Migrations for model changes are written when the project compiles (mvn compile, with"
              + " migrata-processor); for an empty migration to fill in, pass"
              + " -Dmigrata.empty=true -Dmigrata.app=APP.");
    }
    if (apps(app).isEmpty()) {
      throw new MojoFailureException(
          "makemigrations -Dmigrata.empty=true needs the app to write it for: -Dmigrata.app=APP.");
    }
    List<String> args = new ArrayList<>(List.of("makemigrations"));
    args.addAll(apps(app));
    add(args, empty, "--empty");
    if (name != null) {
      args.add("--name");
      args.add(name);
    }
    source(args).failOnError();
  }
}
