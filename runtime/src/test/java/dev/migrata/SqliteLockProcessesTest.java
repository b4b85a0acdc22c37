package dev.migrata;

import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.RunSql;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes that reach one SQLite file by different paths (absolute, through a symlink to the
 * file, through a symlinked directory, relative, with {@code ./}) take one lock: a non-atomic
 * data migration runs once, not once per path (issue 12).
 */
class SqliteLockProcessesTest {
  @TempDir Path dir;

  /** library + a slow, non-atomic data migration whose effect shows how often it ran. */
  static List<MigrationDefinition> migrations() {
    List<MigrationDefinition> all = new ArrayList<>(library());
    all.add(
        migration("library", "0004_slow")
            .dependsOn("library", "0003_data")
            .atomic(false)
            .ops(
                new RunSql(
                    List.of(
                        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x <"
                            + " 1000000) SELECT count(*) FROM c",
                        "INSERT INTO library_author (name) VALUES ('once')"),
                    List.of(""),
                    false)));
    return all;
  }

  /** One process's run: {@code migrate} against the URL in {@code args[0]}. */
  public static void main(String[] args) {
    Migrata.configure().jdbcUrl(args[0], null, null).migrations(migrations()).load().migrate();
  }

  @Test
  void processesReachingOneFileByDifferentPathsApplyEachMigrationOnce() throws Exception {
    Path real = dir.toRealPath().resolve("test.db");
    Files.createSymbolicLink(dir.resolve("link.db"), real);
    Files.createSymbolicLink(dir.resolve("linked-dir"), dir.toRealPath());
    List<String> urls =
        List.of(
            "jdbc:sqlite:" + real,
            "jdbc:sqlite:link.db",
            "jdbc:sqlite:linked-dir/test.db",
            "jdbc:sqlite:test.db",
            "jdbc:sqlite:./test.db",
            "jdbc:sqlite:" + dir.resolve("link.db"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      ProcessBuilder pb =
          new ProcessBuilder(
              java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
              "-cp", System.getProperty("java.class.path"),
              SqliteLockProcessesTest.class.getName(), urls.get(i));
      pb.directory(dir.toFile());
      pb.redirectErrorStream(true);
      pb.redirectOutput(dir.resolve("out" + i).toFile());
      processes.add(pb.start());
    }
    for (int i = 0; i < processes.size(); i++) {
      Process p = processes.get(i);
      boolean done = p.waitFor(120, TimeUnit.SECONDS);
      if (!done) {
        processes.forEach(Process::destroyForcibly);
      }
      String out = Files.readString(dir.resolve("out" + i), StandardCharsets.UTF_8);
      assertThat(done).as("process %d finished in time", i).isTrue();
      assertThat(p.exitValue()).as("process %d (%s):%n%s", i, urls.get(i), out).isZero();
    }
    Db db = new Db(dir);
    assertThat(db.rows("SELECT count(*) FROM library_author WHERE name = 'once'"))
        .containsExactly("1");
    assertThat(db.rows("SELECT count(*) FROM library_author WHERE name = 'Ann'"))
        .containsExactly("1");
    assertThat(db.history()).doesNotHaveDuplicates().hasSize(4);
    try (var files = Files.list(dir)) {
      assertThat(files.filter(f -> f.getFileName().toString().endsWith(".migrata-lock")))
          .containsExactly(real.resolveSibling("test.db.migrata-lock"));
    }
  }
}
