package dev.migrata;

import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.migration;
import static dev.migrata.Fixtures.plus;
import static dev.migrata.Fixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationIndex;
import dev.migrata.internal.operations.RunSql;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Deploys that migrate at the same time: eight JVMs running the CLI against one database, and the
 * lock's behaviour when another session holds it (waiting, naming the holder, timing out, and
 * never outliving a session that died).
 */
class ConcurrentDeployTest extends OnEveryBackend {
  static final int PROCESSES = 8;

  /** library + shop + a migration that takes a moment and must run once. */
  static List<MigrationDefinition> migrations() {
    List<MigrationDefinition> all = new ArrayList<>(plus(library(), shop()));
    all.add(
        migration("library", "0004_slow")
            .dependsOn("library", "0003_data")
            .ops(
                new RunSql(
                    List.of(
                        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x <"
                            + " 200000) SELECT count(*) FROM c",
                        "INSERT INTO library_author (name) VALUES ('once')"),
                    List.of(""),
                    false)));
    return all;
  }

  @Test
  void eightProcessesApplyEachMigrationExactlyOnce() throws Exception {
    Path classes = dir.resolve("classes");
    Path index = classes.resolve(MigrationIndex.RESOURCE);
    Files.createDirectories(index.getParent());
    Files.writeString(index, MigrationIndex.write(migrations()));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = classes + File.pathSeparator + System.getProperty("java.class.path");

    long start = System.nanoTime();
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      ProcessBuilder pb =
          new ProcessBuilder(
              java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classpath,
              "dev.migrata.cli.Main", "migrate", "--url", db.url, "--lock-timeout", "60");
      pb.redirectOutput(dir.resolve("out" + i).toFile());
      pb.redirectError(dir.resolve("err" + i).toFile());
      processes.add(pb.start());
    }
    List<String> outputs = new ArrayList<>();
    int waited = 0;
    String waitLine = null;
    for (int i = 0; i < PROCESSES; i++) {
      Process p = processes.get(i);
      boolean done = p.waitFor(120, TimeUnit.SECONDS);
      if (!done) {
        processes.forEach(Process::destroyForcibly);
      }
      String out = Files.readString(dir.resolve("out" + i), StandardCharsets.UTF_8);
      String err = Files.readString(dir.resolve("err" + i), StandardCharsets.UTF_8);
      assertThat(done).as("process %d finished in time", i).isTrue();
      assertThat(p.exitValue()).as("process %d exit code; stdout:%n%s%nstderr:%n%s", i, out, err)
          .isZero();
      outputs.add(out);
      if (err.contains("Waiting for the migration lock, held by ")) {
        waited++;
        waitLine = err.lines().filter(l -> l.startsWith("Waiting")).findFirst().orElseThrow();
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    System.out.printf(
        "%s: %d concurrent migrate processes took %.1fs; %d waited for the lock, e.g. %s%n",
        kind, PROCESSES, took.toMillis() / 1000.0, waited, waitLine);

    List<String> expected =
        List.of(
            "library.0001_initial", "library.0002_book_rating", "library.0003_data",
            "library.0004_slow", "shop.0001_initial");
    assertThat(db.history()).hasSameElementsAs(expected).doesNotHaveDuplicates();
    assertThat(db.rows("SELECT count(*) FROM library_author WHERE name = 'once'"))
        .containsExactly("1");
    for (String migration : expected) {
      assertThat(outputs.stream().filter(o -> o.contains("Applying " + migration + "... OK")))
          .as("processes that applied %s", migration)
          .hasSize(1);
    }
    assertThat(outputs.stream().filter(o -> o.contains("  No migrations to apply.")))
        .hasSizeGreaterThanOrEqualTo(1);
  }

  @Test
  void waitsForTheHolderNamesItAndGivesUpAfterTheTimeout() throws Exception {
    if (kind == Db.Kind.SQLITE) {
      return; // the file lock is covered in MigrataTest; this is about server sessions
    }
    Migrata m = db.configure().migrations(library()).lockTimeout(Duration.ofSeconds(1)).load();
    AtomicReference<String> told = new AtomicReference<>();
    Migrata watched =
        db.configure()
            .migrations(library())
            .lockTimeout(Duration.ofSeconds(1))
            .listener(
                new MigrationListener() {
                  @Override
                  public void waitingForLock(String holder, Duration timeout) {
                    told.set(holder);
                  }
                })
            .load();
    try (Connection holder = db.open();
        Statement st = holder.createStatement()) {
      long holderId = holdLock(holder, st);
      assertThatThrownBy(watched::migrate)
          .isInstanceOf(MigrataException.class)
          .hasMessageStartingWith("Gave up after 1s waiting for the migration lock, held by ")
          .hasMessageContaining(
              kind == Db.Kind.POSTGRES
                  ? "PostgreSQL backend pid " + holderId
                  : "connection " + holderId)
          .extracting(e -> ((MigrataException) e).code())
          .isEqualTo(ErrorCode.LOCK_TIMEOUT);
      assertThat(told.get()).contains(String.valueOf(holderId));
      assertThat(db.tables()).isEmpty();
      // The holder's session dies without unlocking, as a crashed process's would.
    }
    assertThat(m.migrate()).hasSize(3);
  }

  /** Takes the lock the way a migrate run does; returns the session's id. */
  private long holdLock(Connection c, Statement st) throws Exception {
    if (kind == Db.Kind.POSTGRES) {
      long key = ((long) 0x6d696772 << 32) | 0x61746121; // PostgresBackend.KEY
      st.execute("SELECT pg_advisory_lock(" + key + ")");
      try (var rs = st.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        return rs.getLong(1);
      }
    }
    try (var rs = st.executeQuery("SELECT GET_LOCK(concat('migrata:', DATABASE()), 0)")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
    try (var rs = st.executeQuery("SELECT CONNECTION_ID()")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
