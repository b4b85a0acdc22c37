package dev.migrata;

import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AddIndexConcurrently;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL's DDL lock timeout and retries (issue 10): a second connection holds a lock on the
 * table; the migration times out, is retried, and succeeds once the lock is released. Retries are
 * counted through the listener, which also releases the lock on the first one, so nothing depends
 * on timing.
 */
class DdlLockRetryTest {
  private static final IndexState TITLE =
      new IndexState("book_title_idx", List.of("title"), true, null);

  @TempDir Path dir;
  private Db db;
  private Connection blocker;
  private final List<String> retries = new ArrayList<>();

  @AfterEach
  void drop() throws Exception {
    if (blocker != null) {
      blocker.close();
    }
    if (db != null) {
      db.close();
    }
  }

  private static List<MigrationDefinition> migrations() {
    List<MigrationDefinition> all = new ArrayList<>(library());
    all.add(
        migration("library", "0004_pages")
            .dependsOn("library", "0003_data")
            .ops(
                new AddField(
                    "book",
                    FieldState.builder("pages", "IntegerField").nullable(true).build(),
                    true)));
    all.add(
        migration("library", "0005_title_idx")
            .dependsOn("library", "0004_pages")
            .atomic(false)
            .ops(new AddIndexConcurrently("book", TITLE)));
    return all;
  }

  /** Holds {@code sql}'s locks in an open transaction on a second connection. */
  private void hold(String sql) throws SQLException {
    blocker = db.open();
    blocker.setAutoCommit(false);
    try (Statement st = blocker.createStatement()) {
      st.execute(sql);
    }
  }

  private void release() {
    try {
      blocker.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Counts retries; releases the blocker's lock when {@code releaseOnRetry}. */
  private Migrata migrata(int maxRetries, boolean releaseOnRetry) {
    MigrationListener listener =
        new MigrationListener() {
          @Override
          public void retryingAfterLockTimeout(MigrationKey m, int attempt, Duration pause) {
            retries.add(m.name() + "#" + attempt);
            if (releaseOnRetry) {
              release();
            }
          }
        };
    return db.configure(migrations())
        .listener(listener)
        .ddlLockTimeout(Duration.ofMillis(200))
        .ddlRetries(maxRetries)
        .ddlRetryBackoff(Duration.ofMillis(10))
        .load();
  }

  @Test
  void anAtomicMigrationBlockedByAReaderIsRetriedWholeAndSucceeds() throws Exception {
    db = Db.create(Db.Kind.POSTGRES, dir);
    Migrata m = migrata(3, true);
    m.migrate("library", "0003");
    hold("SELECT count(*) FROM library_book"); // ACCESS SHARE: ADD COLUMN needs ACCESS EXCLUSIVE
    m.migrate("library", "0004");
    assertThat(retries).containsExactly("0004_pages#2");
    assertThat(db.columns("library_book")).contains("pages");
    assertThat(db.history()).contains("library.0004_pages");
  }

  @Test
  void whenTheLockIsNeverReleasedTheRetriesRunOutAndNothingChanges() throws Exception {
    db = Db.create(Db.Kind.POSTGRES, dir);
    Migrata m = migrata(2, false);
    m.migrate("library", "0003");
    hold("SELECT count(*) FROM library_book");
    assertThatThrownBy(() -> m.migrate("library", "0004"))
        .hasMessageContaining("lock timeout")
        .hasMessageContaining("rolled back");
    assertThat(retries).containsExactly("0004_pages#2", "0004_pages#3");
    release();
    assertThat(db.columns("library_book")).doesNotContain("pages");
  }

  @Test
  void aConcurrentIndexBuildWaitingForAWriterIsRetriedAndItsInvalidIndexDropped() throws Exception {
    db = Db.create(Db.Kind.POSTGRES, dir);
    Migrata m = migrata(3, true);
    m.migrate("library", "0004");
    // An open writing transaction: CREATE INDEX CONCURRENTLY waits for it, and times out.
    hold("INSERT INTO library_book (title, author_id, rating) VALUES ('b', 1, 0)");
    m.migrate("library", "0005");
    assertThat(retries).containsExactly("0005_title_idx#2");
    assertThat(
            db.rows(
                "SELECT indisvalid FROM pg_index i JOIN pg_class c ON c.oid ="
                    + " i.indexrelid WHERE c.relname = 'book_title_idx'"))
        .containsExactly("true");
  }

  @Test
  void theInvalidIndexOfAFailedConcurrentBuildIsDroppedBeforeTheNextRun() throws Exception {
    db = Db.create(Db.Kind.POSTGRES, dir);
    Migrata m = migrata(3, false);
    m.migrate("library", "0004");
    db.exec(
        "INSERT INTO library_book (title, author_id, rating) VALUES ('same', 1, 0), ('same', 1,"
            + " 0)");
    assertThatThrownBy(() -> m.migrate("library", "0005")).hasMessageContaining("book_title_idx");
    String validity =
        "SELECT indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE"
            + " c.relname = 'book_title_idx'";
    assertThat(db.rows(validity)).containsExactly("false"); // what PostgreSQL leaves behind
    db.exec("UPDATE library_book SET title = title || id");
    m.migrate("library", "0005");
    assertThat(db.rows(validity)).containsExactly("true");
    assertThat(retries).isEmpty(); // a unique violation is not a lock timeout
  }
}
