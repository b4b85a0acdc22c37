package dev.migrata.samples.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Eight instances of the sample app start together against one database, as in a rolling deploy:
 * each runs its startup migration; every migration must be applied exactly once.
 */
class ConcurrentStartupTest {
  private static final int PROCESSES = 8;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Db.Kind.class)
  void eightProcessesApplyEachMigrationExactlyOnce(Db.Kind kind) throws Exception {
    try (Db db = Db.create(kind, dir)) {
      List<Process> processes = new ArrayList<>();
      List<Path> outputs = new ArrayList<>();
      for (int i = 0; i < PROCESSES; i++) {
        Path out = dir.resolve("app-" + i + ".log");
        outputs.add(out);
        processes.add(
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    LibraryApp.class.getName(),
                    "--url",
                    db.url)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start());
      }
      for (int i = 0; i < PROCESSES; i++) {
        Process p = processes.get(i);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("process %d finished", i).isTrue();
        assertThat(p.exitValue()).as("process %d exit code; output:%n%s", i, log(outputs.get(i))).isZero();
      }

      assertThat(db.history()).containsExactlyInAnyOrderElementsOf(LibraryAppTest.HISTORY);
      long appliedLines = 0;
      for (Path out : outputs) {
        appliedLines += Files.readAllLines(out).stream().filter(l -> l.startsWith("Applied ")).count();
      }
      assertThat(appliedLines)
          .as("each migration is reported as applied by exactly one process")
          .isEqualTo(LibraryAppTest.HISTORY.size());
    }
  }

  private static String log(Path out) {
    try {
      return Files.readString(out);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }
}
