package dev.migrata;

import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.migration;
import static dev.migrata.Fixtures.plus;
import static dev.migrata.Fixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.RunSql;
import dev.migrata.internal.state.FieldState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The runtime end to end, on every backend: the same migrations and assertions on SQLite,
 * PostgreSQL and MariaDB, each test in a database of its own.
 */
class MigrataTest extends OnEveryBackend {
  private Migrata migrata(List<MigrationDefinition> migrations) {
    return db.configure().migrations(migrations).load();
  }

  private static List<String> keys(List<PlannedMigration> steps) {
    return steps.stream().map(PlannedMigration::toString).toList();
  }

  @Test
  void appliesEverythingInDependencyOrder() throws Exception {
    List<PlannedMigration> ran = migrata(plus(shop(), library())).migrate();

    assertThat(keys(ran))
        .containsExactly(
            "+library.0001_initial", "+library.0002_book_rating", "+library.0003_data",
            "+shop.0001_initial");
    assertThat(db.history())
        .containsExactly(
            "library.0001_initial", "library.0002_book_rating", "library.0003_data",
            "shop.0001_initial");
    assertThat(db.rows("SELECT name FROM library_author")).containsExactly("Ann");
    switch (kind) {
      case SQLITE:
        assertThat(db.schema())
            .contains(
                "table library_author: CREATE TABLE \"library_author\" (\"id\" integer NOT NULL"
                    + " PRIMARY KEY AUTOINCREMENT, \"name\" varchar(100) NOT NULL)",
                "index library_book_author_id_d9a3b67e: CREATE INDEX"
                    + " \"library_book_author_id_d9a3b67e\" ON \"library_book\" (\"author_id\")",
                "table shop_order: CREATE TABLE \"shop_order\" (\"id\" integer NOT NULL PRIMARY"
                    + " KEY AUTOINCREMENT, \"book_id\" bigint NOT NULL REFERENCES \"library_book\""
                    + " (\"id\") ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED, \"quantity\""
                    + " integer NOT NULL)");
        break;
      case POSTGRES:
        assertThat(db.columnDefinitions("shop_order"))
            .containsExactly("id bigint NOT NULL", "book_id bigint NOT NULL",
                "quantity integer NOT NULL");
        assertThat(db.indexes("library_book")).containsExactly("library_book_author_id_d9a3b67e");
        assertThat(
                db.rows(
                    "SELECT conname, confdeltype, condeferrable, condeferred FROM pg_constraint"
                        + " WHERE contype = 'f' ORDER BY conname"))
            .containsExactly(
                "library_book_author_id_d9a3b67e_fk_library_author_id|c|true|true",
                "shop_order_book_id_2ea39165_fk_library_book_id|r|true|true");
        assertThat(db.rows("SELECT is_identity FROM information_schema.columns"
                + " WHERE table_name = 'library_author' AND column_name = 'id'"))
            .containsExactly("YES");
        break;
      case MARIADB:
        assertThat(db.columnDefinitions("shop_order"))
            .containsExactly("id bigint(20) NOT NULL", "book_id bigint(20) NOT NULL",
                "quantity int(11) NOT NULL");
        // InnoDB indexes the foreign key itself, under the constraint's name.
        assertThat(db.indexes("library_book"))
            .containsExactly("library_book_author_id_d9a3b67e_fk_library_author_id");
        assertThat(
                db.rows(
                    "SELECT constraint_name, delete_rule FROM"
                        + " information_schema.referential_constraints WHERE constraint_schema ="
                        + " DATABASE() ORDER BY constraint_name"))
            .containsExactly(
                "library_book_author_id_d9a3b67e_fk_library_author_id|CASCADE",
                "shop_order_book_id_2ea39165_fk_library_book_id|RESTRICT");
        assertThat(db.rows("SELECT engine, table_collation FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name = 'library_book'"))
            .singleElement().asString().startsWith("InnoDB|utf8mb4");
        break;
    }
  }

