package dev.migrata.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationIndex;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real javac on a scratch project, the processor on its processor path, as a user's build
 * runs it: sources in {@code src}, classes in {@code classes}, the Filer's sources in {@code gen}.
 */
class EndToEndTest {
  private static final String MIGRATIONS = "src/com/example/library/migrations";

  @TempDir Path project;

  /** What one javac run reported. */
  record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    String messages(Diagnostic.Kind kind) {
      return diagnostics.stream()
          .filter(d -> d.getKind() == kind)
          .map(d -> d.getMessage(null))
          .collect(Collectors.joining("\n"));
    }
  }

  @BeforeEach
  void scratchProject() {
    write("src/com/example/library/Author.java", AUTHOR);
    write("src/com/example/library/Book.java", book(""));
  }

  static final String AUTHOR =
      "package com.example.library;\n"
          + "import dev.migrata.annotations.*;\n"
          + "@Model\n"
          + "public class Author {\n"
          + "  @Field(maxLength = 100) String name;\n"
          + "}\n";

  static String book(String extra) {
    return "package com.example.library;\n"
        + "import dev.migrata.annotations.*;\n"
        + "@Model\n"
        + "public class Book {\n"
        + "  @Field(maxLength = 200) String title;\n"
        + "  @ForeignKey(onDelete = OnDelete.CASCADE) Author author;\n"
        + extra
        + "}\n";
  }

  @Test
  void firstCompileWritesTheInitialMigrationIntoSourcesAndClasses() {
    Result r = javac(project, allSources(project));
    assertThat(r.success()).as(r.messages(Diagnostic.Kind.ERROR)).isTrue();
    assertThat(migrationFiles(project)).containsExactly("M0001_initial.java");
    assertThat(project.resolve("classes/com/example/library/migrations/M0001_initial.class"))
        .exists();
    assertThat(index(project)).containsExactly("library.0001_initial");
    // The Filer's copy is gone, so the next build does not see the class twice.
    assertThat(project.resolve("gen/com/example/library/migrations/M0001_initial.java"))
        .doesNotExist();
  }

  @Test
  void compilingAgainWithoutChangeWritesNothing() throws IOException {
    assertThat(javac(project, allSources(project)).success()).isTrue();
    String before = read(project, MIGRATIONS + "/M0001_initial.java");
    Result again = javac(project, allSources(project));
    assertThat(again.success()).isTrue();
    assertThat(migrationFiles(project)).containsExactly("M0001_initial.java");
    assertThat(read(project, MIGRATIONS + "/M0001_initial.java")).isEqualTo(before);
    assertThat(index(project)).containsExactly("library.0001_initial");
  }

  @Test
  void modelEditWritesTheNextMigrationCompiledInTheSameBuild() {
    assertThat(javac(project, allSources(project)).success()).isTrue();
    write("src/com/example/library/Book.java", book("  @Field(defaultValue = \"0\") int rating;\n"));
    Result r = javac(project, allSources(project));
    assertThat(r.success()).as(r.messages(Diagnostic.Kind.ERROR)).isTrue();
    assertThat(migrationFiles(project)).containsExactly("M0001_initial.java", "M0002_book_rating.java");
    assertThat(project.resolve("classes/com/example/library/migrations/M0002_book_rating.class"))
        .exists();
    assertThat(index(project)).containsExactly("library.0001_initial", "library.0002_book_rating");
  }

  @Test
  void aDeletedMigrationLeftAsAClassFileIsLeftOutOfTheHistoryAndTheIndex() throws IOException {
    assertThat(javac(project, allSources(project)).success()).isTrue();
    write("src/com/example/library/Book.java", book("  @Field(defaultValue = \"0\") int rating;\n"));
    assertThat(javac(project, allSources(project)).success()).isTrue();
    assertThat(index(project)).containsExactly("library.0001_initial", "library.0002_book_rating");

    // The user drops the migration and the model change; the class file stays in "classes".
    Files.delete(project.resolve(MIGRATIONS + "/M0002_book_rating.java"));
    write("src/com/example/library/Book.java", book(""));
    Result r = javac(project, allSources(project));
    assertThat(r.success()).as(r.messages(Diagnostic.Kind.ERROR)).isTrue();
    assertThat(project.resolve("classes/com/example/library/migrations/M0002_book_rating.class"))
        .exists();
    assertThat(r.messages(Diagnostic.Kind.WARNING))
        .contains(
            "[migrata.W050] The migration library.0002_book_rating (class"
                + " com.example.library.migrations.M0002_book_rating) is left out of the history"
                + " and the index because its source")
        .contains("Run a clean build (mvn clean compile)");
    // Not replayed: no corrective "remove rating" migration, and the index lacks it.
    assertThat(migrationFiles(project)).containsExactly("M0001_initial.java");
    assertThat(index(project)).containsExactly("library.0001_initial");
  }

  @Test
  void aPartialCompileDropsIndexLinesWhoseClassIsGone() throws IOException {
    write(
        "src/com/example/shop/Order.java",
        "package com.example.shop;\nimport dev.migrata.annotations.*;\n@Model\n"
            + "public class Order { @Field(maxLength = 10) String code; }\n");
    assertThat(javac(project, allSources(project)).success()).isTrue();
    assertThat(index(project)).containsExactly("library.0001_initial", "shop.0001_initial");

    // The shop app is deleted, sources and classes; only Book.java is compiled again.
    for (String dir : List.of("src/com/example/shop", "classes/com/example/shop")) {
      try (Stream<Path> files = Files.walk(project.resolve(dir))) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    write("src/com/example/library/Book.java", book("  @Field(defaultValue = \"0\") int rating;\n"));
    Result r = javac(project, List.of(project.resolve("src/com/example/library/Book.java")));
    assertThat(r.success()).as(r.messages(Diagnostic.Kind.ERROR)).isTrue();
    assertThat(r.messages(Diagnostic.Kind.WARNING))
        .contains(
            "[migrata.W051] The migration index of the previous compile names the migration"
                + " shop.0001_initial, whose class com.example.shop.migrations.M0001_initial no"
                + " longer exists");
    assertThat(index(project)).containsExactly("library.0001_initial", "library.0002_book_rating");
  }

  @Test
  void compilingOnlyTheChangedModelAgainstClassFilesGivesTheSameMigration(@TempDir Path other) {
    // Full compile in one project, partial compile (Book.java alone) in a copy of it.
    assertThat(javac(project, allSources(project)).success()).isTrue();
    copy(project, other);
    String edited = book("  @Field(defaultValue = \"0\") int rating;\n");
    write("src/com/example/library/Book.java", edited);
    assertThat(javac(project, allSources(project)).success()).isTrue();

    writeIn(other, "src/com/example/library/Book.java", edited);
    Result partial = javac(other, List.of(other.resolve("src/com/example/library/Book.java")));
    assertThat(partial.success()).as(partial.messages(Diagnostic.Kind.ERROR)).isTrue();
    assertThat(read(other, MIGRATIONS + "/M0002_book_rating.java"))
        .isEqualTo(read(project, MIGRATIONS + "/M0002_book_rating.java"));
    assertThat(other.resolve("classes/com/example/library/migrations/M0002_book_rating.class"))
        .exists();
    assertThat(index(other)).containsExactly("library.0001_initial", "library.0002_book_rating");
  }

  @Test
  void handEditOfAMigrationIsHonouredByTheNextCompile() {
    assertThat(javac(project, allSources(project)).success()).isTrue();
    String m1 = read(project, MIGRATIONS + "/M0001_initial.java");
    write(MIGRATIONS + "/M0001_initial.java", m1.replace("maxLength = 200", "maxLength = 255"));
    write("src/com/example/library/Book.java", book("").replace("maxLength = 200", "maxLength = 255"));
    Result same = javac(project, allSources(project));
    assertThat(same.success()).isTrue();
    assertThat(migrationFiles(project)).containsExactly("M0001_initial.java");

    // Only the migration says 255 now: the next compile alters it back to the model's 200.
    write("src/com/example/library/Book.java", book(""));
    assertThat(javac(project, allSources(project)).success()).isTrue();
    assertThat(migrationFiles(project))
        .containsExactly("M0001_initial.java", "M0002_alter_book_title.java");
    assertThat(read(project, MIGRATIONS + "/M0002_alter_book_title.java")).contains("maxLength = 200");
  }

  @Test
  void checkFailsAndDryRunWarnsWithoutWriting() throws java.io.IOException {
    assertThat(javac(project, allSources(project)).success()).isTrue();
    write("src/com/example/library/Book.java", book("  @Field(defaultValue = \"0\") int rating;\n"));

    Result check = javac(project, allSources(project), "-Amigrata.check=true");
    assertThat(check.success()).isFalse();
    assertThat(check.messages(Diagnostic.Kind.ERROR))
        .contains("Your models in app(s): 'library' have changes that are not yet reflected in a migration")
        .contains("+ Add field rating to book");

    Path book = project.resolve("src/com/example/library/Book.java");
    long beforeDryRun = System.currentTimeMillis();
    Result dryRun = javac(project, allSources(project), "-Amigrata.dryRun=true");
    assertThat(dryRun.success()).isTrue();
    assertThat(dryRun.messages(Diagnostic.Kind.WARNING))
        .contains("Would write library.0002_book_rating: Add field rating to book");
    assertThat(migrationFiles(project)).containsExactly("M0001_initial.java");
    assertThat(Files.getLastModifiedTime(book).toMillis())
        .as("the model's source is newer than the class files the dry run wrote, so an"
            + " incremental build compiles it again and writes the migration")
        .isGreaterThan(beforeDryRun)
        .isGreaterThan(
            Files.getLastModifiedTime(project.resolve("classes/com/example/library/Book.class"))
                .toMillis());
  }

  // --- the scratch build (shared with SquashRoundTripTest) ---

  static Result javac(Path project, List<Path> sources, String... options) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      Path classes = project.resolve("classes");
      Path gen = project.resolve("gen");
      Files.createDirectories(classes);
      Files.createDirectories(gen);
      String annotations =
          Path.of(dev.migrata.annotations.Model.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString();
      List<String> args = new ArrayList<>();
      args.addAll(List.of("-d", classes.toString(), "-s", gen.toString()));
      args.addAll(List.of("-cp", annotations + File.pathSeparator + classes));
      // The test's own classpath holds the processor, the runtime and JavaPoet.
      args.addAll(List.of("-processorpath", System.getProperty("java.class.path")));
      args.addAll(List.of(options));
      Iterable<? extends JavaFileObject> units =
          files.getJavaFileObjectsFromPaths(sources);
      boolean ok = compiler.getTask(null, files, diagnostics, args, null, units).call();
      return new Result(ok, diagnostics.getDiagnostics());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static List<Path> allSources(Path project) {
    try (Stream<Path> files = Files.walk(project.resolve("src"))) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> migrationFiles(Path project) {
    return Compiling.files(project.resolve("src"), "com.example.library.migrations");
  }

  static List<String> index(Path project) {
    Path index = project.resolve("classes").resolve(MigrationIndex.RESOURCE);
    List<MigrationDefinition> read = MigrationIndex.read(read(project, "classes/" + MigrationIndex.RESOURCE), index.toString());
    return read.stream().map(m -> m.key().toString()).toList();
  }

  private void write(String relative, String text) {
    writeIn(project, relative, text);
  }

  static void writeIn(Path project, String relative, String text) {
    try {
      Path file = project.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      // javac decides what is stale by time stamps; make the edit clearly newer.
      file.toFile().setLastModified(System.currentTimeMillis() + 2000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path project, String relative) {
    try {
      return Files.readString(project.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
