package dev.migrata.cli;

import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.plus;
import static dev.migrata.Fixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code migrate --check-schema} (issue 14): the drift check's lines and exit code, on SQLite. */
class CheckSchemaCommandTest extends CliTestBase {
  Db db;

  @BeforeEach
  void setUp() throws Exception {
    db = new Db(dir);
    index(plus(library(), shop()));
  }

  @Test
  void aMigratedDatabaseHasNoDifferencesAndExitsZero() {
    assertThat(run("migrate", "--url", db.url)).isZero();
    assertThat(run("migrate", "--check-schema", "--url", db.url)).isZero();
    assertThat(out)
        .isEqualTo(
            lines("Checking the schema against the applied migrations:", "  No differences."));
    assertThat(err).isEmpty();
  }

  @Test
  void onlyTheAppliedMigrationsAreCompared() throws Exception {
    assertThat(run("migrate", "library", "0001", "--url", db.url)).isZero();
    assertThat(run("migrate", "--check-schema", "--url", db.url)).isZero();
    assertThat(out).endsWith(lines("  No differences."));
    assertThat(db.history()).as("nothing was migrated").hasSize(1);
  }

  @Test
  void handMadeChangesAreListedOnePerLineAndExitOne() throws Exception {
    assertThat(run("migrate", "--url", db.url)).isZero();
    db.exec("ALTER TABLE library_book ADD COLUMN isbn varchar(13)", "DROP TABLE shop_order");
    assertThat(run("migrate", "--check-schema", "--url", db.url)).isEqualTo(1);
    assertThat(out)
        .isEqualTo(
            lines(
                "Checking the schema against the applied migrations:",
                "  library_book.isbn: column is not in the applied migrations",
                "  shop_order: table is missing"));

    assertThat(run("migrate", "--check-schema", "-v", "0", "--url", db.url)).isEqualTo(1);
    assertThat(out)
        .isEqualTo(
            lines(
                "  library_book.isbn: column is not in the applied migrations",
                "  shop_order: table is missing"));
  }

  @Test
  void withCheckItAlsoExitsOneWhenMigrationsAreUnapplied() {
    assertThat(run("migrate", "library", "0001", "--url", db.url)).isZero();
    assertThat(run("migrate", "--check-schema", "--check", "--url", db.url)).isEqualTo(1);
    assertThat(out).endsWith(lines("  No differences."));
  }
}
