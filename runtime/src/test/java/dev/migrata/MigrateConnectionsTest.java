package dev.migrata;

import static dev.migrata.Fixtures.library;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What one migrate run asks of the database (issue 16): a run's fixed cost is mostly its
 * connections, so a single-migration run opens exactly one, with the session lock on it; a lease
 * lock keeps a connection of its own for its renewal thread.
 */
class MigrateConnectionsTest extends OnEveryBackend {
  @Test
  void aSingleMigrationRunOpensOneConnectionAndReadsTheHistoryTwice() throws Exception {
    db.configure(library()).load().migrate("library", "0001");
    CountingDataSource counting = new CountingDataSource(db.url);

    List<PlannedMigration> ran =
        Migrata.configure()
            .dataSource(counting)
            .migrations(library().subList(0, 2))
            .load()
            .migrate();

    assertThat(ran).hasSize(1);
    assertThat(counting.connections).as("connections, for %s", counting.sql).isEqualTo(1);
    // The plan's read, and the one under the lock; no read of interrupted runs or squashes.
    assertThat(
            counting.sql.stream()
                .filter(s -> s.startsWith("SELECT") && s.contains("FROM migrata_migrations")))
        .as("history reads in %s", counting.sql)
        .hasSize(2);
    assertThat(db.history()).contains("library.0002_book_rating");
    assertThat(counting.metadata)
        .as("the history's unique index is a catalog query, not the driver's metadata")
        .doesNotContain("getIndexInfo");
  }

  /**
   * Every statement of a single-migration run (issue 16, a run's fixed cost): the plan's history
   * read, the lock, the history read under it, the unique-index check, the DDL, the history row,
   * the unlock. PostgreSQL sends {@code SET LOCAL lock_timeout} with the first DDL; MariaDB reads
   * the server version once, with the database name the lock needs.
   */
  @Test
  void aSingleMigrationRunsTheseStatements() throws Exception {
    db.configure(library()).load().migrate("library", "0001");
    CountingDataSource counting = new CountingDataSource(db.url);

    Migrata.configure().dataSource(counting).migrations(library().subList(0, 2)).load().migrate();

    List<String> firstWords = counting.sql.stream().map(s -> s.split("[ (\\n]")[0]).toList();
    switch (kind) {
      case POSTGRES ->
          assertThat(counting.sql)
              .as("statements")
              .hasSize(8)
              .contains(
                  "SET LOCAL lock_timeout = '10000ms';\nALTER TABLE \"library_book\" ADD COLUMN"
                      + " \"rating\" integer DEFAULT 0 NOT NULL")
              .doesNotContain("SET LOCAL lock_timeout = '10000ms'");
      case MARIADB -> {
        assertThat(counting.sql).as("statements").hasSize(10);
        assertThat(counting.count("VERSION()")).as("version reads in %s", counting.sql).isOne();
        assertThat(counting.sql).contains("SELECT DATABASE(), VERSION()");
      }
      case SQLITE ->
          assertThat(firstWords)
              .as("statements in %s", counting.sql)
              .containsExactly(
                  "PRAGMA", // busy_timeout
                  "SELECT", // the plan's history read
                  "SELECT", // under the lock (a file lock: no statement)
                  "SELECT", // the unique index, one pragma query
                  "PRAGMA", "PRAGMA", "CREATE", "SELECT", "INSERT", "SELECT", "DROP", "ALTER",
                  "CREATE", "PRAGMA", "INSERT"); // the history row
    }
  }

  /**
   * The plan made before the lock is kept only when the history read under the lock has the same
   * rows: here another process records 0002 between the two reads, so the run plans again and has
   * nothing left to do (run with the first plan, it would record 0002 a second time and fail).
   */
  @Test
  void aHistoryChangedBeforeTheLockIsPlannedAgain() throws Exception {
    db.configure(library()).load().migrate("library", "0001");
    CountingDataSource counting = new CountingDataSource(db.url);
    AtomicInteger reads = new AtomicInteger();
    counting.beforeExecute =
        sql -> {
          if (sql.startsWith("SELECT") && sql.contains("FROM migrata_migrations")) {
            if (reads.incrementAndGet() == 2) {
              db.exec(
                  "INSERT INTO migrata_migrations (app, name, applied)"
                      + " VALUES ('library', '0002_book_rating', CURRENT_TIMESTAMP)");
            }
          }
        };

    List<PlannedMigration> ran =
        Migrata.configure()
            .dataSource(counting)
            .migrations(library().subList(0, 2))
            .load()
            .migrate();

    assertThat(reads).as("the plan's read and the one under the lock").hasValue(2);
    assertThat(ran).as("what the run applied").isEmpty();
    assertThat(counting.sql).as("statements").noneMatch(s -> s.contains("ALTER TABLE"));
    assertThat(db.history()).containsOnlyOnce("library.0002_book_rating");
  }

  @Test
  void migratingOneAppToATargetAlsoOpensOneConnection() throws Exception {
    db.configure(library()).load().migrate("library", "0001");
    CountingDataSource counting = new CountingDataSource(db.url);

    List<PlannedMigration> ran =
        Migrata.configure()
            .dataSource(counting)
            .migrations(library())
            .load()
            .migrate("library", "0002");

    assertThat(ran).hasSize(1);
    assertThat(counting.connections).as("connections, for %s", counting.sql).isEqualTo(1);
  }

  @Test
  void aLeaseLockKeepsAConnectionOfItsOwn() throws Exception {
    db.configure(library()).load().migrate("library", "0001");
    CountingDataSource counting = new CountingDataSource(db.url);

    List<PlannedMigration> ran =
        Migrata.configure()
            .dataSource(counting)
            .migrations(library().subList(0, 2))
            .leaseLock(Duration.ofSeconds(30))
            .load()
            .migrate();

    assertThat(ran).hasSize(1);
    assertThat(counting.connections).as("the migration's and the lease's").isEqualTo(2);
    assertThat(counting.count("migrata_lock")).isPositive();
  }
}
