package dev.migrata.data;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.Db;
import dev.migrata.ErrorCode;
import dev.migrata.Migrata;
import dev.migrata.MigrataException;
import dev.migrata.MigrationListener;
import dev.migrata.OnEveryBackend;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.RenameField;
import dev.migrata.internal.operations.RunJava;
import dev.migrata.internal.operations.RunSql;
import dev.migrata.internal.operations.SeparateDatabaseAndState;
import dev.migrata.internal.state.FieldState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Data migrations (RunJava, RunSql, SeparateDatabaseAndState) and faking, on every backend. */
class DataMigrationTest extends OnEveryBackend {
  private static final String CLASS = FillInitials.class.getName();

  private static FieldState initials() {
    return FieldState.builder("initials", "CharField").maxLength(3).defaultValue("").build();
  }

  /** 0001 Author, 0002 three authors by RunSql, 0003 initials, 0004 fill, 0005 rename name. */
  static List<MigrationDefinition> library() {
    return new ArrayList<>(
        List.of(
            migration("library", "0001_initial").ops(createModel("library", "Author", id(), chars("name", 100))),
            migration("library", "0002_authors")
                .dependsOn("library", "0001_initial")
                .ops(
                    new RunSql(
                        List.of(
                            "INSERT INTO library_author (name) VALUES ('Ann');",
                            "INSERT INTO library_author (name) VALUES ('Bob')",
                            "INSERT INTO library_author (name) VALUES ('Cy')"),
                        List.of("DELETE FROM library_author"),
                        false)),
            migration("library", "0003_author_initials")
                .dependsOn("library", "0002_authors")
                .ops(new AddField("author", initials(), true)),
            migration("library", "0004_fill_initials")
                .dependsOn("library", "0003_author_initials")
                .className(CLASS)
                .ops(new RunJava("forwards", "backwards", null, false)),
            migration("library", "0005_rename_name_author_full_name")
                .dependsOn("library", "0004_fill_initials")
                .ops(new RenameField("author", "name", "fullName"))));
  }

  private static Migrata migrata(Db db, List<MigrationDefinition> migrations) {
    return db.configure(migrations).load();
  }

  private static Migrata migrata(
      Db db, List<MigrationDefinition> migrations, MigrationListener listener) {
    return db.configure(migrations).listener(listener).load();
  }

  @Test
  void runJavaFillsAFieldFromTheHistoricalModelAndItsReverseUndoesIt()
      throws Exception {
    migrata(db, library()).migrate();
    assertThat(db.rows("SELECT full_name, initials FROM library_author ORDER BY id"))
        .containsExactly("Ann|A", "Bob|B", "Cy|C");

    migrata(db, library()).migrate("library", "0003");
    assertThat(db.rows("SELECT name, initials FROM library_author ORDER BY id"))
        .containsExactly("Ann|", "Bob|", "Cy|");
    assertThat(db.history())
        .containsExactly("library.0001_initial", "library.0002_authors", "library.0003_author_initials");

    migrata(db, library()).migrate("library", "zero");
    assertThat(db.portableSchema()).isEmpty();
  }

  @Test
  void rowApiInsertsUpdatesCountsAndDeletes() throws Exception {
    List<MigrationDefinition> migrations = library().subList(0, 4);
    migrations.add(
        migration("library", "0005_temp")
            .dependsOn("library", "0004_fill_initials")
            .className(CLASS)
            .ops(new RunJava("insertAndDelete", "insertAndDelete", null, false)));
    migrata(db, migrations).migrate();
    assertThat(db.rows("SELECT COUNT(*) FROM library_author")).containsExactly("3");
  }

  @Test
  void irreversibleRunJavaStopsTheBackwardsPlanBeforeAnythingRuns()
      throws Exception {
    List<MigrationDefinition> migrations = library();
    migrations.add(
        migration("library", "0006_irreversible")
            .dependsOn("library", "0005_rename_name_author_full_name")
            .className(CLASS)
            .ops(new RunJava("forwards", null, null, false)));
    migrations.set(4, migration("library", "0005_rename_name_author_full_name")
        .dependsOn("library", "0004_fill_initials").ops());
    migrata(db, migrations).migrate();
    List<String> history = db.history();

    assertThatThrownBy(() -> migrata(db, migrations).migrate("library", "0003"))
        .isInstanceOf(MigrataException.class)
        .hasMessage(
            "Operation 1 (RunJava: Raw Java operation) in library.0006_irreversible is not"
                + " reversible.")
        .extracting(e -> ((MigrataException) e).code())
        .isEqualTo(ErrorCode.IRREVERSIBLE);
    assertThat(db.history()).isEqualTo(history);
  }

