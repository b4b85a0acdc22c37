package dev.migrata.samples.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.test.MigrationTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The library's migrations proved with the test kit (dev.migrata:migrata-test) as a user would:
 * every migration reversible, the migrated schema the one the models describe, and the hand-written
 * data migration catalog 0006 tested on seeded rows, on SQLite, PostgreSQL and MariaDB.
 */
class MigrationKitTest {
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
  void everyMigrationIsReversible(String server) {
    try (MigrationTester tester = MigrationTester.create(server)) {
      tester.assertEveryMigrationReversible();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
  void theMigratedSchemaMatchesTheModels(String server) {
    try (MigrationTester tester = MigrationTester.create(server)) {
      tester.migrate();
      tester.assertSchemaMatchesModels();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
  void fillAuthorSortNameFillsSeededRowsAndItsReverseClearsThem(String server) {
    try (MigrationTester tester = MigrationTester.create(server)) {
      tester.migrateTo("catalog", "0005_author_sort_name");
      for (String name : List.of("Ursula K. Le Guin", "Octavia Butler", "Homer")) {
        tester.insert("catalog_author", Map.of("name", name, "sort_name", ""));
      }

      tester.migrateTo("catalog", "0006_fill_author_sort_name");
      assertThat(sortNames(tester))
          .containsExactly("Le Guin, Ursula K.", "Butler, Octavia", "Homer");

      tester.migrateTo("catalog", "0005");
      assertThat(sortNames(tester)).containsExactly("", "", "");
    }
  }

  private static List<Object> sortNames(MigrationTester tester) {
    return tester.query("SELECT sort_name FROM catalog_author ORDER BY id").stream()
        .map(row -> row.values().iterator().next())
        .toList();
  }
}
