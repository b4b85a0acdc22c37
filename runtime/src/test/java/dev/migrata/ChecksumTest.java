package dev.migrata;

import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrata.internal.migration.Json;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationIndex;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.RunSql;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.FieldState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checksums of applied migrations (issue 10): recorded with each row, an edit after applying stops
 * {@code migrate} before anything runs and names the operation, {@code acceptChanged} records the
 * current form, older history tables gain the column and their rows a checksum.
 */
class ChecksumTest extends OnEveryBackend {
  /** library with 0002's default changed from 0 to 1, plus a new 0004. */
  static List<MigrationDefinition> edited() {
    List<MigrationDefinition> all = new ArrayList<>(library());
    all.set(
        1,
        migration("library", "0002_book_rating")
            .dependsOn("library", "0001_initial")
            .ops(
                new AddField(
                    "book",
                    FieldState.builder("rating", "IntegerField").defaultValue("1").build(),
                    true)));
    all.add(next());
    return all;
  }

  static MigrationDefinition next() {
    return migration("library", "0004_more")
        .dependsOn("library", "0003_data")
        .ops(new RunSql(List.of("SELECT 1"), List.of(""), false));
  }

  @Test
  void everyAppliedRowRecordsTheChecksumOfItsMigration() throws Exception {
    db.configure(library()).load().migrate();

    assertThat(db.rows("SELECT checksum FROM migrata_migrations ORDER BY id"))
        .hasSize(3)
        .allMatch(c -> c.matches("v1:[0-9a-f]{16}:[0-9a-f]{8}(,[0-9a-f]{8})*"));
  }

  @Test
  void anEditAfterApplyingStopsMigrateBeforeAnythingRunsAndCanBeAccepted() throws Exception {
    db.configure(library()).load().migrate();
    Migrata m = db.configure(edited()).load();

    MigrationPlan plan = m.plan();
    assertThat(plan.changedMigrations())
        .containsExactly(
            "library.0002_book_rating: operation 1 (Add field rating to book) differs from the"
                + " one applied");
    MigrataException e = catchThrowableOfType(MigrataException.class, m::migrate);
    assertThat(e.code()).isEqualTo(ErrorCode.CHANGED_MIGRATION);
    assertThat(e.getMessage())
        .isEqualTo(
            "Migration library.0002_book_rating was changed after it was applied: operation 1"
                + " (Add field rating to book) differs from the one applied. Undo the edit (a"
                + " further change belongs in a new migration), or, if the database already is"
                + " as the migration now says, record its current form with: migrate"
                + " --accept-changed library 0002_book_rating.");
    assertThat(db.history()).hasSize(3);
    assertThat(m.showMigrations().get("library"))
        .extracting(MigrationStatus::changed)
        .containsExactly(false, true, false, false);

    assertThat(m.acceptChanged("library", "0002")).isEqualTo("library.0002_book_rating");
    assertThat(m.migrate()).hasSize(1);
    assertThat(db.history()).last().isEqualTo("library.0004_more");
  }

  @Test
  void anAddedOperationIsNamedByTheCount() throws Exception {
    db.configure(library()).load().migrate();
    List<MigrationDefinition> more = new ArrayList<>(library());
    more.set(
        2,
        migration("library", "0003_data")
            .dependsOn("library", "0002_book_rating")
            .ops(
                new RunSql(
                    List.of("INSERT INTO library_author (name) VALUES ('Ann')"),
                    List.of("DELETE FROM library_author WHERE name = 'Ann'"),
                    false),
                new RunSql(List.of("SELECT 1"), List.of(""), false)));

    assertThat(db.configure(more).load().plan().changedMigrations())
        .containsExactly("library.0003_data: it had 1 operation when applied and has 2 now");
  }

  @Test
  void theIndexFormOfTheSameMigrationsIsNoChange() throws Exception {
    db.configure(library()).load().migrate();
    List<MigrationDefinition> fromIndex =
        MigrationIndex.read(MigrationIndex.write(library()), "test index");

    assertThat(db.configure(fromIndex).load().plan().changedMigrations()).isEmpty();
  }

