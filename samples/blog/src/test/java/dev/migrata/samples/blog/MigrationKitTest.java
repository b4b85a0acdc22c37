package dev.migrata.samples.blog;

import dev.migrata.test.MigrationTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The blog's generated migrations, every step of its evolution, proved with the test kit on SQLite,
 * PostgreSQL and MariaDB: each one applied, unapplied and applied again leaves the same schema, and
 * the fully migrated schema is the one the models describe.
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
  void everythingUnappliesToAnEmptyDatabase(String server) {
    try (MigrationTester tester = MigrationTester.create(server)) {
      tester.migrate();
      tester.migrateTo("posts", "zero");
      tester.migrateTo("accounts", "zero");
      org.assertj.core.api.Assertions.assertThat(tester.schema().tables())
          .noneMatch(t -> t.startsWith("accounts_") || t.startsWith("posts_"));
    }
  }
}
