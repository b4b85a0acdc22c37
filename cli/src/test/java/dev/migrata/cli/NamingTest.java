package dev.migrata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.SquashTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The source commands name migrations as the processor does: no timestamps. */
class NamingTest extends CliTestBase {
  @Test
  void emptyMigrationWithoutANameIsNumberedAfterTheLeafAndCalledAuto() throws Exception {
    index(SquashTest.originals());
    String src = dir.resolve("src").toString();
    assertThat(run("makemigrations", "--empty", "library", "--source-root", src)).isZero();
    Path file = dir.resolve("src/test/library/M0006_auto.java");
    assertThat(out).isEqualTo(lines("Migrations for 'library':", "  " + file));
    assertThat(Files.readString(file)).contains("name = \"0006_auto\"");

    // Run again, the same inputs give the same name, so it is refused rather than renamed.
    assertThat(run("makemigrations", "--empty", "library", "--source-root", src)).isEqualTo(1);
    assertThat(err).isEqualTo("Error: Migration 0006_auto already exists. Use a different name.\n");
  }

  @Test
  void squashFromAStartKeepsItsNumber() throws Exception {
    index(SquashTest.originals());
    String src = dir.resolve("src").toString();
    assertThat(run("squashmigrations", "library", "0002", "0004", "--source-root", src)).isZero();
    assertThat(dir.resolve("src/test/library/M0002_book_squashed_0004_rename_title.java")).exists();
    assertThat(
            run(
                "squashmigrations",
                "library",
                "0002",
                "0004",
                "--squashed-name",
                "tidy",
                "--source-root",
                src))
        .isZero();
    assertThat(dir.resolve("src/test/library/M0002_tidy.java")).exists();
  }
}
