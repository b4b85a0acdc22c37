package dev.migrata.data;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrata.Db;
import dev.migrata.MigrataException;
import dev.migrata.MigrationListener;
import dev.migrata.OnEveryBackend;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.RunJava;
import dev.migrata.internal.state.FieldState;
import dev.migrata.schema.SchemaEditor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Batched backfills (issue 10): in a non-atomic migration the row API's {@code update}, {@code
 * delete} and {@code forEach} commit batch by batch, so a second connection sees the backfill
 * advance exactly as far as the progress reports say (the progress interval is zero here: every
 * batch reports, from the migrating thread, so nothing depends on timing); an interrupted backfill
 * keeps its batches and a rerun continues; an atomic migration keeps one transaction and rolls back
 * whole.
 */
class BackfillBatchesTest extends OnEveryBackend {
  private static final int ROWS = 50_000;
  private static final String INTERVAL = "migrata.internal.progressInterval";
  private static final String DONE = "SELECT count(*) FROM library_book WHERE slug IS NOT NULL";

  /** The forEach backfill throws at this row (counted in its run), or never at -1. */
  private static volatile int failAt = -1;

  /** Counts the filled rows from a second connection, seen from inside a RunJava. */
  private static volatile LongSupplier seenInside;

  private static volatile long seen = -1;
  private Connection second;

  public static void fillAll(HistoricalModels apps, SchemaEditor editor) {
    apps.model("library", "Book").where("slug", null).update(Map.of("slug", "filled"));
  }

  public static void fillEach(HistoricalModels apps, SchemaEditor editor) {
    HistoricalModel book = apps.model("library", "Book");
    int[] n = {0};
    book.where("slug", null)
        .forEach(
            row -> {
              if (++n[0] == failAt) {
                throw new IllegalStateException("interrupted at row " + n[0]);
              }
              book.update(row.pk(), Map.of("slug", "book-" + row.pk()));
            });
  }

  public static void deleteAll(HistoricalModels apps, SchemaEditor editor) {
    apps.model("library", "Book").all().delete();
  }

  public static void fillThenFail(HistoricalModels apps, SchemaEditor editor) {
    fillAll(apps, editor);
    if (seenInside != null) {
      seen = seenInside.getAsLong();
    }
    throw new IllegalStateException("the backfill failed after updating every row");
  }

  private static List<MigrationDefinition> migrations(boolean atomic, String method) {
    return List.of(
        migration("library", "0001_initial")
            .ops(
                createModel(
                    "library",
                    "Book",
                    id(),
                    chars("title", 100),
                    FieldState.builder("slug", "CharField").maxLength(100).nullable(true).build())),
        migration("library", "0002_slugs")
            .dependsOn("library", "0001_initial")
            .atomic(atomic)
            .className(BackfillBatchesTest.class.getName())
            .ops(new RunJava(method, null, null, false)));
  }

  /** What the listener was told of the backfill, and what a second connection saw then. */
  record Report(long rows, long total, long visible) {}

  final class Recorder implements MigrationListener {
    final List<Report> reports = new ArrayList<>();
    private final String visible;

    Recorder() {
      this(DONE);
    }

    /** Counts what {@code visible} selects on the second connection at each report. */
    Recorder(String visible) {
      this.visible = visible;
    }

    @Override
    public void progress(
        MigrationKey migration, String description, long rows, long total, Duration running) {
      if (migration.name().equals("0002_slugs")) {
        reports.add(new Report(rows, total, count(visible)));
      }
    }
  }

  @BeforeEach
  void zeroInterval() {
    System.setProperty(INTERVAL, "0");
    failAt = -1;
    seenInside = null;
    seen = -1;
  }

  @AfterEach
  void clear() throws SQLException {
    System.clearProperty(INTERVAL);
    if (second != null) {
      second.close();
    }
  }

