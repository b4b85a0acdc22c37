package dev.migrata;

import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddIndex;
import dev.migrata.internal.operations.AddIndexConcurrently;
import dev.migrata.internal.state.IndexState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes during an index build on a table of 300,000 rows (issue 10): they go on during {@code
 * ADD_INDEX_CONCURRENTLY} and block during a plain {@code ADD_INDEX}. The build is held at its last
 * row by a gate (an advisory lock taken by the index's predicate), so the test looks at it while it
 * runs without depending on how long it takes: a second connection then tries an INSERT with a
 * short {@code lock_timeout}.
 */
class IndexBuildLockTest {
  private static final int ROWS = 300_000;
  private static final int GATE = 4242;

  @TempDir Path dir;
  private Db db;

  @AfterEach
  void drop() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  private static List<MigrationDefinition> migrations(boolean concurrently) {
    IndexState index = new IndexState("book_title_idx", List.of("title"), false, "gate(title)");
    List<MigrationDefinition> all = new ArrayList<>(library());
    all.add(
        migration("library", "0004_title_idx")
            .dependsOn("library", "0003_data")
            .atomic(!concurrently)
            .ops(
                concurrently
                    ? new AddIndexConcurrently("book", index)
                    : new AddIndex("book", index)));
    return all;
  }

  @Test
  void writesGoOnDuringAConcurrentBuild() throws Exception {
    assertThat(insertDuringBuild(true)).isEqualTo("inserted");
  }

  @Test
  void writesBlockDuringAPlainBuild() throws Exception {
    assertThat(insertDuringBuild(false)).startsWith("55P03");
  }

  /** What an INSERT with a 200 ms lock timeout does while the index build waits at the gate. */
  private String insertDuringBuild(boolean concurrently) throws Exception {
    db = Db.create(Db.Kind.POSTGRES, dir);
    Migrata m = db.configure(migrations(concurrently)).ddlLockTimeout(Duration.ZERO).load();
    m.migrate("library", "0003");
    db.exec(
        "CREATE FUNCTION gate(t text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN IF t"
            + " = 'gate' THEN PERFORM pg_advisory_lock("
            + GATE
            + "); PERFORM pg_advisory_unlock("
            + GATE
            + "); END IF; RETURN true; END $$",
        "INSERT INTO library_book (title, author_id, rating) SELECT 'b' || g, 1, 0 FROM"
            + " generate_series(1, "
            + ROWS
            + ") g",
        "INSERT INTO library_book (title, author_id, rating) VALUES ('gate', 1, 0)");
    String outcome;
    try (Connection gate = db.open();
        Connection writer = db.open()) {
      exec(gate, "SELECT pg_advisory_lock(" + GATE + ")");
      CompletableFuture<Void> build =
          CompletableFuture.runAsync(() -> m.migrate("library", "0004"));
      awaitBuildAtGate();
      try {
        exec(writer, "SET lock_timeout = '200ms'");
        exec(writer, "INSERT INTO library_book (title, author_id, rating) VALUES ('w', 1, 0)");
        outcome = "inserted";
      } catch (SQLException e) {
        outcome = e.getSQLState() + " " + e.getMessage();
      }
      exec(gate, "SELECT pg_advisory_unlock(" + GATE + ")");
      build.join();
    }
    assertThat(db.rows("SELECT count(*) FROM library_book"))
        .containsExactly(String.valueOf(ROWS + 1 + (outcome.equals("inserted") ? 1 : 0)));
    assertThat(
            db.rows(
                "SELECT indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                    + " WHERE c.relname = 'book_title_idx'"))
        .containsExactly("true");
    return outcome;
  }

  /** Polls pg_stat_activity until the index build waits on the gate's advisory lock. */
  private void awaitBuildAtGate() throws Exception {
    for (int i = 0; i < 6000; i++) {
      List<String> waiting =
          db.rows(
              "SELECT pid FROM pg_stat_activity WHERE query LIKE 'CREATE INDEX%' AND"
                  + " wait_event_type = 'Lock' AND wait_event = 'advisory'");
      if (!waiting.isEmpty()) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("The index build never reached the gate row");
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
