package dev.migrata;

import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.state.FieldState;
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
}