  @Test
  void anOlderHistoryTableGetsTheColumnAndItsRowsAChecksumUnderTheLock() throws Exception {
    db.configure(library()).load().migrate("library", "0002_book_rating");
    if (kind == Db.Kind.SQLITE) {
      db.exec("ALTER TABLE migrata_migrations DROP COLUMN checksum");
    } else {
      db.exec("ALTER TABLE migrata_migrations DROP COLUMN " + db.q("checksum"));
    }
    // An up-to-date start on the old table still reads it in one statement and changes nothing.
    assertThat(db.configure(library()).load().plan("library", "0002").isEmpty()).isTrue();
    assertThat(db.columns("migrata_migrations")).doesNotContain("checksum");

    List<MigrationDefinition> plus = new ArrayList<>(library());
    db.configure(plus).load().migrate();

    assertThat(db.columns("migrata_migrations")).contains("checksum");
    assertThat(db.rows("SELECT count(*) FROM migrata_migrations WHERE checksum IS NULL"))
        .containsExactly("0");
    assertThat(db.history()).hasSize(3);
    // From now on, an edit of the rows filled in is noticed.
    assertThat(db.configure(edited()).load().plan().changedMigrations()).hasSize(1);
  }

  /** {@code m} with {@code @Op(safetyAssured = reason)} on each operation, as a person adds it. */
  static MigrationDefinition assured(MigrationDefinition m, String reason) {
    List<Deconstructed> ops = new ArrayList<>();
    for (Deconstructed op : m.deconstructedOperations()) {
      Map<String, Object> values = new LinkedHashMap<>(op.values());
      values.put("safetyAssured", reason);
      ops.add(new Deconstructed(op.type(), values));
    }
    return new MigrationDefinition(
        m.key(),
        m.className(),
        m.dependencies(),
        m.replaces(),
        m.runBefore(),
        m.initial(),
        m.atomic(),
        () -> ops,
        Json.writeDeconstructed(ops));
  }

  @Test
  void aSafetyReasonAddedAfterApplyingIsNoChange() throws Exception {
    db.configure(library()).load().migrate("library", "0002_book_rating");
    List<MigrationDefinition> withReason = new ArrayList<>(library());
    withReason.set(1, assured(withReason.get(1), "a small table, checked by hand"));
    withReason.add(next());
    // As the index holds it: the processor's stored checksum, the reason in the operations' JSON.
    List<MigrationDefinition> indexed =
        MigrationIndex.read(MigrationIndex.write(withReason), "test index");
    assertThat(indexed.get(1).operationsJson()).contains("safetyAssured");

    Migrata m = db.configure(indexed).load();
    assertThat(m.plan().changedMigrations()).isEmpty();
    assertThat(m.migrate()).hasSize(2);
    assertThat(db.history()).last().isEqualTo("library.0004_more");
  }

  /**
   * Django's last step of squashing: once every database has the squash, delete the originals and
   * its replaces. The squash's row must still match it, or migrate would refuse to run.
   */
  @Test
  void finishingASquashByDeletingTheOriginalsAndItsReplacesIsNoEdit() throws Exception {
    List<MigrationDefinition> withSquash = new ArrayList<>();
    for (MigrationDefinition m : SquashTest.originals()) {
      if (m.app().equals("library")) {
        withSquash.add(m);
      }
    }
    MigrationDefinition squash = SquashTest.squash();
    withSquash.add(squash);
    db.configure(withSquash).load().migrate();
    assertThat(db.history()).contains(squash.key().toString());

    MigrationDefinition normal =
        new MigrationDefinition(
            squash.key(),
            squash.className(),
            squash.dependencies(),
            List.of(),
            squash.runBefore(),
            squash.initial(),
            squash.atomic(),
            squash::deconstructedOperations,
            squash.operationsJson());
    Migrata finished = db.configure(List.of(normal)).load();
    assertThat(finished.plan().changedMigrations()).isEmpty();
    assertThat(finished.migrate()).isEmpty();
    // While it still replaces them, the squash matches its row too.
    assertThat(db.configure(withSquash).load().plan().changedMigrations()).isEmpty();
  }
}
