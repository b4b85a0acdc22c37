package dev.migrata.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The goals that work on code, not on a database ({@code makemigrations}, {@code squashmigrations},
 * {@code optimizemigration}): they read the migrations of the compiled project and write Java
 * sources into its first compile source root ({@code src/main/java}).
 */
public abstract class SourceMojo extends MigrataMojo {
  /**
   * Runs {@code args} with {@code --source-root} and the compile class path; the caller decides
   * what a non-zero exit means.
   */
  CliRun source(List<String> args) throws MojoExecutionException, MojoFailureException {
    List<String> all = new ArrayList<>(args);
    List<String> roots = project.getCompileSourceRoots();
    if (roots.isEmpty()) {
      throw new MojoExecutionException("The project has no compile source root to write into.");
    }
    all.add("--source-root");
    all.add(roots.get(0));
    all.addAll(tailOptions());
    List<String> classPath;
    try {
      classPath = project.getCompileClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("Cannot resolve the project's compile class path.", e);
    }
    return CliRun.start(all, classPath, outputDirectory(), environment);
  }
}