  @Test
  void anUpToDateDatabaseCostsOneReadOfTheHistoryAndNoLock() throws Exception {
    migrata(plus(library(), shop())).migrate();
    CountingDataSource counting = new CountingDataSource(db.url);

    List<PlannedMigration> ran =
        Migrata.configure().dataSource(counting).migrations(plus(library(), shop())).load().migrate();

    assertThat(ran).isEmpty();
    assertThat(counting.count("FROM migrata_migrations"))
        .as("history reads in %s", counting.sql)
        .isEqualTo(1);
    assertThat(counting.connections).as("no second connection for the lock").isEqualTo(1);
    assertThat(counting.sql.stream().filter(q -> !q.startsWith("PRAGMA")))
        .as("no table check before the read")
        .containsExactly("SELECT app, name, checksum FROM migrata_migrations ORDER BY id");
  }

  @Test
  void secondRunHasNothingToDoAndDecodesNoOperations() throws Exception {
    migrata(plus(library(), shop())).migrate();
    // Fresh definitions, as a new process would read them from the index.
    List<MigrationDefinition> fresh = plus(library(), shop());
    Fixtures.DECODES.set(0);

    Migrata m = migrata(fresh);
    assertThat(m.plan().isEmpty()).isTrue();
    assertThat(m.migrate()).isEmpty();
    assertThat(m.showMigrations().get("library")).allMatch(MigrationStatus::applied);

    assertThat(Fixtures.DECODES.get()).isZero();
    // Sanity check that the counter works: planning an unapply decodes.
    m.migrate("library", "0002").forEach(p -> p.operations().size());
    assertThat(Fixtures.DECODES.get()).isPositive();
  }

  @Test
  void unappliesToATargetThenToZeroThenReapplies() throws Exception {
    Migrata m = migrata(plus(library(), shop()));
    m.migrate();

    // Minimize rollbacks: unapplying library to 0001 takes shop with it (it depends on 0002);
    // children are visited in reverse-sorted order, as Django's DFS.
    assertThat(keys(m.migrate("library", "0001")))
        .containsExactly("-shop.0001_initial", "-library.0003_data", "-library.0002_book_rating");
    assertThat(db.history()).containsExactly("library.0001_initial");
    assertThat(db.tables()).containsExactly("library_author", "library_book", "migrata_migrations");
    assertThat(db.rows("SELECT count(*) FROM library_author")).containsExactly("0");
    assertThat(db.columns("library_book")).containsExactly("id", "title", "author_id");

    assertThat(keys(m.migrate("library", "zero"))).containsExactly("-library.0001_initial");
    assertThat(db.tables()).containsExactly("migrata_migrations");
    assertThat(db.history()).isEmpty();

    assertThat(m.migrate()).hasSize(4);
    assertThat(db.history()).hasSize(4);
    assertThat(db.columns("library_book")).containsExactly("id", "title", "author_id", "rating");
  }

  @Test
  void migratesAnAppToAPrefixAndReportsAmbiguityAndUnknownNames() {
    Migrata m = migrata(library());
    assertThat(m.plan("library", "0002").header())
        .isEqualTo("Target specific migration: 0002_book_rating, from library");
    assertThat(keys(m.migrate("library", "0002")))
        .containsExactly("+library.0001_initial", "+library.0002_book_rating");

    assertThatThrownBy(() -> m.plan("library", "000"))
        .isInstanceOf(MigrataException.class)
        .hasMessage("More than one migration matches '000' in app 'library'. Please be more specific.");
    assertThatThrownBy(() -> m.plan("library", "0099"))
        .hasMessage("Cannot find a migration matching '0099' from app 'library'.");
    assertThatThrownBy(() -> m.plan("nope", null))
        .hasMessage("App 'nope' does not have migrations.")
        .extracting(e -> ((MigrataException) e).code())
        .isEqualTo(ErrorCode.UNKNOWN_APP);
    assertThat(m.plan("library", "zero").header()).isEqualTo("Unapply all migrations: library");
    assertThat(m.plan().header()).isEqualTo("Apply all migrations: library");
  }

