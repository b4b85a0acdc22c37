package dev.migrata.samples.shop;

import dev.migrata.test.MigrationTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shop's generated history (a cross-app cycle, many-to-many with and without a through model, a
 * custom field type) proved with the test kit: every migration reversible, and the migrated schema
 * the one the models describe, on SQLite, PostgreSQL and MariaDB.
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
}
