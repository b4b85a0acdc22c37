package dev.migrata.cli;

import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.plus;
import static dev.migrata.Fixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import dev.migrata.Fixtures;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.RunSql;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CLI against a real index on a class path and a real SQLite file, asserting exact output. */
class MainTest extends CliTestBase {
  Db db;

  @BeforeEach
  void setUp() throws Exception {
    db = new Db(dir);
    index(plus(library(), shop()));
  }

  @Test
  void migrateAllThenNothingToApply() {
    assertThat(run("migrate", "--url", db.url)).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "Operations to perform:",
                "  Apply all migrations: library, shop",
                "Running migrations:",
                "  Applying library.0001_initial... OK",
                "  Applying library.0002_book_rating... OK",
                "  Applying library.0003_data... OK",
                "  Applying shop.0001_initial... OK"));
    assertThat(err).isEmpty();

    assertThat(run(Map.of("MIGRATA_URL", db.url), "migrate")).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "Operations to perform:",
                "  Apply all migrations: library, shop",
                "Running migrations:",
                "  No migrations to apply."));
  }

  @Test
  void fakeBackwardsRendersStatesAsDjangoDoes() {
    // Django's executor renders the states before unapplying, faked or not, and says so.
    run("migrate", "--url", db.url);
    assertThat(run("migrate", "library", "0002", "--fake", "--url", db.url)).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "Operations to perform:",
                "  Target specific migration: 0002_book_rating, from library",
                "Running migrations:",
                "  Rendering model states... DONE",
                "  Unapplying library.0003_data... FAKED"));
  }

  @Test
  void migrateBackwardsToATargetAndToZeroWithTimings() {
    run("migrate", "--url", db.url);
    assertThat(run("migrate", "library", "0001", "--url", db.url)).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "Operations to perform:",
                "  Target specific migration: 0001_initial, from library",
                "Running migrations:",
                "  Rendering model states... DONE",
                "  Unapplying shop.0001_initial... OK",
                "  Unapplying library.0003_data... OK",
                "  Unapplying library.0002_book_rating... OK"));
    assertThat(run("migrate", "library", "zero", "-v", "2", "--url", db.url)).isZero();
    assertThat(out)
        .startsWith(lines("Operations to perform:", "  Unapply all migrations: library"))
        .containsPattern("\n  Unapplying library.0001_initial\\.\\.\\. OK \\(\\d+\\.\\d{3}s\\)\n");
  }

  @Test
  void planAndCheck() {
    assertThat(run("migrate", "library", "0003", "--plan", "--url", db.url)).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "Planned operations:",
                "library.0001_initial",
                "    Create model Author",
                "    Create model Book",
                "library.0002_book_rating",
                "    Add field rating to book",
                "library.0003_data",
                "    Raw SQL operation -> INSERT INTO library_author (name) V…"));
    assertThat(run("migrate", "--check", "--url", db.url)).isEqualTo(1);
    assertThat(out).isEmpty();
    assertThat(db.url).isNotNull();

    run("migrate", "--url", db.url);
    assertThat(run("migrate", "--check", "--url", db.url)).isZero();
    assertThat(run("migrate", "library", "0001", "--plan", "--url", db.url)).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "Planned operations:",
                "shop.0001_initial",
                "    Undo Create model Order",
                "library.0003_data",
                "    Raw SQL operation -> DELETE FROM library_author WHERE na…",
                "library.0002_book_rating",
                "    Undo Add field rating to book"));
    run("migrate", "--plan", "--url", db.url);
    assertThat(out).isEqualTo(lines("Planned operations:", "  No planned migration operations."));
  }

  @Test
  void fakeEndsLinesWithFaked() throws Exception {
    assertThat(run("migrate", "library", "0001", "--fake", "--noinput", "--url", db.url)).isZero();
    assertThat(out).contains("  Applying library.0001_initial... FAKED\n");
    assertThat(db.tables()).containsExactly("migrata_migrations");
  }

  /** Django's showmigrations -v 2: each applied migration with when it was recorded. */
  @Test
  void showMigrationsAtVerbosityTwoSaysWhenEachWasApplied() {
    run("migrate", "library", "0001", "--url", db.url);
    assertThat(run("showmigrations", "library", "-v", "2", "--url", db.url)).isZero();
    assertThat(out)
        .matches(
            "library\n"
                + " \\[X\\] 0001_initial \\(applied at \\d{4}-\\d\\d-\\d\\d"
                + " \\d\\d:\\d\\d:\\d\\d\\)\n"
                + " \\[ \\] 0002_book_rating\n"
                + " \\[ \\] 0003_data\n");
  }

  @Test
  void showMigrationsListAndPlan() {
    run("migrate", "library", "0002", "--url", db.url);
    assertThat(run("showmigrations", "--url", db.url)).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "library",
                " [X] 0001_initial",
                " [X] 0002_book_rating",
                " [ ] 0003_data",
                "shop",
                " [ ] 0001_initial"));
    assertThat(run("showmigrations", "--plan", "-v", "2", "--url", db.url)).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "[X]  library.0001_initial",
                "[X]  library.0002_book_rating ... (library.0001_initial)",
                "[ ]  library.0003_data ... (library.0002_book_rating)",
                "[ ]  shop.0001_initial ... (library.0002_book_rating)"));
    assertThat(run("showmigrations", "nope", "--url", db.url)).isEqualTo(1);
    assertThat(err).isEqualTo(lines("Error: App 'nope' does not have migrations."));
    assertThat(run("showmigrations", "nope", "--plan", "--url", db.url)).isEqualTo(1);
    assertThat(err).isEqualTo(lines("Error: App 'nope' does not have migrations."));
  }

  @Test
  void sqlMigrate() {
    assertThat(run("sqlmigrate", "library", "0003", "--url", db.url)).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "BEGIN;",
                "--",
                "-- Raw SQL operation",
                "--",
                "INSERT INTO library_author (name) VALUES ('Ann');",
                "COMMIT;"));
    assertThat(run("sqlmigrate", "shop", "0001_initial", "--backwards", "--url", db.url)).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "BEGIN;",
                "--",
                "-- Create model Order",
                "--",
                "DROP TABLE \"shop_order\";",
                "COMMIT;"));
  }

  @Test
  void errorsAreOneLineWithoutStackTrace() {
    assertThat(run("migrate", "library", "000", "--url", db.url)).isEqualTo(1);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: More than one migration matches '000' in app 'library'. Please be more"
                    + " specific."));
    assertThat(out).isEmpty();

    assertThat(run("migrate")).isEqualTo(1);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: No database URL: pass --url or set MIGRATA_URL (e.g."
                    + " jdbc:sqlite:app.db)."));

    assertThat(run("migrate", "--bogus")).isEqualTo(2);
    assertThat(err).isEqualTo(lines("Error: Unknown option: '--bogus'. See 'migrate --help'."));
  }

  @Test
  void failingMigrationPrintsItsLineThenOneError() throws Exception {
    List<MigrationDefinition> migrations = new java.util.ArrayList<>(library());
    migrations.add(
        dev.migrata.Fixtures.migration("library", "0004_bad")
            .dependsOn("library", "0003_data")
            .ops(new dev.migrata.internal.operations.RunSql(List.of("NOT SQL"), null, false)));
    index(migrations);
    assertThat(run("migrate", "--url", db.url)).isEqualTo(1);
    assertThat(out).endsWith("  Applying library.0004_bad...\n");
    assertThat(err).startsWith("Error: Applying library.0004_bad failed at operation 1");
    assertThat(err.lines().count()).isEqualTo(1);
    assertThat(db.history()).hasSize(3);
  }

  @Test
  void aFailureWithoutRollbackIsOneErrorBlockNamingWhatRan() throws Exception {
    index(
        List.of(
            Fixtures.migration("library", "0001_initial")
                .atomic(false)
                .ops(
                    Fixtures.createModel("library", "Author", Fixtures.id()),
                    new RunSql(List.of("NOT SQL"), null, false),
                    new RunSql(List.of("SELECT 1"), null, false))));
    assertThat(run("migrate", "--url", db.url, "--lock-timeout", "5")).isEqualTo(1);
    assertThat(out).endsWith("Running migrations:\n  Applying library.0001_initial...\n");
    assertThat(err)
        .startsWith(
            "Error: Applying library.0001_initial failed at operation 2 (Raw SQL operation): ")
        .contains(
            "\nThe migration is not atomic (atomic = false), so nothing was rolled back."
                + " library.0001_initial was not recorded as applied.\n"
                + "Applied:\n"
                + "  1. Create model Author\n"
                + "       CREATE TABLE \"library_author\" (\"id\" integer NOT NULL PRIMARY KEY"
                + " AUTOINCREMENT);\n"
                + "Failed (statements above the failed one ran):\n"
                + "  2. Raw SQL operation\n"
                + "       NOT SQL;  <- failed\n"
                + "Not applied:\n"
                + "  3. Raw SQL operation\n")
        .doesNotContain("\tat ");
    assertThat(db.tables()).contains("library_author");
    assertThat(db.history()).isEmpty();
  }

  @Test
  void lockTimeoutIsValidated() {
    assertThat(run("migrate", "--url", db.url, "--lock-timeout", "-1")).isEqualTo(1);
    assertThat(err).isEqualTo("Error: --lock-timeout must be zero or more seconds.\n");
    assertThat(run("migrate", "--url", db.url, "--lock-timeout", "soon")).isEqualTo(2);
  }
}
