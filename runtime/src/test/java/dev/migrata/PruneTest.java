package dev.migrata;

import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.migration;
import static dev.migrata.Fixtures.plus;
import static dev.migrata.Fixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Django 4.1's {@code migrate APP --prune} on every backend: the rows of an app's vanished
 * migrations go, under the migration lock, unless a squash still replaces one of them.
 */
class PruneTest extends OnEveryBackend {
  private Migrata migrata(List<MigrationDefinition> migrations) {
    return db.configure(migrations).load();
  }

  private void insertRow(String app, String name) throws Exception {
    db.exec(
        "INSERT INTO migrata_migrations (app, name, applied) VALUES ('" + app + "', '" + name
            + "', CURRENT_TIMESTAMP)");
  }

  @Test
  void pruneDeletesTheRowsOfTheAppsVanishedMigrations() throws Exception {
    migrata(plus(library(), shop())).migrate();
    insertRow("library", "0099_gone");
    insertRow("library", "0098_gone");
    insertRow("shop", "0099_gone");

    PruneResult result = migrata(plus(library(), shop())).prune("library");

    assertThat(result.refused()).isFalse();
    assertThat(result.pruned())
        .containsExactly(
            new MigrationKey("library", "0098_gone"), new MigrationKey("library", "0099_gone"));
    assertThat(db.history())
        .containsExactly(
            "library.0001_initial",
            "library.0002_book_rating",
            "library.0003_data",
            "shop.0001_initial",
            "shop.0099_gone");
    assertThat(migrata(plus(library(), shop())).prune("library").pruned()).isEmpty();

    MigrataException unknown =
        catchThrowableOfType(
            MigrataException.class, () -> migrata(plus(library(), shop())).prune("nope"));
    assertThat(unknown.code()).isEqualTo(ErrorCode.UNKNOWN_APP);
    assertThat(
            catchThrowableOfType(
                MigrataException.class, () -> migrata(plus(library(), shop())).prune(null)))
        .hasMessage("Migrations can be pruned only when an app is specified.");
  }

  @Test
  void pruneRefusesWhileASquashStillReplacesTheVanishedMigrations() throws Exception {
    List<MigrationDefinition> originals =
        SquashTest.originals().stream().filter(m -> m.app().equals("library")).toList();
    migrata(originals).migrate();
    // The originals are deleted; the squash still lists them (its row is recorded by migrate).
    MigrationDefinition squash = SquashTest.squash();
    migrata(List.of(squash)).migrate();

    PruneResult refused = migrata(List.of(squash)).prune("library");

    assertThat(refused.refused()).isTrue();
    assertThat(refused.pruned()).isEmpty();
    assertThat(refused.blockingSquashes()).containsExactly(squash.key());
    assertThat(db.history()).hasSize(6);

    // Its replaces removed, the squash is an ordinary migration: the originals' rows can go.
    MigrationDefinition plain =
        migration("library", squash.name()).ops(squash.operations().toArray(new Operation[0]));
    PruneResult pruned = migrata(List.of(plain)).prune("library");
    assertThat(pruned.pruned())
        .extracting(MigrationKey::name)
        .containsExactly(
            "0001_initial",
            "0002_book",
            "0003_book_pages",
            "0004_rename_title",
            "0005_remove_pages_add_year");
    assertThat(db.history()).containsExactly("library." + squash.name());
  }
}
