package dev.migrata.samples.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import dev.migrata.Migrata;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sample's data migration (catalog 0006, written with {@code makemigrations --empty} and
 * filled in by hand) fills Author.sortName from the rows already there, and its reverse clears
 * it, on a fresh database of each backend.
 */
class DataMigrationTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Db.Kind.class)
  void fillsSortNamesFromExistingRowsAndUnfillsThem(Db.Kind kind) throws Exception {
    try (Db db = Db.create(kind, dir)) {
      Migrata migrata = db.configure().load();
      migrata.migrate("catalog", "0004");
      db.exec(
          "INSERT INTO catalog_author (name) VALUES ('Ursula K. Le Guin')",
          "INSERT INTO catalog_author (name) VALUES ('Octavia Butler')",
          "INSERT INTO catalog_author (name) VALUES ('Homer')");

      migrata.migrate();
      assertThat(db.rows("SELECT sort_name FROM catalog_author ORDER BY id"))
          .containsExactly("Le Guin, Ursula K.", "Butler, Octavia", "Homer");

      migrata.migrate("catalog", "0005");
      assertThat(db.rows("SELECT sort_name FROM catalog_author ORDER BY id"))
          .containsExactly("", "", "");

      migrata.migrate("catalog", "0004");
      assertThat(db.columns("catalog_author")).doesNotContain("sort_name");
      assertThat(db.rows("SELECT name FROM catalog_author ORDER BY id"))
          .containsExactly("Ursula K. Le Guin", "Octavia Butler", "Homer");

      migrata.migrate();
      assertThat(db.rows("SELECT sort_name FROM catalog_author ORDER BY id"))
          .containsExactly("Le Guin, Ursula K.", "Butler, Octavia", "Homer");
      assertThat(migrata.plan().isEmpty()).isTrue();
    }
  }
}