  @Test
  void failingRunJavaRollsTheMigrationBackWhereDdlCanRollBack() throws Exception {
    List<MigrationDefinition> migrations = library().subList(0, 3);
    migrations.add(
        migration("library", "0004_fails")
            .dependsOn("library", "0003_author_initials")
            .className(CLASS)
            .ops(new RunJava("fails", null, null, false)));
    assertThatThrownBy(() -> migrata(db, migrations).migrate())
        .hasMessageContaining("Applying library.0004_fails failed at operation 1 (Raw Java operation): boom");
    // On MariaDB too: an atomic migration's RunJava has a transaction of its own there.
    assertThat(db.rows("SELECT COUNT(*) FROM library_author WHERE name = 'Zed'"))
        .containsExactly("0");
    assertThat(db.history()).hasSize(3);
  }

  @Test
  void modelsOfAnotherAppNeedADependencyOnIt() throws Exception {
    List<MigrationDefinition> migrations = library().subList(0, 3);
    migrations.add(
        migration("shop", "0001_initial").ops(createModel("shop", "Order", id(), chars("ref", 10))));
    migrations.add(
        migration("library", "0004_count_orders")
            .dependsOn("library", "0003_author_initials")
            .className(CLASS)
            .ops(new RunJava("countOrders", null, null, false)));
    assertThatThrownBy(() -> migrata(db, migrations).migrate())
        .hasMessageContaining(
            "No installed app with label 'shop' for library.0004_count_orders: the migration does"
                + " not depend on it. Add @Dependency(app = \"shop\", name = \"0001_initial\")");

    migrations.set(
        4,
        migration("library", "0004_count_orders")
            .dependsOn("library", "0003_author_initials")
            .dependsOn("shop", "0001_initial")
            .className(CLASS)
            .ops(new RunJava("countOrders", null, null, false)));
    migrata(db, migrations).migrate();
    assertThat(db.rows("SELECT name FROM library_author WHERE initials = 'O'"))
        .containsExactly("Orders 0");
  }

  @Test
  void runSqlVendorVariantsRunOnlyOnTheirBackend() throws Exception {
    List<MigrationDefinition> migrations = library().subList(0, 1);
    migrations.add(
        migration("library", "0002_vendor")
            .dependsOn("library", "0001_initial")
            .ops(
                new RunSql(List.of("INSERT INTO library_author (name) VALUES ('S')"),
                    List.of("DELETE FROM library_author"), false, List.of("sqlite")),
                new RunSql(List.of("INSERT INTO library_author (name) VALUES ('P')"),
                    List.of("DELETE FROM library_author"), false, List.of("postgresql")),
                new RunSql(List.of("INSERT INTO library_author (name) VALUES ('M')"),
                    List.of("DELETE FROM library_author"), false, List.of("mysql"))));
    migrata(db, migrations).migrate();
    String expected = db.kind == Db.Kind.SQLITE ? "S" : db.kind == Db.Kind.POSTGRES ? "P" : "M";
    assertThat(db.rows("SELECT name FROM library_author")).containsExactly(expected);
    migrata(db, migrations).migrate("library", "0001");
    assertThat(db.rows("SELECT name FROM library_author")).isEmpty();
  }

