package dev.migrata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.Backends;
import dev.migrata.internal.backends.MigrationLock;
import dev.migrata.internal.backends.base.LeaseLock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The lease lock ({@code migrata_lock}) on every backend, where it is an option: one run at a time,
 * a crashed holder's lease taken over once expired, a live one waited for, and a lease taken over
 * from a live run noticed by that run (issue 15).
 */
class LeaseLockTest extends OnEveryBackend {
  private static final String CREATE =
      "CREATE TABLE migrata_lock (name varchar(64) NOT NULL PRIMARY KEY,"
          + " holder varchar(255) NOT NULL, expires bigint NOT NULL)";

  @Test
  void migratesUnderALeaseAndLeavesNoRowBehind() throws Exception {
    db.configure(Fixtures.library()).leaseLock(Duration.ofSeconds(2)).load().migrate();

    assertThat(db.history()).hasSize(3);
    assertThat(db.rows("SELECT count(*) FROM migrata_lock")).containsExactly("0");
  }

  @Test
  void concurrentRunsUnderALeaseApplyEachMigrationOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(
            pool.submit(
                () ->
                    db.configure(SqliteLockProcessesTest.migrations())
                        .leaseLock(Duration.ofSeconds(2))
                        .load()
                        .migrate()));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(db.rows("SELECT count(*) FROM library_author WHERE name = 'once'"))
        .containsExactly("1");
    assertThat(db.history()).doesNotHaveDuplicates().hasSize(4);
  }

  @Test
  void anExpiredLeaseOfACrashedRunIsTakenOver() throws Exception {
    db.exec(CREATE, "INSERT INTO migrata_lock VALUES ('migrate', 'a crashed run', 0)");

    db.configure(Fixtures.library()).leaseLock(Duration.ofSeconds(2)).load().migrate();

    assertThat(db.history()).hasSize(3);
    assertThat(db.rows("SELECT count(*) FROM migrata_lock")).containsExactly("0");
  }

  @Test
  void aLiveLeaseIsWaitedForThenNamedInTheTimeout() throws Exception {
    db.exec(CREATE, "INSERT INTO migrata_lock VALUES ('migrate', 'a live run', 9000000000000000)");
    List<String> told = new ArrayList<>();

    MigrataException e =
        catchThrowableOfType(
            MigrataException.class,
            () ->
                db.configure(Fixtures.library())
                    .leaseLock(Duration.ofSeconds(2))
                    .lockTimeout(Duration.ofSeconds(1))
                    .listener(
                        new MigrationListener() {
                          @Override
                          public void waitingForLock(String holder, Duration timeout) {
                            told.add(holder);
                          }
                        })
                    .load()
                    .migrate());

    assertThat(e.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
    assertThat(e.getMessage()).contains("migration lease, held by a live run, lease expires in");
    assertThat(told).singleElement().asString().startsWith("a live run");
    assertThat(db.tables()).containsExactly("migrata_lock");
  }

  @Test
  void aRunWhoseLeaseWasTakenOverKnowsIt() throws Exception {
    Backend backend = Backends.forUrl(db.url);
    MigrationLock lock =
        LeaseLock.acquire(
            () -> {
              var c = db.open();
              backend.prepare(c);
              return c;
            },
            backend.leaseDialect(),
            Duration.ofMillis(300),
            Duration.ofSeconds(5),
            holder -> {});
    try {
      lock.verify();
      db.exec("UPDATE migrata_lock SET holder = 'another run'");
      MigrataException lost = null;
      // The renewal (every 100 ms here) is what notices; wait for it, bounded.
      for (int i = 0; i < 200 && lost == null; i++) {
        Thread.sleep(50);
        lost = catchThrowableOfType(MigrataException.class, lock::verify);
      }
      assertThat(lost).isNotNull();
      assertThat(lost.code()).isEqualTo(ErrorCode.LOCK_LOST);
      assertThat(lost.getMessage())
          .contains("no longer holds the migration lease (another run took the lease over");
    } finally {
      lock.close();
    }
    // Closing deletes only its own row: the other run's stays.
    assertThat(db.rows("SELECT holder FROM migrata_lock")).containsExactly("another run");
  }
}
