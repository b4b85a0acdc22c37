package dev.migrata.processor;

import static dev.migrata.processor.EndToEndTest.allSources;
import static dev.migrata.processor.EndToEndTest.book;
import static dev.migrata.processor.EndToEndTest.index;
import static dev.migrata.processor.EndToEndTest.javac;
import static dev.migrata.processor.EndToEndTest.migrationFiles;
import static dev.migrata.processor.EndToEndTest.read;
import static dev.migrata.processor.EndToEndTest.writeIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's squash round trip on a scratch project: the processor writes a history, the CLI
 * squashes it, the processor replays the squash, and once the squash is turned into a normal
 * migration (originals and {@code replaces} removed) the processor keeps numbering after it.
 */
class SquashRoundTripTest {
  private static final String PKG = "com/example/library/migrations";
  private static final String MIGRATIONS = "src/" + PKG;
  private static final String SQUASH = "0001_squashed_0003_book_isbn";
  private static final String RATING = "  @Field(defaultValue = \"0\") int rating;\n";
  private static final String ISBN = "  @Field(nullable = true, maxLength = 13) String isbn;\n";
  private static final String PAGES = "  @Field(nullable = true) Integer pages;\n";

  @TempDir Path project;
  String out;
  String err;

  @Test
  void squashIsReplayedThenBecomesANormalMigrationTheProcessorBuildsOn() throws IOException {
    writeIn(project, "src/com/example/library/Author.java", EndToEndTest.AUTHOR);
    compile(book(""));
    compile(book(RATING));
    compile(book(RATING + ISBN));
    assertThat(migrationFiles(project))
        .containsExactly(
            "M0001_initial.java", "M0002_book_rating.java", "M0003_book_isbn.java");

    assertThat(squashmigrations("library", "0003")).as(err).isZero();
    assertThat(out).contains("Created new squashed migration");
    String squash = read(project, MIGRATIONS + "/M" + SQUASH + ".java");
    assertThat(squash)
        .contains("name = \"" + SQUASH + "\"")
        .contains("initial = true")
        .contains("replaces = {")
        .contains("name = \"0003_book_isbn\"");

    // The squash stands for the originals: replaying it gives the models' state, nothing new.
    compile(book(RATING + ISBN));
    assertThat(migrationFiles(project))
        .containsExactly(
            "M0001_initial.java",
            "M0001_squashed_0003_book_isbn.java",
            "M0002_book_rating.java",
            "M0003_book_isbn.java");
    assertThat(index(project))
        .containsExactlyInAnyOrder(
            "library.0001_initial",
            "library.0002_book_rating",
            "library.0003_book_isbn",
            "library." + SQUASH);

    assertThat(squashmigrations("library", SQUASH)).isNotZero();
    assertThat(err)
        .contains(
            "You cannot squash squashed migrations! Please transition it to a normal migration"
                + " first: https://docs.djangoproject.com/en/5.2/topics/migrations/#squashing-migrations");

    // Django's transition: delete the originals (sources and, as a clean build would, classes)
    // and drop replaces.
    for (String original : new String[] {"M0001_initial", "M0002_book_rating", "M0003_book_isbn"}) {
      Files.delete(project.resolve(MIGRATIONS + "/" + original + ".java"));
      Files.delete(project.resolve("classes/" + PKG + "/" + original + ".class"));
    }
    String normal = squash.replaceAll("\\s*replaces = \\{[^{}]*\\},?", "");
    assertThat(normal).doesNotContain("replaces").doesNotContain("0002_book_rating");
    writeIn(project, MIGRATIONS + "/M" + SQUASH + ".java", normal);
    compile(book(RATING + ISBN));
    assertThat(migrationFiles(project)).containsExactly("M0001_squashed_0003_book_isbn.java");
    assertThat(read(project, MIGRATIONS + "/M" + SQUASH + ".java")).isEqualTo(normal);
    assertThat(index(project)).containsExactly("library." + SQUASH);

    // Django's parse_number reads 3 from "_squashed_0003", so the next one is 0004.
    compile(book(RATING + ISBN + PAGES));
    assertThat(migrationFiles(project))
        .containsExactly("M0001_squashed_0003_book_isbn.java", "M0004_book_pages.java");
    assertThat(read(project, MIGRATIONS + "/M0004_book_pages.java"))
        .contains("name = \"0004_book_pages\"")
        .contains("dependencies = @Dependency(app = \"library\", name = \"" + SQUASH + "\")");
    assertThat(index(project)).containsExactly("library." + SQUASH, "library.0004_book_pages");
  }

  private void compile(String bookSource) {
    writeIn(project, "src/com/example/library/Book.java", bookSource);
    EndToEndTest.Result r = javac(project, allSources(project));
    assertThat(r.success()).as(r.messages(Diagnostic.Kind.ERROR)).isTrue();
  }

  /** The CLI in process, reading the index of the scratch build's classes as a user's would. */
  private int squashmigrations(String app, String migration) throws IOException {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    URL classes = project.resolve("classes").toUri().toURL();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, null)) {
      thread.setContextClassLoader(loader);
      int code =
          Main.run(
              new String[] {
                "squashmigrations", app, migration, "--source-root", project.resolve("src").toString()
              },
              new PrintStream(o, true, StandardCharsets.UTF_8),
              new PrintStream(e, true, StandardCharsets.UTF_8),
              Map.of());
      out = o.toString(StandardCharsets.UTF_8);
      err = e.toString(StandardCharsets.UTF_8);
      return code;
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
