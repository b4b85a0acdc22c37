package dev.migrata.cli;

import static dev.migrata.Fixtures.library;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** migrate -v 2: every migration and every operation with its time, Django's " (0.012s)". */
class OperationTimingTest extends CliTestBase {
  Db db;

  @BeforeEach
  void setUp() throws Exception {
    db = new Db(dir);
    index(library());
  }

  /** The times differ from run to run; their format does not. */
  private String untimed() {
    assertThat(out).containsPattern(" \\(\\d+\\.\\d{3}s\\)\n");
    return out.replaceAll(" \\(\\d+\\.\\d{3}s\\)\n", " (T)\n");
  }

  @Test
  void verbosityTwoTimesEachOperationUnderItsMigration() {
    assertThat(run("migrate", "-v", "2", "--url", db.url)).as(err).isZero();
    assertThat(untimed())
        .isEqualTo(
            lines(
                "Operations to perform:",
                "  Apply all migrations: library",
                "Running migrations:",
                "  Applying library.0001_initial... OK (T)",
                "    Create model Author (T)",
                "    Create model Book (T)",
                "  Applying library.0002_book_rating... OK (T)",
                "    Add field rating to book (T)",
                "  Applying library.0003_data... OK (T)",
                "    Raw SQL operation (T)"));
    assertThat(err).isEmpty();

    assertThat(run("migrate", "library", "0001", "-v", "2", "--url", db.url)).as(err).isZero();
    assertThat(untimed())
        .isEqualTo(
            lines(
                "Operations to perform:",
                "  Target specific migration: 0001_initial, from library",
                "Running migrations:",
                "  Rendering model states... DONE",
                "  Unapplying library.0003_data... OK (T)",
                "    Undo Raw SQL operation (T)",
                "  Unapplying library.0002_book_rating... OK (T)",
                "    Undo Add field rating to book (T)"));
  }

  @Test
  void verbosityOneIsUnchanged() {
    assertThat(run("migrate", "--url", db.url)).as(err).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "Operations to perform:",
                "  Apply all migrations: library",
                "Running migrations:",
                "  Applying library.0001_initial... OK",
                "  Applying library.0002_book_rating... OK",
                "  Applying library.0003_data... OK"));
    assertThat(err).isEmpty();
  }

  @Test
  void fakedMigrationsRunNoOperationToTime() {
    assertThat(run("migrate", "--fake", "-v", "2", "--url", db.url)).as(err).isZero();
    assertThat(untimed())
        .isEqualTo(
            lines(
                "Operations to perform:",
                "  Apply all migrations: library",
                "Running migrations:",
                "  Applying library.0001_initial... FAKED (T)",
                "  Applying library.0002_book_rating... FAKED (T)",
                "  Applying library.0003_data... FAKED (T)"));
  }
}
