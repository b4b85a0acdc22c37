package dev.migrata.samples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight instances of the application, each in its own JVM, started at once against one new database
 * (a rolling deployment's worst case): each exits 0, and each migration is applied exactly once
 * (one history row each, one "Applying" line each across all eight logs). The others wait for the
 * migration lock, then find nothing to apply.
 */
class EightInstancesTest {
  private static final int INSTANCES = 8;

  @TempDir Path dir;

  @Test
  void eightInstancesStartedTogetherApplyEachMigrationOnce() throws Exception {
    try (Db db = Db.create(Db.Kind.POSTGRES, dir)) {
      List<Process> processes = new ArrayList<>();
      List<Path> logs = new ArrayList<>();
      for (int i = 0; i < INSTANCES; i++) {
        Path log = dir.resolve("instance-" + i + ".log");
        logs.add(log);
        processes.add(command(db).redirectErrorStream(true).redirectOutput(log.toFile()).start());
      }
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < INSTANCES; i++) {
        Process p = processes.get(i);
        // A guard against a hung JVM, not a timing assertion.
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
          p.destroyForcibly();
        }
        String out = Files.readString(logs.get(i), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("instance %d exit code; its output:%n%s", i, out).isZero();
        // Each ran the start-up migration: it applied the migrations or found nothing to apply.
        assertThat(out).as("instance %d", i).contains("Apply all migrations: shelf: ");
        all.append(out);
      }
      assertThat(db.rows("SELECT app, name, count(*) FROM migrata_migrations GROUP BY app, name"))
          .containsExactlyInAnyOrder("shelf|0001_initial|1", "shelf|0002_book_rating|1");
      assertThat(count(all, "Applying shelf.0001_initial... OK")).isEqualTo(1);
      assertThat(count(all, "Applying shelf.0002_book_rating... OK")).isEqualTo(1);
      assertThat(count(all, "Apply all migrations: shelf: no migrations to apply."))
          .isEqualTo(INSTANCES - 1);
    }
  }

  /** {@code java -cp <this test's class path> StartAndExit ...}, small enough for eight at once. */
  private static ProcessBuilder command(Db db) {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Dmariadb.logging.disable=true");
    command.add("-cp");
    command.add(classPath.replace(":", File.pathSeparator));
    command.add(StartAndExit.class.getName());
    command.addAll(Shelf.args(db));
    return new ProcessBuilder(command);
  }

  private static int count(CharSequence text, String needle) {
    int n = 0;
    for (int at = text.toString().indexOf(needle);
        at >= 0;
        at = text.toString().indexOf(needle, at + 1)) {
      n++;
    }
    return n;
  }
}
