package dev.migrata;

import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.plus;
import static dev.migrata.Fixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A missing or incomplete migration index is an error that blames the build, never the history;
 * rows of migrations that are gone are reported once ({@link PruneTest} deletes them).
 */
class HistorySafetyTest {
  @TempDir Path dir;
  Db db;

  @BeforeEach
  void setUp() {
    db = new Db(dir);
  }

  private Migrata migrata(List<MigrationDefinition> migrations) {
    return db.configure(migrations).load();
  }

  private void insertRow(String app, String name) throws Exception {
    db.exec(
        "INSERT INTO migrata_migrations (app, name, applied) VALUES ('"
            + app
            + "', '"
            + name
            + "', CURRENT_TIMESTAMP)");
  }

  @Test
  void noIndexOnTheClassPathIsAnErrorEvenOnAnEmptyDatabase() {
    ClassLoader nothing = new URLClassLoader(new URL[0], null);
    MigrataException e =
        catchThrowableOfType(
            MigrataException.class, () -> db.configure().classLoader(nothing).load());
    assertThat(e.code()).isEqualTo(ErrorCode.NO_INDEX);
    assertThat(e)
        .hasMessage(
            "No migration index (META-INF/migrata/index) on the class path. "
                + History.PROCESSOR_HINT);
    assertThat(e.getMessage()).contains("annotationProcessorPaths").doesNotContain("delete");
  }

  @Test
  void anEmptyIndexMeansNoMigrations() throws Exception {
    Path index = Files.createDirectories(dir.resolve("classes/META-INF/migrata")).resolve("index");
    Files.writeString(index, "# migrata index v1\n");
    ClassLoader classes = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()});
    Migrata m = db.configure().classLoader(classes).load();
    assertThat(m.migrate()).isEmpty();
    assertThat(m.plan().header()).isEqualTo("Apply all migrations: (none)");
  }

  @Test
  void aHistoryNamingAnAppTheIndexLacksBlamesTheBuild() throws Exception {
    migrata(plus(library(), shop())).migrate();

    Migrata partial = migrata(library());
    MigrataException plan = catchThrowableOfType(MigrataException.class, partial::plan);
    MigrataException migrate = catchThrowableOfType(MigrataException.class, partial::migrate);
    MigrataException prune =
        catchThrowableOfType(MigrataException.class, () -> partial.prune("library"));
    for (MigrataException e : List.of(plan, migrate, prune)) {
      assertThat(e.code()).isEqualTo(ErrorCode.NO_INDEX);
      assertThat(e)
          .hasMessage(
              "The history table records 1 migration of app 'shop', which the migration index on"
                  + " the class path does not have (it has 'library'). "
                  + History.PROCESSOR_HINT);
      assertThat(e.getMessage()).doesNotContain("delete");
    }
    assertThat(catchThrowableOfType(MigrataException.class, () -> migrata(List.of()).plan()))
        .hasMessageStartingWith(
            "The history table records 4 migrations of apps 'library', 'shop', which the"
                + " migration index on the class path does not have (it has no apps). ");
    // Nothing was touched.
    assertThat(db.history()).hasSize(4);
  }

  @Test
  void rowsOfVanishedMigrationsAreOneNotice() throws Exception {
    migrata(library()).migrate();
    assertThat(migrata(library()).plan().unknownHistoryNotice()).isEmpty();
    insertRow("library", "0099_gone");
    assertThat(migrata(library()).plan().unknownHistoryNotice())
        .isEqualTo(
            "The history table records 1 migration that is not in the code (ignored):"
                + " library.0099_gone. If it was removed on purpose, delete its row with: migrate"
                + " library --prune");
    for (int i = 10; i < 22; i++) {
      insertRow("library", "00" + i + "_gone");
    }
    MigrationPlan plan = migrata(library()).plan();
    assertThat(plan.unknownHistory()).hasSize(13);
    assertThat(plan.unknownHistoryNotice())
        .isEqualTo(
            "The history table records 13 migrations that are not in the code (ignored):"
                + " library.0010_gone, library.0011_gone, library.0012_gone, library.0013_gone,"
                + " library.0014_gone, library.0015_gone, library.0016_gone, library.0017_gone,"
                + " library.0018_gone, library.0019_gone and 3 more. If they were removed on"
                + " purpose, delete their rows with: migrate library --prune");
    // Ignored, as Django: the known migrations are all applied.
    assertThat(plan.migrations()).isEmpty();

    assertThat(
            History.notice(
                List.of(new MigrationKey("shop", "0009_x"), new MigrationKey("library", "0009_y"))))
        .isEqualTo(
            "The history table records 2 migrations that are not in the code (ignored):"
                + " library.0009_y, shop.0009_x. If they were removed on purpose, delete their rows"
                + " with: migrate APP --prune (for each of library, shop)");
  }
}
