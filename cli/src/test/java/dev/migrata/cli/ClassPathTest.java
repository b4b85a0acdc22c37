package dev.migrata.cli;

import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import dev.migrata.internal.migration.MigrationIndex;
import java.io.File;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --classpath}: the migrations come from the paths given, not from the CLI's own class path
 * (which here has none: the context class loader sees no index). The runnable bundle is tested in a
 * fresh JVM by {@code BundleIT}.
 */
class ClassPathTest extends CliTestBase {
  Db db;

  @BeforeEach
  void setUp() {
    db = new Db(dir);
  }

  @Test
  void migrationsComeFromTheGivenDirectory() throws Exception {
    Path classes = indexDirectory(library());
    assertThat(run("migrate", "--url", db.url, "--classpath", classes.toString())).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "Operations to perform:",
                "  Apply all migrations: library",
                "Running migrations:",
                "  Applying library.0001_initial... OK",
                "  Applying library.0002_book_rating... OK",
                "  Applying library.0003_data... OK"));
    assertThat(run("showmigrations", "-cp", classes.toString(), "--url", db.url)).isZero();
    assertThat(out)
        .isEqualTo(
            lines("library", " [X] 0001_initial", " [X] 0002_book_rating", " [X] 0003_data"));
  }

  @Test
  void severalPathsAndTheJarsOfADirectory() throws Exception {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    jar(lib.resolve("shop.jar"), MigrationIndex.write(shop()));
    Files.writeString(lib.resolve("notes.txt"), "not a jar");
    Path classes = indexDirectory(library());
    String paths = classes + File.pathSeparator + lib + File.separator + "*";
    assertThat(run("showmigrations", "--classpath", paths, "--url", db.url)).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "library",
                " [ ] 0001_initial",
                " [ ] 0002_book_rating",
                " [ ] 0003_data",
                "shop",
                " [ ] 0001_initial"));
  }

  @Test
  void aPathThatDoesNotExistIsAnError() throws Exception {
    Path missing = dir.resolve("target/clases");
    assertThat(run("migrate", "--classpath", missing.toString(), "--url", db.url)).isEqualTo(1);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: --classpath: '"
                    + missing
                    + "' does not exist (no such file or directory)."));
    assertThat(run("migrate", "--classpath", dir.resolve("nolib") + "/*", "--url", db.url))
        .isEqualTo(1);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: --classpath: the directory '"
                    + dir.resolve("nolib")
                    + "' does"
                    + " not exist."));
  }

  @Test
  void withoutAnIndexEveryCommandSaysWhereTheMigrationsShouldComeFrom() throws Exception {
    previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(new URLClassLoader(new URL[0], null));
    assertThat(run("migrate", "--url", db.url)).isEqualTo(1);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: No migrations: the class path has no Migrata index"
                    + " (META-INF/migrata/index). Pass the application's compiled classes with"
                    + " --classpath (e.g. --classpath target/classes)."));
    assertThat(out).isEmpty();
    Path empty = Files.createDirectories(dir.resolve("classes-without-processor"));
    assertThat(run("showmigrations", "--url", db.url, "--classpath", empty.toString()))
        .isEqualTo(1);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: No migrations in --classpath "
                    + empty
                    + ": it has no Migrata index"
                    + " (META-INF/migrata/index). Compile the application with migrata-processor"
                    + " on the compiler's annotationProcessorPaths, then pass its classes."));
    assertThat(run("squashmigrations", "library", "0002")).isEqualTo(1);
    assertThat(err).startsWith("Error: No migrations: the class path has no Migrata index");
    assertThat(db.tables()).isEmpty();
  }

  @Test
  void sourceCommandsReadTheIndexFromTheClassPathToo() throws Exception {
    Path classes = indexDirectory(library());
    assertThat(
            run(
                "makemigrations",
                "--empty",
                "library",
                "--name",
                "fill",
                "--classpath",
                classes.toString(),
                "--source-root",
                dir.resolve("src").toString()))
        .isZero();
    assertThat(dir.resolve("src/test/library/M0004_fill.java")).exists();
  }

  private static void jar(Path file, String index) throws Exception {
    try (OutputStream o = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(o)) {
      jar.putNextEntry(new JarEntry(MigrationIndex.RESOURCE));
      jar.write(index.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      jar.closeEntry();
    }
  }
}
