package dev.migrata;

import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddIndexConcurrently;
import dev.migrata.internal.operations.RunSql;
import dev.migrata.internal.state.IndexState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL's sqlmigrate shows the {@code lock_timeout} migrate sets (issue 10): {@code SET LOCAL}
 * after {@code BEGIN} in an atomic migration, a session {@code SET} and {@code RESET} around a
 * non-atomic one, and {@code statement_timeout = 0} around a concurrent index build; migrate runs
 * with the very value the script shows.
 */
class SqlMigrateLockTimeoutTest {
  @TempDir Path dir;
  private Db db;

  @AfterEach
  void drop() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  /** Each migration keeps the lock_timeout it ran with in a table of its own. */
  private static RunSql remember(String table) {
    return new RunSql(
        List.of("CREATE TABLE " + table + " AS SELECT current_setting('lock_timeout') AS v"),
        List.of("DROP TABLE " + table),
        false);
  }

  private static List<MigrationDefinition> migrations() {
    List<MigrationDefinition> all = new ArrayList<>(library());
    all.add(
        migration("library", "0004_atomic")
            .dependsOn("library", "0003_data")
            .ops(remember("lt_atomic")));
    all.add(
        migration("library", "0005_concurrent")
            .dependsOn("library", "0004_atomic")
            .atomic(false)
            .ops(
                new AddIndexConcurrently(
                    "book", new IndexState("book_title_idx", List.of("title"), false, null)),
                remember("lt_concurrent")));
    return all;
  }

  @Test
  void theScriptShowsTheLockTimeoutMigrateRunsWith() throws Exception {
    db = Db.create(Db.Kind.POSTGRES, dir);
    Migrata m = db.configure(migrations()).ddlLockTimeout(Duration.ofSeconds(7)).load();

    assertThat(m.sqlMigrate("library", "0004", false))
        .startsWith("BEGIN;\nSET LOCAL lock_timeout = '7000ms';\n--\n-- Raw SQL operation\n")
        .endsWith("AS v;\nCOMMIT;\n");
    String concurrent = m.sqlMigrate("library", "0005", false);
    assertThat(concurrent)
        .startsWith("SET lock_timeout = '7000ms';\n--\n-- Concurrently create index")
        .contains(
            "SET statement_timeout = 0;\n"
                + "CREATE INDEX CONCURRENTLY \"book_title_idx\" ON \"library_book\" (\"title\");\n"
                + "RESET statement_timeout;\n")
        .endsWith("RESET lock_timeout;\n")
        .doesNotContain("BEGIN;");
    assertThat(m.sqlMigrate("library", "0005", true)).startsWith("SET lock_timeout = '7000ms';\n");

    m.migrate();
    assertThat(db.rows("SELECT v FROM lt_atomic")).containsExactly("7s");
    assertThat(db.rows("SELECT v FROM lt_concurrent")).containsExactly("7s");

    // Zero keeps the server's setting: nothing to show, nothing set.
    Migrata none = db.configure(migrations()).ddlLockTimeout(Duration.ZERO).load();
    assertThat(none.sqlMigrate("library", "0004", false))
        .startsWith("BEGIN;\n--\n")
        .doesNotContain("SET LOCAL lock_timeout")
        .doesNotContain("SET lock_timeout");
    assertThat(none.sqlMigrate("library", "0005", false))
        .doesNotContain("SET LOCAL lock_timeout")
        .doesNotContain("SET lock_timeout");
  }

  @Test
  void otherBackendsShowNoLockTimeout() throws Exception {
    db = Db.create(Db.Kind.MARIADB, dir);
    Migrata m = db.configure(migrations().subList(0, 4)).load();
    assertThat(m.sqlMigrate("library", "0004", false))
        .doesNotContain("SET LOCAL lock_timeout")
        .doesNotContain("SET lock_timeout");
    db.close();
    db = null;
    Db sqlite = new Db(dir);
    assertThat(
            sqlite
                .configure(migrations().subList(0, 4))
                .load()
                .sqlMigrate("library", "0004", false))
        .doesNotContain("SET LOCAL lock_timeout")
        .doesNotContain("SET lock_timeout");
  }
}
