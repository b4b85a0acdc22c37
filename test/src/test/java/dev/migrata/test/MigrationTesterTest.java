package dev.migrata.test;

import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.migration;
import static dev.migrata.Fixtures.plus;
import static dev.migrata.Fixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.RichModels;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.RunSql;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;

/** The kit's assertions and row API on each backend, passing and failing as they should. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
class MigrationTesterTest {
  @Parameter String server;
  @TempDir Path dir;
  private MigrationTester tester;

  private MigrationTester tester(List<MigrationDefinition> migrations) throws Exception {
    tester = MigrationTester.create(server, KitFixtures.indexed(dir, migrations));
    return tester;
  }

  @AfterEach
  void drop() {
    if (tester != null) {
      tester.close();
    }
  }

  /** library and shop (a foreign key across apps, a data migration with its reverse). */
  private static List<MigrationDefinition> apps() {
    return plus(library(), shop());
  }

  private static List<MigrationDefinition> withDemo(MigrationDefinition second) {
    List<MigrationDefinition> all = new ArrayList<>(apps());
    all.add(migration("demo", "0001_initial").ops(createModel("demo", "Thing", id())));
    all.add(second);
    return all;
  }

  @Test
  void reversibleMigrationsPassAndLeaveEverythingApplied() throws Exception {
    MigrationTester t = tester(apps());
    t.assertEveryMigrationReversible();
    assertThat(t.migrata().plan().isEmpty()).isTrue();
    t.assertSchemaMatchesModels();
  }

  @Test
  void everyFieldTypeAndSchemaObjectIsReversibleAndMatchesItsModels() throws Exception {
    MigrationTester t = tester(RichModels.migrations());
    t.assertEveryMigrationReversible();
    t.assertSchemaMatchesModels();
  }

  @Test
  void anIrreversibleMigrationFailsNamingIt() throws Exception {
    MigrationDefinition irreversible =
        migration("demo", "0002_irreversible")
            .dependsOn("demo", "0001_initial")
            .ops(new RunSql(List.of("UPDATE demo_thing SET id = id"), null, false));
    MigrationTester t = tester(withDemo(irreversible));
    assertThatThrownBy(t::assertEveryMigrationReversible)
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith(
            "Migration demo.0002_irreversible is not reversible: could not unapply it: ");
  }

  @Test
  void anAsymmetricMigrationFailsNamingItAndTheDifference() throws Exception {
    MigrationDefinition asymmetric =
        migration("demo", "0002_asymmetric")
            .dependsOn("demo", "0001_initial")
            .ops(
                new RunSql(
                    List.of("ALTER TABLE demo_thing ADD COLUMN note varchar(10) NULL"),
                    List.of(""),
                    false));
    MigrationTester t = tester(withDemo(asymmetric));
    assertThatThrownBy(t::assertEveryMigrationReversible)
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage(
            "Migration demo.0002_asymmetric is not reversible: the schema after unapplying it"
                + " differs from before applying it:\n  demo_thing.note: column is new");
  }

  @Test
  void theDriftAssertionFailsOnAHandAlteredSchema() throws Exception {
    MigrationTester t = tester(apps());
    t.migrate();
    t.assertSchemaMatchesModels();
    t.execute(
        "ALTER TABLE "
            + t.quote("library_book")
            + " ADD COLUMN "
            + t.quote("isbn")
            + " varchar(13) NULL");
    assertThatThrownBy(t::assertSchemaMatchesModels)
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage(
            "The schema differs from what the applied migrations describe:\n"
                + "  library_book.isbn: column is not in the applied migrations");
  }

  @Test
  void rowsSeededBetweenStepsMeetTheLaterMigrations() throws Exception {
    MigrationTester t = tester(apps());
    t.migrateTo("library", "0001");
    Object author = t.insert("library_author", Map.of("name", "Ursula"));
    t.insert("library_book", Map.of("title", "The Dispossessed", "author_id", author));

    t.migrateTo("library", "0003");
    assertThat(t.rows("library_book"))
        .singleElement()
        .satisfies(row -> assertThat(number(row, "rating")).isZero());
    assertThat(t.query("SELECT name FROM library_author ORDER BY id"))
        .extracting(row -> row.values().iterator().next())
        .containsExactly("Ursula", "Ann");

    t.migrateTo("library", "0002");
    assertThat(t.query("SELECT count(*) AS n FROM library_author WHERE name = ?", "Ann"))
        .singleElement()
        .satisfies(row -> assertThat(number(row, "n")).isZero());
  }

  /** A numeric column, whatever integer class the driver returns and however it cases labels. */
  private static long number(Map<String, Object> row, String column) {
    return row.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(column))
        .map(e -> ((Number) e.getValue()).longValue())
        .findFirst()
        .orElseThrow();
  }
}
