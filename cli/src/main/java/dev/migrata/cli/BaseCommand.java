package dev.migrata.cli;

import dev.migrata.ErrorCode;
import dev.migrata.Migrata;
import dev.migrata.MigrataException;
import dev.migrata.MigrationListener;
import dev.migrata.internal.migration.MigrationIndex;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands (they come after the command name): the connection, the verbosity,
 * the application's class path and {@code --help}. Runs the command with the application's classes
 * as the thread's context class loader, so the migration index, RunJava methods and custom field
 * types are found there.
 */
abstract class BaseCommand implements Callable<Integer> {
  final Context context;

  @Option(names = "--url", paramLabel = "URL", description = "JDBC URL (default: $MIGRATA_URL).")
  String url;

  @Option(
      names = "--user",
      paramLabel = "USER",
      description = "Database user (default: $MIGRATA_USER).")
  String user;

  @Option(
      names = "--password",
      paramLabel = "PASSWORD",
      description = "Database password (default: $MIGRATA_PASSWORD).")
  String password;

  @Option(
      names = {"-v", "--verbosity"},
      defaultValue = "1",
      paramLabel = "N",
      description = "0 to 3; 0 prints no progress, 2 adds timings.")
  int verbosity;

  @Option(
      names = {"--classpath", "-cp"},
      paramLabel = "PATHS",
      description =
          "The application's classes and jars (separated by the platform's path separator; dir/*"
              + " for every jar in dir), where its migrations are found.")
  String classpath;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Shows this help and exits.")
  boolean help;

  /** The class loader over {@link #classpath}, or the context class loader without it. */
  ClassLoader classLoader;

  BaseCommand(Context context) {
    this.context = context;
  }

  @Override
  public final Integer call() {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    classLoader = AppClassPath.loader(classpath, previous);
    thread.setContextClassLoader(classLoader);
    try {
      requireIndex();
      return execute();
    } catch (RuntimeException e) {
      throw ConnectionErrors.explain(e, effectiveUrl());
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /**
   * Without the index there is nothing any command can do, and "No migrations to apply" would hide
   * why: the bundle was not given the app's classes, or they were compiled without the processor.
   */
  private void requireIndex() {
    if (classLoader.getResource(MigrationIndex.RESOURCE) != null) {
      return;
    }
    throw new MigrataException(
        ErrorCode.CONFIGURATION,
        classpath == null
            ? "No migrations: the class path has no Migrata index ("
                + MigrationIndex.RESOURCE
                + "). Pass the application's compiled classes with --classpath (e.g. --classpath"
                + " target/classes)."
            : "No migrations in --classpath "
                + classpath
                + ": it has no Migrata index ("
                + MigrationIndex.RESOURCE
                + "). Compile the application with migrata-processor"
                + " on the compiler's annotationProcessorPaths, then pass its classes.");
  }

  /** The command itself, with the application's class loader in place. */
  abstract Integer execute();

  String effectiveUrl() {
    return url != null ? url : context.env.get("MIGRATA_URL");
  }

  String effectiveUser() {
    return user != null ? user : context.env.get("MIGRATA_USER");
  }

  String effectivePassword() {
    return password != null ? password : context.env.get("MIGRATA_PASSWORD");
  }

  Migrata migrata(MigrationListener listener) {
    return configuration(listener).load();
  }

  Migrata.Configuration configuration(MigrationListener listener) {
    String u = effectiveUrl();
    JdbcUrls.check(u);
    return unconnected(listener).jdbcUrl(u, effectiveUser(), effectivePassword());
  }

  /** The settings without a connection: a fleet brings its tenants' own. */
  Migrata.Configuration unconnected(MigrationListener listener) {
    return Migrata.configure().classLoader(classLoader).listener(listener);
  }
}