  /** Migrates to 0001 and fills the table through plain JDBC, in one transaction. */
  private void books(List<MigrationDefinition> migrations, int rows) throws SQLException {
    db.configure(migrations).load().migrate("library", "0001_initial");
    try (Connection c = db.open();
        PreparedStatement ps = c.prepareStatement("INSERT INTO library_book (title) VALUES (?)")) {
      c.setAutoCommit(false);
      for (int i = 1; i <= rows; i++) {
        ps.setString(1, "Book " + i);
        ps.addBatch();
        if (i % 5000 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
      c.commit();
    }
    second = db.open();
  }

  private long count(String sql) {
    try (Statement st = second.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aNonAtomicUpdateCommitsEachBatchAsItReports() throws Exception {
    List<MigrationDefinition> migrations = migrations(false, "fillAll");
    books(migrations, ROWS);
    Recorder listener = new Recorder();

    db.configure(migrations).listener(listener).load().migrate();

    // 1000 rows a batch by default: 50 batches, each committed before it is reported.
    assertThat(listener.reports).hasSize(ROWS / 1000);
    for (int i = 0; i < listener.reports.size(); i++) {
      long rows = 1000L * (i + 1);
      assertThat(listener.reports.get(i)).isEqualTo(new Report(rows, ROWS, rows));
    }
    assertThat(count(DONE)).isEqualTo(ROWS);
  }

  @Test
  void anInterruptedForEachKeepsItsBatchesAndARerunContinues() throws Exception {
    List<MigrationDefinition> migrations = migrations(false, "fillEach");
    books(migrations, 4_000);
    Recorder listener = new Recorder();
    failAt = 2_501;

    MigrataException e =
        catchThrowableOfType(
            MigrataException.class,
            () ->
                db.configure(migrations)
                    .backfillBatchSize(500)
                    .listener(listener)
                    .load()
                    .migrate());

    assertThat(e).hasMessageContaining("interrupted at row 2501");
    // Five batches of 500 committed; the sixth (rows 2501..3000) rolled back whole.
    assertThat(count(DONE)).isEqualTo(2_500);
    assertThat(listener.reports)
        .extracting(Report::visible)
        .containsExactly(500L, 1_000L, 1_500L, 2_000L, 2_500L);
    assertThat(db.history()).doesNotContain("library.0002_slugs");

    failAt = -1;
    listener.reports.clear();
    db.configure(migrations).backfillBatchSize(500).listener(listener).load().migrate();

    // The rerun reads only the rows still to fill (the filter), from the first key on.
    assertThat(listener.reports.get(0)).isEqualTo(new Report(500, 1_500, 3_000));
    assertThat(count(DONE)).isEqualTo(4_000);
    assertThat(count("SELECT count(*) FROM library_book WHERE slug = " + concat()))
        .isEqualTo(4_000);
    assertThat(db.history()).contains("library.0002_slugs");
  }

  @Test
  void aNonAtomicDeleteGoesInCommittedBatchesToo() throws Exception {
    List<MigrationDefinition> migrations = migrations(false, "deleteAll");
    books(migrations, 5_000);
    Recorder listener = new Recorder("SELECT count(*) FROM library_book");

    db.configure(migrations).backfillBatchSize(2_000).listener(listener).load().migrate();

    assertThat(listener.reports)
        .containsExactly(
            new Report(2_000, 5_000, 3_000),
            new Report(4_000, 5_000, 1_000),
            new Report(5_000, 5_000, 0));
  }

  /** {@code 'book-' || id} in the backend's SQL. */
  private String concat() {
    String id = kind == Db.Kind.MARIADB ? "id" : "CAST(id AS TEXT)";
    return kind == Db.Kind.MARIADB ? "CONCAT('book-', id)" : "'book-' || " + id;
  }

  @Test
  void anAtomicBackfillRollsBackWhole() throws Exception {
    List<MigrationDefinition> migrations = migrations(true, "fillThenFail");
    books(migrations, ROWS);
    if (kind != Db.Kind.SQLITE) {
      // SQLite's readers would wait for the writer; the servers show the committed rows only.
      seenInside = () -> count(DONE);
    }
    Recorder listener = new Recorder();

    MigrataException e =
        catchThrowableOfType(
            MigrataException.class,
            () -> db.configure(migrations).listener(listener).load().migrate());

    assertThat(e).hasMessageContaining("the backfill failed after updating every row");
    if (kind != Db.Kind.SQLITE) {
      assertThat(seen).isZero(); // nothing committed while the migration ran
    }
    assertThat(listener.reports).isEmpty(); // one statement: no batches in an atomic migration
    assertThat(count(DONE)).isZero();
    assertThat(db.history()).doesNotContain("library.0002_slugs");
  }
}
