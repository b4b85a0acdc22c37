package dev.migrata.cli;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationNames;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.Operations;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.writer.MigrationWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The commands that work on code, not on a database (Django's {@code makemigrations}, {@code
 * squashmigrations}, {@code optimizemigration}): they read the migrations from the index on the
 * app's class path and write Java sources into the source tree, with the processor's writer.
 */
abstract class SourceCommand extends BaseCommand {
  @Option(
      names = "--source-root",
      paramLabel = "DIR",
      defaultValue = "src/main/java",
      description = "The directory holding the app's Java sources (default: src/main/java).")
  Path sourceRoot;

  @Option(names = "--noinput", description = "Accepted for Django compatibility; never prompts.")
  boolean noinput;

  SourceCommand(Context context) {
    super(context);
  }

  /** The migrations as the index lists them, with squashes in use (no database to ask). */
  MigrationLoader loader() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    List<MigrationDefinition> all =
        MigrationLoader.readIndex(cl != null ? cl : SourceCommand.class.getClassLoader());
    return new MigrationLoader(all, Set.of(), true);
  }

  static String packageOf(MigrationDefinition m) {
    int dot = m.className().lastIndexOf('.');
    return dot < 0 ? "" : m.className().substring(0, dot);
  }

  Path fileOf(String packageName, String migrationName) {
    Path dir =
        packageName.isEmpty() ? sourceRoot : sourceRoot.resolve(packageName.replace('.', '/'));
    return dir.resolve(MigrationNames.className(migrationName) + ".java");
  }

  /** Django's get_relative_path: relative to the working directory if below it. */
  static String display(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath().normalize();
    return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
  }

  /** The Java text of {@code m} with {@code operations}, as the processor writes migrations. */
  static String java(String packageName, MigrationDefinition m, List<Operation> operations) {
    return MigrationWriter.write(
        packageName, MigrationNames.className(m.name()), m.deconstruct(), operations);
  }

  static MigrationDefinition definition(
      MigrationDefinition template,
      String name,
      List<dev.migrata.internal.migration.MigrationKey> dependencies,
      List<dev.migrata.internal.migration.MigrationKey> replaces,
      boolean initial,
      List<Operation> operations) {
    List<Deconstructed> ops = Operations.deconstruct(operations);
    return new MigrationDefinition(
        new dev.migrata.internal.migration.MigrationKey(template.app(), name),
        packageOf(template) + "." + MigrationNames.className(name),
        dependencies,
        replaces,
        template.runBefore(),
        initial,
        template.atomic(),
        () -> ops);
  }

  void write(Path file, String text, boolean replace) {
    try {
      Files.createDirectories(file.getParent());
      if (replace) {
        Files.writeString(file, text, StandardCharsets.UTF_8);
      } else {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      }
    } catch (IOException e) {
      throw new MigrataException(
          ErrorCode.CONFIGURATION, "Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static MigrataException error(String message) {
    return new MigrataException(ErrorCode.CONFIGURATION, message);
  }
}
