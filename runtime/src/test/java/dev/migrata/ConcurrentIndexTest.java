package dev.migrata;

import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddIndexConcurrently;
import dev.migrata.internal.operations.RemoveIndexConcurrently;
import dev.migrata.internal.state.IndexState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADD_INDEX_CONCURRENTLY / REMOVE_INDEX_CONCURRENTLY at migrate time (issue 10). */
class ConcurrentIndexTest {
  private static final IndexState INDEX =
      new IndexState("book_title_idx", List.of("title"), false, null);

  @TempDir Path dir;
  private Db db;

  @AfterEach
  void drop() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  private static List<MigrationDefinition> migrations(boolean atomic) {
    List<MigrationDefinition> all = new ArrayList<>(library());
    all.add(
        migration("library", "0004_concurrent")
            .dependsOn("library", "0003_data")
            .atomic(atomic)
            .ops(new AddIndexConcurrently("book", INDEX)));
    all.add(
        migration("library", "0005_drop")
            .dependsOn("library", "0004_concurrent")
            .atomic(false)
            .ops(new RemoveIndexConcurrently("book", "book_title_idx")));
    return all;
  }

  private List<String> valid() throws Exception {
    return db.rows(
        "SELECT c.relname, i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
            + " WHERE c.relname = 'book_title_idx'");
  }

  @Test
  void onPostgresqlTheIndexIsBuiltAndDroppedConcurrently() throws Exception {
    db = Db.create(Db.Kind.POSTGRES, dir);
    Migrata m = db.configure().migrations(migrations(false)).load();
    assertThat(m.sqlMigrate("library", "0004", false))
        .contains("CREATE INDEX CONCURRENTLY \"book_title_idx\" ON \"library_book\" (\"title\")")
        .doesNotContain("BEGIN;");
    assertThat(m.sqlMigrate("library", "0004", true))
        .contains("DROP INDEX CONCURRENTLY IF EXISTS \"book_title_idx\"");
    assertThat(m.sqlMigrate("library", "0005", false))
        .contains("DROP INDEX CONCURRENTLY IF EXISTS \"book_title_idx\"");

    m.migrate("library", "0004");
    assertThat(valid()).containsExactly("book_title_idx|true");
    m.migrate("library", "0005");
    assertThat(valid()).isEmpty();
    m.migrate("library", "0004"); // unapplies 0005: the index comes back
    assertThat(valid()).containsExactly("book_title_idx|true");
    m.migrate("library", "0003");
    assertThat(valid()).isEmpty();
  }

  @Test
  void inAnAtomicMigrationItIsRefusedWithDjangosMessage() throws Exception {
    db = Db.create(Db.Kind.POSTGRES, dir);
    Migrata m = db.configure().migrations(migrations(true)).load();
    m.migrate("library", "0003");
    String message =
        "The AddIndexConcurrently operation cannot be executed inside a transaction (set atomic"
            + " = False on the migration).";
    assertThatThrownBy(() -> m.migrate("library", "0004")).hasMessageContaining(message);
    assertThatThrownBy(() -> m.sqlMigrate("library", "0004", false)).hasMessageContaining(message);
    assertThat(db.indexes("library_book")).doesNotContain("book_title_idx");
  }

  @Test
  void onSqliteThePlainIndexIsBuilt() throws Exception {
    db = Db.create(Db.Kind.SQLITE, dir);
    Migrata m = db.configure().migrations(migrations(false)).load();
    assertThat(m.sqlMigrate("library", "0004", false))
        .contains("CREATE INDEX \"book_title_idx\"")
        .doesNotContain("CONCURRENTLY");
    m.migrate("library", "0004");
    assertThat(db.indexes("library_book")).contains("book_title_idx");
    m.migrate("library", "0003");
    assertThat(db.indexes("library_book")).doesNotContain("book_title_idx");
  }
}
