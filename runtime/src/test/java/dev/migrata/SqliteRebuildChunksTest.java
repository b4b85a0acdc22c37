package dev.migrata;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AlterField;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLite rebuild copies a large table in rowid chunks: the next chunk is guessed from the last
 * one where rowids are dense and looked up where they are sparse (issue 16). Every row arrives
 * exactly once whatever the rowids look like.
 */
class SqliteRebuildChunksTest {
  @TempDir Path dir;

  private static List<MigrationDefinition> migrations() {
    return List.of(
        migration("library", "0001_initial")
            .ops(createModel("library", "Book", id(), chars("title", 100))),
        migration("library", "0002_alter_book_title")
            .dependsOn("library", "0001_initial")
            .ops(new AlterField("book", chars("title", 200), true)));
  }

  @Test
  void denseSparseAndGappedRowidsAreAllCopiedOnce() throws Exception {
    try (Db db = new Db(dir)) {
      Migrata m = db.configure(migrations()).load();
      m.migrate("library", "0001_initial");
      String numbers = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ";
      db.exec(
          // dense 1..25000, then sparse (every 7th) up to ~200000, a gap, and a few far away
          numbers + "25000) INSERT INTO library_book (id, title) SELECT i, 'd' || i FROM n",
          numbers + "25000) INSERT INTO library_book (id, title) SELECT 25000 + 7 * i, 's' FROM n",
          "INSERT INTO library_book (id, title) VALUES (5000000, 'far'), (5000001, 'far'),"
              + " (90000000, 'end')");
      List<String> before = db.rows("SELECT count(*), sum(id), min(id), max(id) FROM library_book");
      m.migrate();
      assertThat(db.rows("SELECT count(*), sum(id), min(id), max(id) FROM library_book"))
          .isEqualTo(before)
          .containsExactly(
              "50003|"
                  + (25000L * 25001 / 2 + 25000L * 25000 + 7L * 25000 * 25001 / 2 + 100_000_001L)
                  + "|1|90000000");
      assertThat(db.rows("SELECT count(DISTINCT id) FROM library_book")).containsExactly("50003");
    }
  }
}