  @Test
  void separateDatabaseAndStateKeepsBothInStep() throws Exception {
    CreateModel tag =
        createModel(
            "library", "Tag", FieldState.builder("id", "IntegerField").primaryKey(true).build(),
            chars("label", 20));
    List<MigrationDefinition> migrations =
        List.of(
            migration("library", "0001_tag")
                .ops(
                    new SeparateDatabaseAndState(
                        List.of(
                            new RunSql(
                                List.of(
                                    "CREATE TABLE library_tag (id INTEGER NOT NULL PRIMARY KEY,"
                                        + " label VARCHAR(20) NOT NULL)"),
                                List.of("DROP TABLE library_tag"),
                                false)),
                        List.of(tag))),
            migration("library", "0002_tag_note")
                .dependsOn("library", "0001_tag")
                .ops(new AddField("tag", FieldState.builder("note", "TextField").nullable(true).build(), true)));
    assertThat(migrations.get(0).operations()).hasSize(1);
    migrata(db, migrations).migrate();
    db.exec("INSERT INTO library_tag (id, label, note) VALUES (1, 'x', 'y')");
    assertThat(db.rows("SELECT id, label, note FROM library_tag")).containsExactly("1|x|y");

    migrata(db, migrations).migrate("library", "zero");
    assertThat(db.portableSchema()).isEmpty();
  }

  @Test
  void nonAtomicMigrationsRun() throws Exception {
    List<MigrationDefinition> migrations = library().subList(0, 3);
    migrations.add(
        migration("library", "0004_fill_initials")
            .dependsOn("library", "0003_author_initials")
            .className(CLASS)
            .atomic(false)
            .ops(new RunJava("forwards", "backwards", null, false)));
    migrata(db, migrations).migrate();
    assertThat(db.rows("SELECT initials FROM library_author ORDER BY id")).containsExactly("A", "B", "C");
  }

  /** Records what the progress lines would say. */
  private static final class Recorder implements MigrationListener {
    final List<String> lines = new ArrayList<>();

    @Override
    public void started(MigrationKey migration, boolean backwards) {}

    @Override
    public void finished(MigrationKey migration, boolean backwards, boolean faked, Duration took) {
      lines.add((backwards ? "-" : "+") + migration + (faked ? " FAKED" : " OK"));
    }
  }

  @Test
  void fakeRecordsAndUnrecordsWithoutRunning() throws Exception {
    Recorder progress = new Recorder();
    Migrata m = migrata(db, library().subList(0, 3), progress);
    m.migrate(m.plan(), true);
    assertThat(progress.lines)
        .containsExactly(
            "+library.0001_initial FAKED", "+library.0002_authors FAKED",
            "+library.0003_author_initials FAKED");
    assertThat(db.portableSchema()).isEmpty();
    assertThat(db.history()).hasSize(3);

    progress.lines.clear();
    m.migrate(m.plan("library", "zero"), true);
    assertThat(progress.lines).containsExactly(
        "-library.0003_author_initials FAKED", "-library.0002_authors FAKED",
        "-library.0001_initial FAKED");
    assertThat(db.history()).isEmpty();
  }

  @Test
  void fakeInitialFakesOnlyWhenEveryTableAndColumnExists() throws Exception {
    List<MigrationDefinition> migrations =
        List.of(
            migration("library", "0001_initial")
                .ops(
                    createModel("library", "Author", id(), chars("name", 100)),
                    new AddField("author", FieldState.builder("email", "CharField").maxLength(50)
                        .nullable(true).build(), true)),
            migration("library", "0002_author_initials")
                .dependsOn("library", "0001_initial")
                .ops(new AddField("author", initials(), true)));
    // An empty database: the initial migration runs normally.
    Recorder progress = new Recorder();
    Migrata m = migrata(db, migrations, progress);
    m.migrate(m.plan("library", "0001"), false, true);
    assertThat(progress.lines).containsExactly("+library.0001_initial OK");

    // The tables exist but the history is gone: faked, and the rest applies normally.
    db.exec("DELETE FROM migrata_migrations");
    progress.lines.clear();
    m.migrate(m.plan(), false, true);
    assertThat(progress.lines)
        .containsExactly("+library.0001_initial FAKED", "+library.0002_author_initials OK");
    assertThat(db.history()).containsExactly("library.0001_initial", "library.0002_author_initials");

    // A column of the initial migration is missing: not faked, so it runs (and fails here,
    // as the table exists), exactly as Django.
    m.migrate(m.plan("library", "zero"), false);
    db.exec("CREATE TABLE library_author (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL)");
    progress.lines.clear();
    assertThatThrownBy(() -> m.migrate(m.plan(), false, true))
        .hasMessageContaining("Applying library.0001_initial failed");
    assertThat(db.history()).isEmpty();
  }
}
