package dev.migrata;

import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.migration;
import static dev.migrata.Fixtures.plus;
import static dev.migrata.Fixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationIndex;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.state.FieldState;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A no-op {@code migrate()} through the names-only check, on every backend: nothing decoded, one
 * history read, and what the full path reports (an edited migration, an unknown row) still
 * reported.
 */
class UpToDateBackendTest extends OnEveryBackend {
  @Test
  void anUpToDateMigrateDecodesNothingAndReadsTheHistoryOnce() throws Exception {
    db.configure(library()).load().migrate();
    Fixtures.DECODES.set(0);
    CountingDataSource counting = new CountingDataSource(db.url);

    List<PlannedMigration> ran =
        Migrata.configure().dataSource(counting).migrations(library()).load().migrate();

    assertThat(ran).isEmpty();
    assertThat(Fixtures.DECODES.get()).isZero();
    assertThat(counting.sql)
        .filteredOn(s -> s.contains("migrata_migrations"))
        .containsExactly("SELECT app, name, checksum FROM migrata_migrations ORDER BY id");
  }

  @Test
  void anEditedAppliedMigrationStillStopsANoOpMigrate() throws Exception {
    db.configure(library()).load().migrate();
    List<MigrationDefinition> edited = new ArrayList<>(library());
    edited.set(
        1,
        migration("library", "0002_book_rating")
            .dependsOn("library", "0001_initial")
            .ops(
                new AddField(
                    "book",
                    FieldState.builder("rating", "IntegerField").defaultValue("1").build(),
                    true)));

    MigrataException e =
        catchThrowableOfType(MigrataException.class, () -> db.configure(edited).load().migrate());

    assertThat(e.code()).isEqualTo(ErrorCode.CHANGED_MIGRATION);
    assertThat(e.getMessage()).contains("library.0002_book_rating");
  }

  @Test
  void aHistoryRowTheCodeLacksIsStillPlannedThroughTheFullPath() throws Exception {
    db.configure(library()).load().migrate();

    List<PlannedMigration> ran = db.configure(library().subList(0, 2)).load().migrate();

    assertThat(ran).isEmpty();
    assertThat(db.configure(library().subList(0, 2)).load().plan().unknownHistoryNotice())
        .contains("library.0003_data");
  }

  /** A class loader with {@code text} as its migration index. */
  private ClassLoader index(String name, String text) throws Exception {
    Path classes = dir.resolve(name);
    Path file = classes.resolve(MigrationIndex.RESOURCE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
  }

  @Test
  void anUpToDateMigrateFromTheIndexReadsTheHistoryOnceAndAnEditStillStopsIt() throws Exception {
    List<MigrationDefinition> defs = plus(library(), shop());
    String text = MigrationIndex.write(defs);
    ClassLoader cl = index("classes", text);
    assertThat(db.configure().classLoader(cl).load().migrate()).hasSize(4);
    CountingDataSource counting = new CountingDataSource(db.url);

    List<PlannedMigration> ran =
        Migrata.configure().dataSource(counting).classLoader(cl).load().migrate();

    assertThat(ran).isEmpty();
    assertThat(counting.sql)
        .filteredOn(s -> s.contains("migrata_migrations"))
        .containsExactly("SELECT app, name, checksum FROM migrata_migrations ORDER BY id");
    // The index's stored checksum of library.0002 edited: the table sees it, the full path says it.
    String edited = text.replace(defs.get(1).checksum(), "0123456789abcdef");
    MigrataException e =
        catchThrowableOfType(
            MigrataException.class,
            () -> db.configure().classLoader(index("edited", edited)).load().migrate());
    assertThat(e.code()).isEqualTo(ErrorCode.CHANGED_MIGRATION);
    assertThat(e.getMessage()).contains("library.0002_book_rating");
  }
}
