package dev.migrata.processor;

import static dev.migrata.processor.EndToEndTest.allSources;
import static dev.migrata.processor.EndToEndTest.index;
import static dev.migrata.processor.EndToEndTest.migrationFiles;
import static dev.migrata.processor.EndToEndTest.read;
import static dev.migrata.processor.EndToEndTest.writeIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.migration.MigrationIndex;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eclipse's compiler (ecj, what Eclipse and VS Code's Java extension build with) runs the processor
 * found on its processor path, as an IDE's factory path does. ecj has no {@code
 * com.sun.source.util.Trees}, so the source root comes from {@link CompiledFrom}.
 */
class EcjCompileTest {
  @TempDir Path project;

  @BeforeEach
  void scratchProject() {
    writeIn(project, "src/com/example/library/Author.java", EndToEndTest.AUTHOR);
    writeIn(project, "src/com/example/library/Book.java", EndToEndTest.book(""));
  }

  @Test
  void writesTheMigrationIntoTheSourceTreeAsJavacDoes(@TempDir Path withJavac) {
    EndToEndTest.Result r = ecj(project, allSources(project));
    assertCleanRun(r);
    assertThat(r.messages(Diagnostic.Kind.NOTE)).contains("[migrata.I002] Migrata wrote migration");
    assertThat(migrationFiles(project)).containsExactly("M0001_initial.java");
    assertThat(project.resolve("classes/com/example/library/migrations/M0001_initial.class"))
        .exists();
    assertThat(index(project)).containsExactly("library.0001_initial");
    assertThat(project.resolve("gen/com/example/library/migrations/M0001_initial.java"))
        .doesNotExist();

    // Byte for byte what javac writes for the same models.
    writeIn(withJavac, "src/com/example/library/Author.java", EndToEndTest.AUTHOR);
    writeIn(withJavac, "src/com/example/library/Book.java", EndToEndTest.book(""));
    assertThat(EndToEndTest.javac(withJavac, allSources(withJavac)).success()).isTrue();
    String migration = "src/com/example/library/migrations/M0001_initial.java";
    assertThat(read(project, migration)).isEqualTo(read(withJavac, migration));
  }

  @Test
  void aSecondCompileWithTheMigrationPresentWritesNothing() {
    assertCleanRun(ecj(project, allSources(project)));
    String migration = "src/com/example/library/migrations/M0001_initial.java";
    String before = read(project, migration);

    EndToEndTest.Result again = ecj(project, allSources(project));
    assertCleanRun(again);
    assertThat(again.messages(Diagnostic.Kind.NOTE)).doesNotContain("[migrata.I002]");
    assertThat(migrationFiles(project)).containsExactly("M0001_initial.java");
    assertThat(read(project, migration)).isEqualTo(before);

    // A model edit then writes the next migration, also compiled in that build.
    writeIn(
        project,
        "src/com/example/library/Book.java",
        EndToEndTest.book("  @Field(defaultValue = \"0\") int rating;\n"));
    assertCleanRun(ecj(project, allSources(project)));
    assertThat(migrationFiles(project))
        .containsExactly("M0001_initial.java", "M0002_book_rating.java");
    assertThat(project.resolve("classes/com/example/library/migrations/M0002_book_rating.class"))
        .exists();
  }

  @Test
  void theLibrarySampleCompilesWithEcjAndNeedsNoNewMigration() throws IOException {
    Path sample = Path.of(System.getProperty("user.dir"), "../samples/library/src/main/java");
    assertThat(sample.resolve("dev/migrata/samples/library/catalog/package-info.java")).exists();
    copyTree(sample.normalize(), project.resolve("sample"));
    // LibraryApp runs the sample with migrata-runtime, which is not on the processor's classpath.
    Files.delete(project.resolve("sample/dev/migrata/samples/library/LibraryApp.java"));
    List<Path> sources = sources(project.resolve("sample"));

    EndToEndTest.Result r = ecj(project, sources);
    assertCleanRun(r);
    assertThat(r.messages(Diagnostic.Kind.NOTE)).doesNotContain("[migrata.I002]");
    assertThat(sources(project.resolve("sample"))).isEqualTo(sources);
    List<String> indexed =
        MigrationIndex.read(
                read(project, "classes/" + MigrationIndex.RESOURCE), MigrationIndex.RESOURCE)
            .stream()
            .map(m -> m.key().toString())
            .toList();
    assertThat(indexed).contains("catalog.0001_initial", "lending.0001_initial");
  }

  /** Success, no error, and nothing that looks like a stack trace in any message. */
  private static void assertCleanRun(EndToEndTest.Result r) {
    String all = String.join("\n", r.diagnostics().stream().map(d -> d.getMessage(null)).toList());
    assertThat(r.success()).as(all).isTrue();
    assertThat(r.messages(Diagnostic.Kind.ERROR)).isEmpty();
    assertThat(all).doesNotContain("Exception").doesNotContain("\tat ");
  }

  /** ecj through its JSR-199 entry point, with the same layout as {@link EndToEndTest#javac}. */
  static EndToEndTest.Result ecj(Path project, List<Path> sources, String... options) {
    JavaCompiler compiler = new EclipseCompiler();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<JavaFileObject> units = new ArrayList<>();
      files.getJavaFileObjectsFromPaths(sources).forEach(units::add);
      return ecj(project, units, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static EndToEndTest.Result ecj(
      Path project, Iterable<? extends JavaFileObject> units, String... options) {
    JavaCompiler compiler = new EclipseCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Path classes = project.resolve("classes");
      Path gen = project.resolve("gen");
      Files.createDirectories(classes);
      Files.createDirectories(gen);
      String classPath = System.getProperty("java.class.path");
      List<String> args = new ArrayList<>();
      args.addAll(List.of("-17", "-d", classes.toString(), "-s", gen.toString()));
      args.addAll(List.of("-cp", classPath + File.pathSeparator + classes));
      // Found by its service file, as an IDE's factory path finds it.
      args.addAll(List.of("-processorpath", classPath));
      args.addAll(List.of(options));
      boolean ok =
          compiler.getTask(new PrintWriter(out), files, diagnostics, args, null, units).call();
      assertThat(out.toString()).as("ecj's own output").doesNotContain("Exception");
      return new EndToEndTest.Result(ok, diagnostics.getDiagnostics());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> sources(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
