package dev.migrata.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code migrata:check}: fails the build when the database has unapplied migrations ({@code migrate
 * --check}); with {@code -Dmigrata.checkModels=true} first when the models have changes that no
 * migration reflects (the processor's {@code -Amigrata.check=true}, run on the project's sources).
 */
@Mojo(
    name = "check",
    requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME,
    threadSafe = true)
public class CheckMojo extends MigrataMojo {
  /** Checks only this app's migrations (all apps without it). */
  @Parameter(property = "migrata.app")
  String app;

  /** Also fails when the models have changes without a migration. */
  @Parameter(property = "migrata.checkModels", defaultValue = "false")
  boolean checkModels;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    if (checkModels) {
      checkModels();
    }
    List<String> args = new ArrayList<>(List.of("migrate"));
    if (app != null) {
      args.add(app);
    }
    args.add("--check");
    args.add("--plan");
    args.addAll(commonOptions());
    // Django's migrate --check prints nothing; the plan is shown only when there is one.
    CliRun run = CliRun.start(args, runtimeClassPath(), outputDirectory(), environment, true);
    if (run.exitCode == 1 && run.error().isEmpty()) {
      System.out.print(run.out);
      System.out.flush();
      List<String> unapplied = migrations(run.out);
      throw new MojoFailureException(
          "The database has "
              + unapplied.size()
              + " unapplied migration(s): "
              + String.join(", ", unapplied)
              + ". Run mvn migrata:migrate to apply them.");
    }
    run.failOnError();
    getLog().info("Migrata: no unapplied migrations.");
  }

  /** The migration lines of a {@code --plan} (its operations are indented). */
  static List<String> migrations(String plan) {
    List<String> keys = new ArrayList<>();
    for (String line : plan.split("\\R")) {
      if (!line.isBlank() && !line.startsWith(" ") && !line.equals("Planned operations:")) {
        keys.add(line.strip());
      }
    }
    return keys;
  }

  private void checkModels() throws MojoExecutionException, MojoFailureException {
    List<String> classPath;
    try {
      classPath = project.getCompileClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("Cannot resolve the project's compile class path.", e);
    }
    ModelCheck check =
        new ModelCheck(
            project.getCompileSourceRoots(),
            classPath,
            CompilerOptions.processorOptions(project),
            CompilerOptions.encoding(project),
            Path.of(project.getBuild().getDirectory(), "migrata-check"),
            getLog());
    check.run();
  }
}
