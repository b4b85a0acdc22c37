package dev.migrata;

import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrata.data.HistoricalModels;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.RunJava;
import dev.migrata.internal.operations.RunSql;
import dev.migrata.internal.operations.SeparateDatabaseAndState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.schema.SchemaEditor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An atomic migration's {@code SET LOCAL lock_timeout} travels in its first statement's round trip
 * (issue 16: a run's fixed cost), and everything that ran under the timeout before still does: the
 * DDL, a RunJava's own statements (the setting then goes first, alone) and the history row of a
 * migration without statements.
 */
class PostgresLockTimeoutWithFirstDdlTest {
  private static final String SET = "SET LOCAL lock_timeout = '10000ms'";

  /** What {@link #showTimeout} saw. */
  static volatile String seenByJava;

  @TempDir Path dir;
  private Db db;

  @BeforeEach
  void create() {
    db = Db.create(Db.Kind.POSTGRES, dir);
    db.configure(library()).load().migrate("library", "0003");
  }

  @AfterEach
  void drop() throws Exception {
    db.close();
  }

  public static void showTimeout(HistoricalModels apps, SchemaEditor editor) throws SQLException {
    try (Statement st = apps.connection().createStatement();
        ResultSet rs = st.executeQuery("SHOW lock_timeout")) {
      rs.next();
      seenByJava = rs.getString(1);
    }
  }

  private CountingDataSource run(MigrationDefinition m) {
    List<MigrationDefinition> all = new ArrayList<>(library());
    all.add(m);
    CountingDataSource counting = new CountingDataSource(db.url);
    assertThat(Migrata.configure().dataSource(counting).migrations(all).load().migrate())
        .hasSize(1);
    return counting;
  }

  private static Fixtures.Builder next() {
    return migration("library", "0004_next").dependsOn("library", "0003_data");
  }

  @Test
  void theFirstStatementCarriesTheSettingAndRunsUnderIt() throws Exception {
    CountingDataSource counting =
        run(
            next()
                .ops(
                    new RunSql(
                        List.of("CREATE TABLE lt_seen AS SELECT current_setting('lock_timeout') v"),
                        List.of("DROP TABLE lt_seen"),
                        false)));

    assertThat(counting.sql)
        .as("one round trip for the setting and the statement")
        .contains(SET + ";\nCREATE TABLE lt_seen AS SELECT current_setting('lock_timeout') v")
        .doesNotContain(SET);
    assertThat(db.rows("SELECT v FROM lt_seen")).containsExactly("10s");
  }

  @Test
  void aFailingFirstStatementIsReportedAsItselfAndRolledBack() throws Exception {
    List<MigrationDefinition> all = new ArrayList<>(library());
    all.add(
        next()
            .ops(
                new RunSql(
                    List.of("ALTER TABLE lt_missing ADD COLUMN x integer"), List.of(), false)));

    MigrataException e =
        catchThrowableOfType(MigrataException.class, () -> db.configure(all).load().migrate());

    assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
    assertThat(e.getMessage())
        .contains("ALTER TABLE lt_missing ADD COLUMN x integer")
        .contains("lt_missing\" does not exist")
        .doesNotContain("SET LOCAL")
        .contains("rolled back");
    assertThat(db.history()).doesNotContain("library.0004_next");
  }

  @Test
  void aFirstStatementThatWaitsForALockTimesOutUnderTheSettingIsRetriedAndNamed() throws Exception {
    List<MigrationDefinition> all = new ArrayList<>(library());
    FieldState pages = FieldState.builder("pages", "IntegerField").nullable(true).build();
    all.add(next().ops(new AddField("book", pages, true)));
    try (Connection holder = db.open()) {
      holder.setAutoCommit(false);
      try (Statement st = holder.createStatement()) {
        st.execute("LOCK TABLE library_book IN ACCESS EXCLUSIVE MODE");
      }
      MigrataException e =
          catchThrowableOfType(
              MigrataException.class,
              () ->
                  db.configure(all)
                      .ddlLockTimeout(Duration.ofMillis(200))
                      .ddlRetries(1)
                      .ddlRetryBackoff(Duration.ofMillis(10))
                      .load()
                      .migrate());

      assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
      assertThat(e.getMessage())
          .contains("ALTER TABLE \"library_book\" ADD COLUMN \"pages\"")
          .contains("lock timeout")
          .doesNotContain("SET LOCAL");
      assertThat(db.history()).doesNotContain("library.0004_next");
      holder.rollback();
    }
    assertThat(db.configure(all).ddlLockTimeout(Duration.ofMillis(200)).load().migrate())
        .hasSize(1);
    assertThat(db.columns("library_book")).contains("pages");
  }

  @Test
  void aRunJavaGetsTheSettingFirstAsAStatementOfItsOwn() throws Exception {
    seenByJava = null;
    CountingDataSource counting =
        run(
            next()
                .className(PostgresLockTimeoutWithFirstDdlTest.class.getName())
                .ops(new RunJava("showTimeout", null, null, false)));

    assertThat(counting.sql).contains(SET);
    assertThat(seenByJava).isEqualTo("10s");
  }

  @Test
  void aMigrationWithoutStatementsSetsItBeforeItsHistoryRow() throws Exception {
    FieldState pages = FieldState.builder("pages", "IntegerField").nullable(true).build();
    CountingDataSource counting =
        run(
            next()
                .ops(
                    new SeparateDatabaseAndState(
                        List.of(), List.of(new AddField("book", pages, true)))));

    int set = counting.sql.indexOf(SET);
    assertThat(set).as("in %s", counting.sql).isNotNegative();
    assertThat(counting.sql.get(set + 1)).startsWith("INSERT INTO migrata_migrations");
  }
}
