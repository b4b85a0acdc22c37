package dev.migrata.cli;

import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RunJava;
import dev.migrata.internal.optimizer.Optimizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Django's {@code optimizemigration APP MIGRATION [--check]}: optimizes one migration's operations
 * and rewrites its file. A migration whose class holds RunJava methods cannot be rewritten without
 * losing them, so, as Django's "manual porting" case, a new {@code <name>_optimized} migration that
 * replaces it is written instead.
 */
@Command(name = "optimizemigration", description = "Optimizes the operations of one migration.")
final class OptimizeMigrationCommand extends SourceCommand {
  @Parameters(index = "0", paramLabel = "APP", description = "The app of the migration.")
  String app;

  @Parameters(
      index = "1",
      paramLabel = "MIGRATION",
      description = "The migration's name or a unique prefix of it.")
  String migration;

  @Option(names = "--check", description = "Exits 1 when the migration can be optimized.")
  boolean check;

  OptimizeMigrationCommand(Context context) {
    super(context);
  }

  @Override
  Integer execute() {
    MigrationLoader loader = loader();
    if (!loader.apps().contains(app)) {
      throw error("App '" + app + "' does not have migrations.");
    }
    MigrationDefinition m = loader.byPrefix(app, migration);
    List<Operation> operations = m.operations();
    List<Operation> optimized = Optimizer.optimize(operations, app);
    if (optimized.size() == operations.size()) {
      if (verbosity > 0) {
        context.println("No optimizations possible.");
      }
      return 0;
    }
    if (verbosity > 0) {
      context.println(
          "Optimizing from "
              + operations.size()
              + " operations to "
              + optimized.size()
              + " operations.");
    }
    if (check) {
      return 1;
    }
    String pkg = packageOf(m);
    Path file = fileOf(pkg, m.name());
    boolean ownMethods =
        optimized.stream().anyMatch(op -> op instanceof RunJava j && j.javaClass() == null);
    if (ownMethods) {
      if (!m.replaces().isEmpty()) {
        throw error(
            "Migration will require manual porting but is already a squashed migration."
                + " Transition to a normal migration first: "
                + SquashMigrationsCommand.DOCS);
      }
      List<Operation> ported = new ArrayList<>();
      for (Operation op : optimized) {
        ported.add(
            op instanceof RunJava j && j.javaClass() == null ? j.inClass(m.className()) : op);
      }
      String name = m.name() + "_optimized";
      MigrationDefinition replacement =
          definition(m, name, m.dependencies(), List.of(m.key()), m.initial(), ported);
      file = fileOf(pkg, name);
      write(file, java(pkg, replacement, ported), true);
      if (verbosity > 0) {
        SquashMigrationsCommand.printManualPorting(context);
      }
    } else {
      if (!Files.exists(file)) {
        throw error(
            "Cannot find the source of " + m.key() + " at " + file + "; pass --source-root.");
      }
      MigrationDefinition rewritten =
          definition(m, m.name(), m.dependencies(), m.replaces(), m.initial(), optimized);
      write(file, java(pkg, rewritten, optimized), true);
    }
    if (verbosity > 0) {
      context.println("Optimized migration " + display(file));
    }
    return 0;
  }
}
