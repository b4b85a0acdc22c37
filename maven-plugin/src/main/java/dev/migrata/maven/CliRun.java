package dev.migrata.maven;

import dev.migrata.cli.Main;
import dev.migrata.internal.migration.MigrationIndex;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * One run of the CLI ({@link Main#run}) inside Maven's JVM. The project's classes and dependencies
 * are the thread's context class loader, where the CLI looks for the migration index, the RunJava
 * methods and custom field types; Migrata's own classes come from the plugin (parent first), as the
 * CLI's {@code --classpath} does. Standard output is the CLI's, printed as it prints it (not as log
 * lines, so {@code -q} keeps it); its {@code Error:} lines become the build failure.
 */
final class CliRun {
  /** The runtime's SLF4J loggers, {@code dev.migrata.<name>}. */
  private static final List<String> RUNTIME_LOGGERS =
      List.of("executor", "history", "lock", "progress", "schema", "sql");

  /** Django's output; the goal reads it where it needs to (check). */
  final String out;

  final int exitCode;
  private final String error;
  private final List<String> args;

  private CliRun(List<String> args, int exitCode, String out, String error) {
    this.args = args;
    this.exitCode = exitCode;
    this.out = out;
    this.error = error;
  }

  /** Runs {@code args}; standard output goes to {@code System.out} unless {@code capture}. */
  static CliRun start(
      List<String> args, List<String> classPath, String outputDirectory, Map<String, String> env)
      throws MojoExecutionException, MojoFailureException {
    return start(args, classPath, outputDirectory, env, false);
  }

  static CliRun start(
      List<String> args,
      List<String> classPath,
      String outputDirectory,
      Map<String, String> env,
      boolean capture)
      throws MojoExecutionException, MojoFailureException {
    // The MariaDB driver logs every failed statement to the console; the CLI reports failures
    // itself, once (what Main.main sets for the command line).
    if (System.getProperty("mariadb.logging.disable") == null) {
      System.setProperty("mariadb.logging.disable", "true");
    }
    // The runtime logs through SLF4J, which in a plugin is Maven's own logger: its [INFO] lines
    // would break into the CLI's (what the CLI's slf4j-nop keeps out of its own output). Maven's
    // simple logger reads a logger's level from this property when the logger is made; -D or
    // MAVEN_OPTS still choose another level.
    // (The runtime's loggers only: the goals' own Maven log lines stay.)
    for (String logger : RUNTIME_LOGGERS) {
      String key = "org.slf4j.simpleLogger.log.dev.migrata." + logger;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "warn");
      }
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    ErrorLines errors = new ErrorLines(System.err);
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (URLClassLoader loader = loader(classPath, CliRun.class.getClassLoader())) {
      requireIndex(loader, outputDirectory);
      PrintStream out =
          capture ? new PrintStream(captured, true, StandardCharsets.UTF_8) : System.out;
      PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
      thread.setContextClassLoader(loader);
      int code = Main.run(args.toArray(new String[0]), out, err, env);
      err.flush();
      errors.close();
      return new CliRun(args, code, captured.toString(StandardCharsets.UTF_8), errors.error());
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot close the project's class loader.", e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** A non-zero exit as a build failure with the CLI's message (Maven adds a trace only on -e). */
  void failOnError() throws MojoFailureException {
    if (exitCode != 0) {
      // Not the whole command line: it may hold --password.
      throw new MojoFailureException(
          error.isEmpty() ? "migrata " + args.get(0) + " exited " + exitCode + "." : error);
    }
  }

  /** The CLI's error, without its {@code Error: } prefix; empty when it printed none. */
  String error() {
    return error;
  }

  private static URLClassLoader loader(List<String> classPath, ClassLoader parent)
      throws MojoExecutionException {
    List<URL> urls = new ArrayList<>();
    for (String element : classPath) {
      try {
        urls.add(new File(element).toURI().toURL());
      } catch (MalformedURLException e) {
        throw new MojoExecutionException("Cannot use the class path entry " + element, e);
      }
    }
    return new URLClassLoader(urls.toArray(new URL[0]), parent);
  }

  /**
   * The CLI's own message would point at {@code --classpath}; in Maven the fix is compiling the
   * project with the processor.
   */
  private static void requireIndex(ClassLoader loader, String outputDirectory)
      throws MojoFailureException {
    if (loader.getResource(MigrationIndex.RESOURCE) == null) {
      throw new MojoFailureException(
          "No Migrata migrations in "
              + outputDirectory
              + " (no "
              + MigrationIndex.RESOURCE
              + "): compile the project first (mvn compile migrata:...), with migrata-processor"
              + " in the maven-compiler-plugin's annotationProcessorPaths.");
    }
  }

  /**
   * The CLI's standard error: warnings and lock notices pass through as they come; from the first
   * {@code Error:} line on, the text is kept for the build failure instead of being printed twice.
   */
  private static final class ErrorLines extends OutputStream {
    private static final String PREFIX = "Error: ";
    private final PrintStream forward;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder error = new StringBuilder();

    ErrorLines(PrintStream forward) {
      this.forward = forward;
    }

    @Override
    public void write(int b) {
      if (b == '\n') {
        endLine();
      } else {
        line.write(b);
      }
    }

    private void endLine() {
      String text = line.toString(StandardCharsets.UTF_8);
      line.reset();
      if (error.length() == 0 && !text.startsWith(PREFIX)) {
        forward.println(text);
        return;
      }
      if (error.length() > 0) {
        error.append('\n');
      }
      error.append(error.length() == 0 ? text.substring(PREFIX.length()) : text);
    }

    @Override
    public void close() {
      if (line.size() > 0) {
        endLine();
      }
      forward.flush();
    }

    String error() {
      return error.toString().strip();
    }
  }
}
