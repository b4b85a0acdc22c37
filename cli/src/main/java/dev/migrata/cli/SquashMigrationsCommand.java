package dev.migrata.cli;

import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.migration.MigrationNames;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RunJava;
import dev.migrata.internal.optimizer.Optimizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Django's {@code squashmigrations APP [START] END}: one migration with the operations of an app's
 * migrations up to END (from START), optimized, that {@code replaces} them. RunJava operations keep
 * calling the methods of the original classes ({@code javaClass}), which must be moved by hand
 * before the originals are deleted ("manual porting").
 */
@Command(name = "squashmigrations", description = "Squashes an app's migrations into one.")
final class SquashMigrationsCommand extends SourceCommand {
  static final String DOCS =
      "https://docs.djangoproject.com/en/5.2/topics/migrations/#squashing-migrations";

  @Parameters(index = "0", paramLabel = "APP", description = "The app to squash.")
  String app;

  @Parameters(
      index = "1..2",
      arity = "1..2",
      paramLabel = "[START] END",
      // Shown as written: picocli would repeat a label once per index and arity.
      hideParamSyntax = true,
      description = "The first migration to squash (default: the app's first) and the last.")
  List<String> names = new ArrayList<>();

  @Option(names = "--no-optimize", description = "Writes the operations as they are.")
  boolean noOptimize;

  @Option(
      names = "--squashed-name",
      paramLabel = "NAME",
      description = "The name of the squashed migration.")
  String squashedName;

  SquashMigrationsCommand(Context context) {
    super(context);
  }

  @Override
  Integer execute() {
    MigrationLoader loader = loader();
    if (!loader.apps().contains(app)) {
      throw error(
          "App '" + app + "' does not have migrations (so squashmigrations on it makes no sense)");
    }
    String startName = names.size() == 2 ? names.get(0) : null;
    MigrationDefinition end = loader.byPrefix(app, names.get(names.size() - 1));
    List<MigrationDefinition> squash = new ArrayList<>();
    for (MigrationKey key : loader.graph().forwardsPlan(end.key())) {
      if (key.app().equals(app)) {
        squash.add(loader.graph().migration(key));
      }
    }
    MigrationDefinition start = null;
    if (startName != null) {
      start = loader.byPrefix(app, startName);
      int at = squash.indexOf(start);
      if (at < 0) {
        throw error(
            "The migration '"
                + start.key()
                + "' cannot be found. Maybe it comes after the"
                + " migration '"
                + end.key()
                + "'? Have a look at: showmigrations "
                + app
                + " to debug this issue.");
      }
      squash = squash.subList(at, squash.size());
    }
    if (verbosity > 0) {
      context.println("Will squash the following migrations:");
      squash.forEach(m -> context.println(" - " + m.name()));
    }

    List<Operation> operations = new ArrayList<>();
    TreeSet<MigrationKey> dependencies = new TreeSet<>();
    List<MigrationKey> replaces = new ArrayList<>();
    boolean manualPorting = false;
    boolean first = true;
    for (MigrationDefinition m : squash) {
      if (!m.replaces().isEmpty()) {
        throw error(
            "You cannot squash squashed migrations! Please transition it to a normal migration"
                + " first: "
                + DOCS);
      }
      for (Operation op : m.operations()) {
        if (op instanceof RunJava java && java.javaClass() == null) {
          // The methods stay where they are written; the squash calls them there.
          op = java.inClass(m.className());
          manualPorting = true;
        }
        operations.add(op);
      }
      for (MigrationKey dep : m.dependencies()) {
        if (!dep.app().equals(m.app()) || first) {
          dependencies.add(dep);
        }
      }
      first = false;
      replaces.add(m.key());
    }

    List<Operation> result;
    if (noOptimize) {
      if (verbosity > 0) {
        context.println("(Skipping optimization.)");
      }
      result = operations;
    } else {
      if (verbosity > 0) {
        context.println("Optimizing...");
      }
      result = Optimizer.optimize(operations, app);
      if (verbosity > 0) {
        if (result.size() == operations.size()) {
          context.println("  No optimizations possible.");
        } else {
          context.println(
              "  Optimized from "
                  + operations.size()
                  + " operations to "
                  + result.size()
                  + " operations.");
        }
      }
    }

    String name =
        MigrationNames.squashed(start == null ? null : start.name(), end.name(), squashedName);
    MigrationDefinition squashed =
        definition(end, name, new ArrayList<>(dependencies), replaces, start == null, result);
    String pkg = packageOf(end);
    Path file = fileOf(pkg, name);
    if (Files.exists(file) || loader.get(squashed.key()) != null) {
      throw error("Migration " + name + " already exists. Use a different name.");
    }
    String differences = SquashReplay.differences(loader, squashed);
    if (differences != null) {
      throw error(
          "The squashed migration "
              + name
              + " would not rebuild the state of the migrations it"
              + " replaces ("
              + differences
              + "), so nothing was written. Squash fewer"
              + " migrations, or use --no-optimize.");
    }
    write(file, java(pkg, squashed, result), false);
    if (verbosity > 0) {
      context.println("Created new squashed migration " + display(file));
      context.println("  You should commit this migration but leave the old ones in place;");
      context.println("  the new migration will be used for new installs. Once you are sure");
      context.println("  all instances of the codebase have applied the migrations you squashed,");
      context.println("  you can delete them.");
      if (manualPorting) {
        printManualPorting(context);
      }
    }
    return 0;
  }

  static void printManualPorting(Context context) {
    context.println("Manual porting required");
    context.println("  Your migrations contained functions that must be manually copied over,");
    context.println("  as we could not safely copy their implementation.");
    context.println("  See the javaClass of the RunJava operations in the new migration file.");
  }
}
