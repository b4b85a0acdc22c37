package dev.migrata.cli;

import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.migration.MigrationNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code makemigrations --empty APP... [--name NAME]}: an empty migration after each app's leaf, to
 * fill in by hand (data migrations), as Django's. Migrations for model changes are written by the
 * processor when the project compiles, so this command only knows {@code --empty}.
 */
@Command(name = "makemigrations", description = "Writes an empty migration to fill in (--empty).")
final class MakeMigrationsCommand extends SourceCommand {
  @Parameters(arity = "0..*", paramLabel = "APP", description = "The apps to write one for.")
  List<String> apps = new ArrayList<>();

  @Option(names = "--empty", description = "Writes an empty migration.")
  boolean empty;

  @Option(
      names = {"-n", "--name"},
      paramLabel = "NAME",
      description = "The name of the migration after its number.")
  String name;

  MakeMigrationsCommand(Context context) {
    super(context);
  }

  @Override
  Integer execute() {
    if (!empty) {
      throw error(
          "Migrations for model changes are written when the project compiles (the Migrata"
              + " processor); use makemigrations --empty APP for a migration to fill in.");
    }
    if (apps.isEmpty()) {
      throw error("You must supply at least one app label when using --empty.");
    }
    if (name != null && !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw error("The migration name must be a valid Java identifier.");
    }
    MigrationLoader loader = loader();
    for (String app : apps) {
      if (!loader.apps().contains(app)) {
        throw error("App '" + app + "' does not have migrations.");
      }
    }
    loader.checkConflicts();
    for (String app : apps) {
      List<MigrationKey> leaves = loader.graph().leafNodes(app);
      MigrationKey leaf = leaves.get(0);
      // Without --name, "auto" as the processor names a migration without name fragments
      // (Django appends a timestamp, which would make the file name depend on the clock).
      String migrationName = MigrationNames.next(List.of(leaf.name()), name, false, List.of());
      MigrationDefinition template = loader.graph().migration(leaf);
      MigrationDefinition empty =
          definition(template, migrationName, List.of(leaf), List.of(), false, List.of());
      String pkg = packageOf(template);
      Path file = fileOf(pkg, migrationName);
      if (Files.exists(file)) {
        throw error("Migration " + migrationName + " already exists. Use a different name.");
      }
      write(file, java(pkg, empty, List.of()), false);
      if (verbosity > 0) {
        context.println("Migrations for '" + app + "':");
        context.println("  " + display(file));
      }
    }
    return 0;
  }
}
