package dev.migrata;

import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.integer;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.RunSql;
import dev.migrata.internal.state.FieldState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration killed in the middle where DDL does not roll back (MariaDB) leaves a progress row;
 * the next migrate resumes after the last completed operation instead of failing on the first one
 * with "Duplicate column" (issue 12).
 */
class InterruptedRunTest {
  static final String PROGRESS = "0002_slow [interrupted after operation 1 of 3]";

  @TempDir Path dir;
  Db db;

  @BeforeEach
  void createDatabase() {
    db = Db.create(Db.Kind.MARIADB, dir);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    db.close();
  }

  /** 0001 Author; 0002 adds a, sleeps, adds b. */
  static List<MigrationDefinition> migrations() {
    FieldState a = FieldState.builder("a", "IntegerField").nullable(true).build();
    FieldState b = FieldState.builder("b", "IntegerField").nullable(true).build();
    return List.of(
        migration("library", "0001_initial")
            .ops(createModel("library", "Author", id(), integer("n"))),
        migration("library", "0002_slow")
            .dependsOn("library", "0001_initial")
            .ops(
                new AddField("author", a, true),
                new RunSql(List.of("SELECT SLEEP(3)"), List.of(""), false),
                new AddField("author", b, true)));
  }

  /** One process's run: {@code migrate} against the URL in {@code args[0]}. */
  public static void main(String[] args) {
    Migrata.configure().jdbcUrl(args[0], null, null).migrations(migrations()).load().migrate();
  }

  @Test
  void aRunKilledMidMigrationIsResumedAfterItsLastCompletedOperation() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
            InterruptedRunTest.class.getName(), db.url);
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("out").toFile());
    Process p = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!progressRowWritten()) {
      assertThat(p.isAlive())
          .as("the process is still migrating; output:%n%s", output())
          .isTrue();
      assertThat(System.nanoTime()).as("progress row within 60s").isLessThan(deadline);
      Thread.sleep(50);
    }
    p.destroyForcibly(); // SIGKILL, during SELECT SLEEP(3)
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(db.columns("library_author")).containsExactly("id", "n", "a");
    assertThat(db.rows("SELECT name FROM migrata_migrations ORDER BY id"))
        .containsExactly("0001_initial", PROGRESS);
    Migrata m = db.configure(migrations()).load();
    assertThat(m.showMigrations("library").get("library"))
        .extracting(MigrationStatus::applied)
        .containsExactly(true, false);

    assertThat(m.migrate()).hasSize(1);

    assertThat(db.columns("library_author")).containsExactly("id", "n", "a", "b");
    assertThat(db.history()).containsExactly("library.0001_initial", "library.0002_slow");
  }

  @Test
  void aRunThatCannotBeResumedSaysWhatItCompletedAndHowToFinish() throws Exception {
    Migrata m = db.configure(migrations()).load();
    m.migrate("library", "0001");
    db.exec(
        "ALTER TABLE library_author ADD COLUMN a integer NULL",
        "INSERT INTO migrata_migrations (app, name, applied) VALUES ('library', '"
            + "0002_slow [interrupted after operation 1 of 3, deferred SQL not run]', NOW())");

    MigrataException e = catchThrowableOfType(MigrataException.class, m::migrate);

    assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
    assertThat(e)
        .hasMessage(
            "An earlier run of library.0002_slow was interrupted after operation 1 of 3, and"
                + " cannot be resumed: the statements it deferred to the end of the migration"
                + " never ran.\n"
                + "Completed by the interrupted run:\n"
                + "  1. Add field a to author\n"
                + "Finish the rest by hand (migrata sqlmigrate library 0002_slow shows its SQL),"
                + " then record it with: migrata migrate library 0002_slow --fake");
    m.migrate(m.plan("library", "0002_slow"), true);
    assertThat(db.rows("SELECT name FROM migrata_migrations ORDER BY id"))
        .containsExactly("0001_initial", "0002_slow");
  }

  /** On SQLite, 0002 (not atomic) adds a and b. */
  private static List<MigrationDefinition> nonAtomic() {
    FieldState a = FieldState.builder("a", "IntegerField").nullable(true).build();
    FieldState b = FieldState.builder("b", "IntegerField").nullable(true).build();
    return List.of(
        migration("library", "0001_initial")
            .ops(createModel("library", "Author", id(), integer("n"))),
        migration("library", "0002_ab")
            .dependsOn("library", "0001_initial")
            .atomic(false)
            .ops(new AddField("author", a, true), new AddField("author", b, true)));
  }

  @Test
  void aFailedResumeSaysSoAndLeavesNoProgressRow() throws Exception {
    Db sqlite = new Db(dir);
    Migrata m = sqlite.configure(nonAtomic()).load();
    m.migrate("library", "0001");
    sqlite.exec(
        "ALTER TABLE library_author ADD COLUMN a integer NULL",
        "ALTER TABLE library_author ADD COLUMN b integer NULL",
        "INSERT INTO migrata_migrations (app, name, applied) VALUES ('library', '"
            + "0002_ab [interrupted after operation 1 of 2]', CURRENT_TIMESTAMP)");

    MigrataException e = catchThrowableOfType(MigrataException.class, m::migrate);

    assertThat(e.getMessage())
        .startsWith("Applying library.0002_ab failed at operation 2 (Add field b to author)")
        .contains(
            "This run resumed an interrupted one after operation 1 (operations 1-1 ran then;"
                + " the next one may have run in part).\nApplied:\n  (none)\nFailed")
        .contains("Not applied:\n  (none)\n");
    // The failure is reported; the user completes or undoes it, and the next run starts over.
    assertThat(sqlite.rows("SELECT name FROM migrata_migrations")).containsExactly("0001_initial");
  }

  @Test
  void aNonAtomicRunThatFailsLeavesNoProgressRow() throws Exception {
    Db sqlite = new Db(dir);
    Migrata m = sqlite.configure(nonAtomic()).load();
    m.migrate("library", "0001");
    sqlite.exec("ALTER TABLE library_author ADD COLUMN b integer NULL");

    MigrataException e = catchThrowableOfType(MigrataException.class, m::migrate);

    assertThat(e.getMessage()).startsWith("Applying library.0002_ab failed at operation 2");
    assertThat(sqlite.rows("SELECT name FROM migrata_migrations")).containsExactly("0001_initial");
  }

  private boolean progressRowWritten() throws Exception {
    try {
      return db.rows("SELECT name FROM migrata_migrations").contains(PROGRESS);
    } catch (java.sql.SQLException e) {
      return false; // no history table yet
    }
  }

  private String output() throws Exception {
    return Files.readString(dir.resolve("out"), StandardCharsets.UTF_8);
  }
}
