package dev.migrata.cli;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar migrata-cli-<v>-all.jar <command> ... --classpath <app classes>} (or {@code java
 * -cp <app classpath> dev.migrata.cli.Main <command>}): Django's {@code migrate}, {@code
 * showmigrations}, {@code sqlmigrate}, {@code makemigrations --empty}, {@code squashmigrations} and
 * {@code optimizemigration}, with their output. Errors are one line on stderr and a non-zero exit,
 * never a stack trace.
 */
@Command(
    name = "migrata",
    mixinStandardHelpOptions = true,
    version = "Migrata 0.1.0",
    description = "Applies and inspects Migrata migrations.",
    footer = "%nRun 'migrata help COMMAND' (or COMMAND --help) for the options of a command.",
    subcommands = {
      MigrateCommand.class,
      ShowMigrationsCommand.class,
      SqlMigrateCommand.class,
      MakeMigrationsCommand.class,
      SquashMigrationsCommand.class,
      OptimizeMigrationCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  private Main() {}

  public static void main(String[] args) {
    // The MariaDB driver logs every failed statement to the console; the CLI reports failures
    // itself, once, as one error.
    if (System.getProperty("mariadb.logging.disable") == null) {
      System.setProperty("mariadb.logging.disable", "true");
    }
    quietLogging();
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  /** Runs one command line; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    Context context = new Context(out, err, env);
    CommandLine cli = new CommandLine(new Main(), new Factory(context));
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    cli.setParameterExceptionHandler(
        (e, a) -> {
          err.println("Error: " + oneLine(UsageErrors.message(e)));
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          context.endLine();
          String message =
              e instanceof MigrataException
                  ? e.getMessage()
                  : e.getClass().getSimpleName() + ": " + e.getMessage();
          // A migration that failed without a rollback is reported as a block: what ran, what
          // failed, what did not run. Everything else is one line.
          boolean block =
              e instanceof MigrataException me
                  && me.code() == ErrorCode.MIGRATION_FAILED
                  && message.contains("\n");
          err.println("Error: " + (block ? message.strip() : oneLine(message)));
          return 1;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static final String SLF4J_PROVIDER = "slf4j.provider";
  private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";
  private static final String NOP_PROVIDER = "org.slf4j.nop.NOPServiceProvider";

  /**
   * The CLI prints Django's lines itself; the runtime's SLF4J logging would repeat them (or, with a
   * provider found on the application's class path, such as Logback without configuration, print
   * DEBUG lines into stdout). So SLF4J's provider is the bundled no-op one unless the user chose
   * one with {@code -Dslf4j.provider=...}; this also keeps SLF4J's "no providers" warning off
   * stderr, and its note that it loads the provider named by the property (an INFO line on
   * stderr) too.
   */
  static void quietLogging() {
    if (System.getProperty(SLF4J_PROVIDER) != null) {
      return;
    }
    if (System.getProperty(SLF4J_VERBOSITY) == null) {
      System.setProperty(SLF4J_VERBOSITY, "WARN");
    }
    try {
      Class.forName(NOP_PROVIDER, false, Main.class.getClassLoader());
      System.setProperty(SLF4J_PROVIDER, NOP_PROVIDER);
    } catch (ClassNotFoundException | LinkageError e) {
      // A hand-made class path without slf4j-nop: SLF4J finds what it finds.
    }
  }

  static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s+", " ").strip();
  }

  /**
   * This command's own CommandLine, built by {@link #run(String[], PrintStream, PrintStream, Map)}.
   */
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing command: " + UsageErrors.COMMANDS + ".");
  }

  /** Gives every command the streams and environment of this run. */
  private static final class Factory implements CommandLine.IFactory {
    private final Context context;

    Factory(Context context) {
      this.context = context;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (BaseCommand.class.isAssignableFrom(cls)) {
        var ctor = cls.getDeclaredConstructor(Context.class);
        ctor.setAccessible(true);
        return ctor.newInstance(context);
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }
}
