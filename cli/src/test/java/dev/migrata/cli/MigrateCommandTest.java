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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** migrate's -v 0, --prune and the --fake-initial hint (issues 8 and 12), on SQLite. */
class MigrateCommandTest extends CliTestBase {
  Db db;

  @BeforeEach
  void setUp() throws Exception {
    db = new Db(dir);
    index(plus(library(), shop()));
  }

  @Test
  void verbosityZeroPrintsNothing() throws Exception {
    assertThat(run("migrate", "-v", "0", "--url", db.url)).isZero();
    assertThat(out).isEmpty();
    assertThat(err).isEmpty();
    assertThat(db.history()).hasSize(4);
    assertThat(run("migrate", "library", "zero", "--verbosity", "0", "--url", db.url)).isZero();
    assertThat(out).isEmpty();
    assertThat(db.history()).isEmpty();
  }

  @Test
  void anEditedAppliedMigrationIsMarkedRefusedAndCanBeAccepted() throws Exception {
    index(library());
    assertThat(run("migrate", "--url", db.url)).isZero();
    List<MigrationDefinition> edited = new java.util.ArrayList<>(library());
    edited.set(
        2,
        Fixtures.migration("library", "0003_data")
            .dependsOn("library", "0002_book_rating")
            .ops(new RunSql(List.of("SELECT 2"), List.of(""), false)));
    index(edited);

    assertThat(run("showmigrations", "library", "--url", db.url)).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "library",
                " [X] 0001_initial",
                " [X] 0002_book_rating",
                " [X] 0003_data (changed since applied)"));
    assertThat(run("migrate", "--url", db.url)).isEqualTo(1);
    assertThat(err)
        .contains(
            "Error: Migration library.0003_data was changed after it was applied: operation 1"
                + " (Raw SQL operation) differs from the one applied.")
        .contains("migrate --accept-changed library 0003_data.");
    assertThat(run("migrate", "--accept-changed", "library", "0003", "--url", db.url)).isZero();
    assertThat(out).isEqualTo(lines("Accepted the current form of library.0003_data as applied."));
    assertThat(run("migrate", "--url", db.url)).isZero();
    assertThat(err).isEmpty();
  }

  @Test
  void leaseLockTakesTheLockAsALeaseRow() throws Exception {
    assertThat(run("migrate", "--url", db.url, "--lease-lock", "5")).isZero();
    assertThat(db.history()).hasSize(4);
    assertThat(db.rows("SELECT count(*) FROM migrata_lock")).containsExactly("0");
    assertThat(run("migrate", "--url", db.url, "--lease-lock", "0")).isEqualTo(1);
    assertThat(err).isEqualTo("Error: --lease-lock must be at least 1 second.\n");
  }

  @Test
  void ddlLockOptionsAreAcceptedAndChecked() throws Exception {
    assertThat(run("migrate", "--url", db.url, "--ddl-lock-timeout", "2.5", "--ddl-retries", "1"))
        .isZero();
    assertThat(db.history()).hasSize(4);
    assertThat(run("migrate", "--url", db.url, "--ddl-retries", "-1")).isEqualTo(1);
    assertThat(err).isEqualTo("Error: --ddl-retries must be zero or more.\n");
    assertThat(run("migrate", "--url", db.url, "--ddl-lock-timeout", "-1")).isEqualTo(1);
    assertThat(err).isEqualTo("Error: --ddl-lock-timeout must be zero or more seconds.\n");
  }

  @Test
  void batchSizeIsAcceptedAndChecked() throws Exception {
    assertThat(run("migrate", "--url", db.url, "--batch-size", "0")).isEqualTo(1);
    assertThat(err).isEqualTo("Error: The backfill batch size must be positive; got 0.\n");
    assertThat(run("migrate", "--url", db.url, "--batch-size", "250")).isZero();
    assertThat(db.history()).hasSize(4);
  }

  @Test
  void sqlmigrateChecksItsDdlLockTimeout() throws Exception {
    assertThat(run("sqlmigrate", "library", "0003", "--url", db.url, "--ddl-lock-timeout", "-1"))
        .isEqualTo(1);
    assertThat(err).isEqualTo("Error: --ddl-lock-timeout must be zero or more seconds.\n");
    // SQLite has no lock_timeout: the script is as without the option.
    assertThat(run("sqlmigrate", "library", "0003", "--url", db.url, "--ddl-lock-timeout", "3"))
        .isZero();
    assertThat(out).doesNotContain("lock_timeout");
  }

  @Test
  void pruneDeletesTheAppsRowsOfMigrationsThatNoLongerExist() throws Exception {
    run("migrate", "--url", db.url);
    record("library", "0099_gone");
    record("library", "0098_gone_too");
    record("shop", "0042_old");
    assertThat(run("migrate", "--url", db.url)).isZero();
    assertThat(err)
        .isEqualTo(
            lines(
                "Warning: The history table records 3 migrations that are not in the code"
                    + " (ignored): library.0098_gone_too, library.0099_gone, shop.0042_old. If"
                    + " they were removed on purpose, delete their rows with: migrate APP --prune"
                    + " (for each of library, shop)"));
    assertThat(run("migrate", "library", "--prune", "--url", db.url)).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "Pruning migrations:",
                "  Pruning library.0098_gone_too OK",
                "  Pruning library.0099_gone OK"));
    assertThat(err).isEmpty();
    assertThat(db.history())
        .doesNotContain("library.0099_gone", "library.0098_gone_too")
        .contains("shop.0042_old", "library.0001_initial");

    assertThat(run("migrate", "library", "--prune", "--url", db.url)).isZero();
    assertThat(out).isEqualTo(lines("Pruning migrations:", "  No migrations to prune."));

    assertThat(run("migrate", "--url", db.url)).isZero();
    assertThat(err)
        .isEqualTo(
            lines(
                "Warning: The history table records 1 migration that is not in the code"
                    + " (ignored): shop.0042_old. If it was removed on purpose, delete its row"
                    + " with: migrate shop --prune"));

    assertThat(run("migrate", "shop", "--prune", "-v", "0", "--url", db.url)).isZero();
    assertThat(out).isEmpty();
    assertThat(db.history()).doesNotContain("shop.0042_old").hasSize(4);
    assertThat(run("migrate", "--url", db.url)).isZero();
    assertThat(err).isEmpty();
  }

  @Test
  void pruneTakesAnAppTheCodeNoLongerHas() throws Exception {
    run("migrate", "--url", db.url);
    record("oldapp", "0001_initial");
    // An app only the history knows looks like a broken build: migrate refuses and blames it.
    assertThat(run("migrate", "--url", db.url)).isEqualTo(1);
    assertThat(err)
        .startsWith("Error: The history table records 1 migration of app 'oldapp', which the")
        .contains("annotationProcessorPaths");
    // Removed on purpose: --prune deletes its rows, and migrate goes on.
    assertThat(run("migrate", "oldapp", "--prune", "--url", db.url)).isZero();
    assertThat(out).isEqualTo(lines("Pruning migrations:", "  Pruning oldapp.0001_initial OK"));
    assertThat(db.history()).hasSize(4).doesNotContain("oldapp.0001_initial");
    assertThat(run("migrate", "--url", db.url)).isZero();
  }

  @Test
  void pruneMigratesNothingAndNeedsAnApp() throws Exception {
    assertThat(run("migrate", "library", "--prune", "--url", db.url)).isZero();
    assertThat(out).isEqualTo(lines("Pruning migrations:", "  No migrations to prune."));
    assertThat(db.tables()).doesNotContain("library_author");

    assertThat(run("migrate", "--prune", "--url", db.url)).isEqualTo(1);
    assertThat(err)
        .isEqualTo(lines("Error: Migrations can be pruned only when an app is specified."));
  }

  @Test
  void pruneRefusesWhileASquashStillReplacesAGoneMigration() throws Exception {
    run("migrate", "library", "--url", db.url);
    // The originals were deleted, but the squash still lists them in replaces.
    index(
        List.of(
            Fixtures.migration("library", "0001_squashed_0003_data")
                .replaces("library", "0001_initial")
                .replaces("library", "0002_book_rating")
                .replaces("library", "0003_data")
                .ops()));
    assertThat(run("migrate", "library", "--prune", "--url", db.url)).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "Pruning migrations:",
                "  Cannot use --prune because the following squashed migrations have their"
                    + " 'replaces' attributes and may not be recorded as applied:",
                "    library.0001_squashed_0003_data",
                "  Re-run 'migrate' if they are not marked as applied, and remove 'replaces'"
                    + " attributes in their migration classes."));
    assertThat(db.history()).contains("library.0001_initial", "library.0003_data");
  }

  @Test
  void tablesWithoutHistorySuggestFakeInitial() throws Exception {
    db.exec("CREATE TABLE \"library_author\" (\"id\" integer NOT NULL PRIMARY KEY)");
    assertThat(run("migrate", "--url", db.url)).isEqualTo(1);
    assertThat(out).endsWith("Running migrations:\n  Applying library.0001_initial...\n");
    assertThat(err)
        .startsWith("Error: Applying library.0001_initial failed at operation 1 (Create model")
        .contains("already exists")
        .endsWith(
            " Its tables already exist, but the history (migrata_migrations) does not record"
                + " library.0001_initial: if the database was created before Migrata managed it,"
                + " run migrate --fake-initial to record the initial migrations whose tables all"
                + " exist.\n");
    assertThat(err.lines().count()).isEqualTo(1);
  }

  @Test
  void otherFailuresGetNoFakeInitialHint() throws Exception {
    List<MigrationDefinition> migrations = new java.util.ArrayList<>(library());
    migrations.add(
        Fixtures.migration("library", "0004_bad")
            .dependsOn("library", "0003_data")
            .ops(new RunSql(List.of("CREATE TABLE library_author (id integer)"), null, false)));
    index(migrations);
    assertThat(run("migrate", "--url", db.url)).isEqualTo(1);
    assertThat(err)
        .startsWith("Error: Applying library.0004_bad failed at operation 1")
        .contains("already exists")
        .doesNotContain("--fake-initial");
  }

  private void record(String app, String name) throws Exception {
    db.exec(
        "INSERT INTO migrata_migrations (app, name, applied) VALUES ('"
            + app
            + "', '"
            + name
            + "', CURRENT_TIMESTAMP)");
  }
}