  @Test
  void failingMigrationLeavesSchemaAndHistoryExactlyAsBefore() throws Exception {
    List<MigrationDefinition> migrations = new ArrayList<>(library());
    migrations.add(
        migration("library", "0004_bad")
            .dependsOn("library", "0003_data")
            .ops(
                new AlterField("book", Fixtures.chars("title", 50), true),
                new RunSql(List.of("INSERT INTO library_author (name) VALUES ('Bob')"), null, false),
                new RunSql(List.of("THIS IS NOT SQL"), null, false),
                new AddField(
                    "book", FieldState.builder("pages", "IntegerField").nullable(true).build(),
                    true)));
    Migrata m = migrata(migrations);
    m.migrate("library", "0003");
    db.exec("INSERT INTO library_book (title, author_id, rating) VALUES ('Dune', 1, 5)");
    List<String> schema = db.schema();
    List<String> history = db.history();

    if (kind == Db.Kind.MARIADB) {
      failingMigrationIsReportedOperationByOperation(m, history);
      return;
    }
    assertThatThrownBy(m::migrate)
        .isInstanceOf(MigrataException.class)
        .hasMessageStartingWith(
            "Applying library.0004_bad failed at operation 3 (Raw SQL operation):")
        .hasMessageContaining("THIS IS NOT SQL")
        .hasMessageEndingWith("the migration was rolled back.")
        .extracting(e -> ((MigrataException) e).code())
        .isEqualTo(ErrorCode.MIGRATION_FAILED);

    assertThat(db.schema()).isEqualTo(schema);
    assertThat(db.history()).isEqualTo(history);
    assertThat(db.rows("SELECT name FROM library_author")).containsExactly("Ann");
    assertThat(db.rows("SELECT title FROM library_book")).containsExactly("Dune");
  }

  /**
   * MariaDB commits each DDL statement: the migration stays half-applied, is not recorded, and
   * the error says exactly how far it got, without claiming a rollback.
   */
  private void failingMigrationIsReportedOperationByOperation(Migrata m, List<String> history)
      throws Exception {
    MigrataException e = catchThrowableOfType(MigrataException.class, m::migrate);
    assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
    String message = e.getMessage();
    assertThat(message.lines().toList())
        .first()
        .asString()
        .startsWith("Applying library.0004_bad failed at operation 3 (Raw SQL operation):")
        .contains("You have an error in your SQL syntax");
    assertThat(message.substring(message.indexOf('\n') + 1))
        .isEqualTo(
            "This database cannot roll back schema changes, so nothing was rolled back."
                + " library.0004_bad was not recorded as applied.\n"
                + "Applied:\n"
                + "  1. Alter field title on book\n"
                + "       ALTER TABLE `library_book` MODIFY `title` varchar(50) NOT NULL;\n"
                + "  2. Raw SQL operation\n"
                + "       INSERT INTO library_author (name) VALUES ('Bob');\n"
                + "Failed (statements above the failed one ran):\n"
                + "  3. Raw SQL operation\n"
                + "       THIS IS NOT SQL;  <- failed\n"
                + "Not applied:\n"
                + "  4. Add field pages to book\n"
                + "Complete or undo the applied part by hand, then run migrate again (or record"
                + " the migration with --fake).");
    assertThat(message).doesNotContain("the migration was rolled back");
    assertThat(db.history()).isEqualTo(history).doesNotContain("library.0004_bad");
    assertThat(db.columnDefinitions("library_book")).contains("title varchar(50) NOT NULL");
    assertThat(db.columns("library_book")).doesNotContain("pages");
  }

