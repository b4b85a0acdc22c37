package dev.migrata.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The processor options ({@code -A...}) the project gives javac in its maven-compiler-plugin {@code
 * <compilerArgs>}, so that the models check plans exactly what the project's compile would (a
 * source root, JPA naming, safety options). The check's own switches are left out: the check sets
 * them.
 */
final class CompilerOptions {
  private static final String COMPILER = "org.apache.maven.plugins:maven-compiler-plugin";
  private static final Set<String> MODE_OPTIONS =
      Set.of("migrata.check", "migrata.dryRun", "migrata.merge");

  private CompilerOptions() {}

  static List<String> processorOptions(MavenProject project) {
    List<String> options = new ArrayList<>();
    Plugin compiler = project.getBuild().getPluginsAsMap().get(COMPILER);
    if (compiler == null) {
      return options;
    }
    collect(compiler.getConfiguration(), options);
    for (PluginExecution execution : compiler.getExecutions()) {
      if (execution.getGoals().contains("compile")) {
        collect(execution.getConfiguration(), options);
      }
    }
    return options;
  }

  static String encoding(MavenProject project) {
    String encoding = project.getProperties().getProperty("project.build.sourceEncoding");
    return encoding == null || encoding.isBlank() ? "UTF-8" : encoding;
  }

  private static void collect(Object configuration, List<String> options) {
    if (!(configuration instanceof Xpp3Dom dom)) {
      return;
    }
    Xpp3Dom args = dom.getChild("compilerArgs");
    if (args == null) {
      return;
    }
    for (Xpp3Dom arg : args.getChildren()) {
      String value = arg.getValue();
      if (value == null || !value.startsWith("-A")) {
        continue;
      }
      String name = value.substring(2).split("=", 2)[0];
      if (!MODE_OPTIONS.contains(name) && !options.contains(value.strip())) {
        options.add(value.strip());
      }
    }
  }
}
