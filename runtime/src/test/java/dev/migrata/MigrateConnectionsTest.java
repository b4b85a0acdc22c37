package dev.migrata;

import static dev.migrata.Fixtures.library;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
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