  @Test
  void irreversibleOperationStopsTheBackwardsPlanBeforeAnythingRuns() throws Exception {
    List<MigrationDefinition> migrations = new ArrayList<>(library());
    migrations.add(
        migration("library", "0004_oneway")
            .dependsOn("library", "0003_data")
            .ops(new RunSql(List.of("UPDATE library_author SET name = 'X'"), null, false)));
    migrations.add(
        migration("library", "0005_later")
            .dependsOn("library", "0004_oneway")
            .ops(new RunSql(List.of("SELECT 1"), List.of("DELETE FROM library_author"), false)));
    Migrata m = migrata(migrations);
    m.migrate();
    List<String> history = db.history();

    assertThatThrownBy(() -> m.migrate("library", "0001"))
        .hasMessage(
            "Operation 1 (RunSql: Raw SQL operation) in library.0004_oneway is not reversible.");
    assertThat(db.history()).isEqualTo(history);
    assertThat(db.rows("SELECT name FROM library_author")).containsExactly("X");
  }

  @Test
  void fakeRecordsWithoutRunning() throws Exception {
    Migrata m = migrata(library());
    List<PlannedMigration> ran = m.migrate(m.plan("library", "0001"), true);
    assertThat(keys(ran)).containsExactly("+library.0001_initial");
    assertThat(db.history()).containsExactly("library.0001_initial");
    assertThat(db.tables()).containsExactly("migrata_migrations");
    m.migrate(m.plan("library", "zero"), true);
    assertThat(db.history()).isEmpty();
  }

  @Test
  void inconsistentHistoryIsRefusedWithoutChanges() throws Exception {
    Migrata m = migrata(library());
    m.migrate();
    db.exec("DELETE FROM migrata_migrations WHERE name = '0001_initial'");
    assertThatThrownBy(m::migrate)
        .hasMessage(
            "Migration library.0002_book_rating is applied before its dependency"
                + " library.0001_initial.");
  }

  @Test
  void concurrentRunsApplyEachMigrationOnce() throws Exception {
    List<MigrationDefinition> migrations = new ArrayList<>(library());
    migrations.add(
        migration("library", "0004_slow")
            .dependsOn("library", "0003_data")
            .ops(
                new RunSql(
                    List.of(
                        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x <"
                            + " 300000) SELECT count(*) FROM c",
                        "INSERT INTO library_author (name) VALUES ('once')"),
                    List.of(""),
                    false)));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<List<PlannedMigration>>> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      runs.add(pool.submit(() -> migrata(migrations).migrate()));
    }
    int total = 0;
    for (Future<List<PlannedMigration>> f : runs) {
      total += f.get().size();
    }
    pool.shutdown();
    assertThat(total).isEqualTo(4);
    assertThat(db.history()).hasSize(4).doesNotHaveDuplicates();
    assertThat(db.rows("SELECT count(*) FROM library_author WHERE name = 'once'"))
        .containsExactly("1");
  }

  @Test
  void conflictsAreRefusedWithTheMergeHint() {
    List<MigrationDefinition> migrations = new ArrayList<>(library());
    migrations.add(
        migration("library", "0002_other").dependsOn("library", "0001_initial").ops());
    assertThatThrownBy(() -> migrata(migrations).migrate())
        .hasMessage(
            "Conflicting migrations detected; multiple leaf nodes in the migration graph:"
                + " (0002_other, 0003_data in library). To fix them, compile with"
                + " -Amigrata.merge=true to write a merge migration.")
        .extracting(e -> ((MigrataException) e).code())
        .isEqualTo(ErrorCode.CONFLICT);
  }

  /** Without MySQL Connector/J on the class path, the MariaDB driver takes jdbc:mysql: URLs. */
  @Test
  void mysqlUrlsWorkWithTheBundledDriver() throws Exception {
    if (kind != Db.Kind.MARIADB) {
      return;
    }
    String url = db.url.replace("jdbc:mariadb:", "jdbc:mysql:");
    Migrata m = Migrata.configure().jdbcUrl(url, null, null).migrations(library()).load();
    assertThat(m.migrate()).hasSize(3);
    assertThat(m.sqlMigrate("library", "0001", false)).contains("`library_author`");
    assertThat(db.history()).hasSize(3);
  }
}
