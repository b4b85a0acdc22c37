package dev.migrata;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.data.HistoricalModels;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.RunJava;
import dev.migrata.internal.operations.RunSql;
import dev.migrata.schema.SchemaEditor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long work reports how far it is: a SQLite rebuild of a table with many rows and a RunJava that
 * reads rows in batches tell the listener the rows done so far. The progress interval is zero here,
 * so every count is reported, from the migrating thread: nothing depends on timing.
 */
class LongWorkProgressTest {
  private static final int ROWS = 25_000;

  /** The executor's internal knob: a progress interval of zero reports every count. */
  private static final String INTERVAL = "migrata.internal.progressInterval";

  @TempDir Path dir;

  /** What the listener was told, one line per call. */
  static final class Recorder implements MigrationListener {
    final List<String> progress = new ArrayList<>();
    final List<String> operations = new ArrayList<>();

    @Override
    public synchronized void progress(
        MigrationKey migration, String description, long rows, Duration running) {
      progress.add(migration + ": " + description + ": " + rows);
    }

    @Override
    public synchronized void operationFinished(
        MigrationKey migration, int index, String description, boolean backwards, Duration took) {
      operations.add(migration + " #" + index + " " + description + (backwards ? " (back)" : ""));
    }
  }

  /** A RunJava body as a user writes one: every row, in batches of 10,000. */
  public static void readAll(HistoricalModels apps, SchemaEditor editor) {
    apps.model("library", "Book").all().forEachBatch(10_000, batch -> {});
  }

  private static List<MigrationDefinition> migrations() {
    String fill =
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
            + ROWS
            + ") INSERT INTO library_book (title) SELECT 'Book ' || i FROM n";
    return List.of(
        migration("library", "0001_initial")
            .ops(createModel("library", "Book", id(), chars("title", 100))),
        migration("library", "0002_books")
            .dependsOn("library", "0001_initial")
            .ops(new RunSql(List.of(fill), List.of("DELETE FROM library_book"), false)),
        migration("library", "0003_alter_book_title")
            .dependsOn("library", "0002_books")
            .ops(new AlterField("book", chars("title", 200), true)),
        migration("library", "0004_read_books")
            .dependsOn("library", "0003_alter_book_title")
            .className(LongWorkProgressTest.class.getName())
            .ops(new RunJava("readAll", null, null, false)));
  }

  @Test
  void aRebuildAndARunJavaBatchReportTheRowsDoneSoFar() throws Exception {
    Recorder listener = new Recorder();
    try (Db db = new Db(dir)) {
      System.setProperty(INTERVAL, "0");
      try {
        db.configure(migrations()).listener(listener).load().migrate();
      } finally {
        System.clearProperty(INTERVAL);
      }
      assertThat(db.rows("SELECT count(*) FROM library_book")).containsExactly("" + ROWS);
    }
    // The rebuild copies 10,000 rows a statement; the RunJava reads 10,000 rows a batch.
    assertThat(listener.progress)
        .containsSubsequence(
            "library.0003_alter_book_title: Alter field title on book: 10000",
            "library.0003_alter_book_title: Alter field title on book: 20000",
            "library.0003_alter_book_title: Alter field title on book: 25000",
            "library.0004_read_books: Raw Java operation: 10000",
            "library.0004_read_books: Raw Java operation: 20000",
            "library.0004_read_books: Raw Java operation: 25000");
    assertThat(listener.operations)
        .containsExactly(
            "library.0001_initial #0 Create model Book",
            "library.0002_books #0 Raw SQL operation",
            "library.0003_alter_book_title #0 Alter field title on book",
            "library.0004_read_books #0 Raw Java operation");
  }

  @Test
  void unapplyingReportsEachOperationFromTheLast() throws Exception {
    Recorder listener = new Recorder();
    try (Db db = new Db(dir)) {
      List<MigrationDefinition> three = migrations().subList(0, 3);
      Migrata migrata = db.configure(three).listener(listener).load();
      migrata.migrate();
      listener.operations.clear();
      migrata.migrate("library", "0001_initial");
      assertThat(db.rows("SELECT count(*) FROM library_book")).containsExactly("0");
    }
    assertThat(listener.operations)
        .containsExactly(
            "library.0003_alter_book_title #0 Alter field title on book (back)",
            "library.0002_books #0 Raw SQL operation (back)");
  }
}
