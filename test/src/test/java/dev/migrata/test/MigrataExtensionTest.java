package dev.migrata.test;

import static dev.migrata.Fixtures.library;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The extension: a fresh database per test on the annotated server, removed after the test. */
@ExtendWith(MigrataExtension.class)
@MigrataDatabase("sqlite")
class MigrataExtensionTest {
  @TempDir static Path dir;
  private static ClassLoader previous;
  private static String firstUrl;

  @BeforeAll
  static void index() throws Exception {
    previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(KitFixtures.indexed(dir, library()));
  }

  @AfterAll
  static void restore() {
    Thread.currentThread().setContextClassLoader(previous);
    assertThat(Path.of(firstUrl.substring("jdbc:sqlite:".length())))
        .as("the database is removed after its test")
        .doesNotExist();
  }

  @Test
  void eachTestGetsAFreshMigratableDatabase(MigrationTester tester, TestDatabase database) {
    assertThat(database).isSameAs(tester.database());
    assertThat(database.vendor()).isEqualTo("sqlite");
    assertThat(tester.migrata().plan().migrations()).hasSize(3);
    tester.migrate();
    tester.assertSchemaMatchesModels();
    assertThat(Files.exists(Path.of(database.url().substring("jdbc:sqlite:".length())))).isTrue();
    firstUrl = database.url();
  }

  @Test
  @MigrataDatabase("jdbc:sqlite:")
  void theMethodsServerWins(MigrationTester tester) {
    assertThat(tester.migrata().plan().migrations()).hasSize(3);
  }
}
