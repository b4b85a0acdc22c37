package dev.migrata.internal.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.MigrationListener;
import dev.migrata.internal.migration.MigrationKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** The progress lines LongWork writes to SLF4J and to the listener. */
class LongWorkTest {
  /** An SLF4J logger that keeps its lines, as {@code LEVEL message}. */
  static final class Captured extends LegacyAbstractLogger {
    final List<String> lines = new ArrayList<>();

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String pattern, Object[] args, Throwable t) {
      lines.add(level + " " + MessageFormatter.basicArrayFormat(pattern, args));
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public boolean isDebugEnabled() {
      return false;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }
  }

  private static final MigrationKey KEY = new MigrationKey("library", "0003_alter_book_title");

  @Test
  void countedRowsAreLoggedWithTheOperationAndTheRowsSoFar() {
    Captured log = new Captured();
    List<Long> told = new ArrayList<>();
    MigrationListener listener =
        new MigrationListener() {
          @Override
          public void progress(
              MigrationKey migration, String description, long rows, Duration running) {
            told.add(rows);
          }
        };
    try (LongWork work = new LongWork(Duration.ZERO, listener, log)) {
      work.started(KEY, "Alter field title on book");
      work.rowsDone("rows copied into new__library_book", 10_000);
      work.rowsDone("rows copied into new__library_book", 5_000);
      work.finished();
      work.rowsDone("rows copied into new__library_book", 1); // after the operation: not told
    }
    assertThat(told).containsExactly(10_000L, 15_000L);
    assertThat(log.lines)
        .hasSize(2)
        .allMatch(
            l -> l.startsWith("INFO library.0003_alter_book_title: Alter field title on book"))
        .anyMatch(l -> l.endsWith(", 15000 rows copied into new__library_book done"));
  }

  @Test
  void aBackfillReportsItsTotalAndCountsEachBackfillApart() {
    Captured log = new Captured();
    List<String> told = new ArrayList<>();
    MigrationListener listener =
        new MigrationListener() {
          @Override
          public void progress(
              MigrationKey migration, String description, long rows, long total, Duration d) {
            told.add(rows + "/" + total);
          }
        };
    try (LongWork work = new LongWork(Duration.ZERO, listener, log)) {
      work.started(KEY, "Raw Java operation");
      work.rowsDone("rows of library_book updated in batches", 1_000, 1_500);
      work.rowsDone("rows of library_book updated in batches", 500, 1_500);
      work.rowsDone("rows of library_author deleted in batches", 20, 20);
      work.finished();
    }
    assertThat(told).containsExactly("1000/1500", "1500/1500", "20/20");
    assertThat(log.lines.get(1))
        .endsWith(", 1500 of 1500 rows of library_book updated in batches done");
  }

  @Test
  void anOperationThatCountsNoRowsIsReportedByTheTimerTick() {
    Captured log = new Captured();
    List<Long> told = new ArrayList<>();
    MigrationListener listener =
        new MigrationListener() {
          @Override
          public void progress(
              MigrationKey migration, String description, long rows, Duration running) {
            told.add(rows);
          }
        };
    try (LongWork work = new LongWork(Duration.ZERO, listener, log)) {
      work.started(KEY, "Alter field title on book");
      work.tick(); // what the timer thread does every interval
      work.finished();
      work.tick(); // between operations: nothing to tell
    }
    assertThat(told).containsExactly(-1L);
    assertThat(log.lines)
        .singleElement()
        .asString()
        .startsWith("INFO library.0003_alter_book_title: Alter field title on book still running")
        .doesNotContain("rows");
  }

  @Test
  void nothingIsReportedBeforeTheIntervalHasPassed() {
    Captured log = new Captured();
    try (LongWork work = new LongWork(Duration.ofHours(1), MigrationListener.NONE, log)) {
      work.started(KEY, "Alter field title on book");
      work.rowsDone("rows copied into new__library_book", 10_000);
      work.finished();
    }
    assertThat(log.lines).isEmpty();
  }
}
