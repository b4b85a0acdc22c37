package dev.migrata.internal.executor;

import dev.migrata.MigrationListener;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.RowProgress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says what a migrate run is doing while one operation takes long: once the operation has run for
 * an interval (5 s by default), and again every interval, an INFO line on {@code
 * dev.migrata.progress} and {@link MigrationListener#progress} name the migration, the operation
 * and, for work that counts rows (a SQLite table rebuild, a RunJava row-API batch), the rows done
 * so far.
 *
 * <p>Two things trigger a report. Counted rows report from the working thread itself when an
 * interval has passed since the last report (so an interval of zero reports every count, which is
 * what the tests rely on, with no timing involved). An operation that counts nothing (one long
 * {@code ALTER TABLE}) is reported by a daemon timer thread, started with the first operation and
 * stopped by {@link #close}.
 */
final class LongWork implements RowProgress, AutoCloseable {
  /**
   * Five seconds, or the milliseconds of the system property {@code
   * migrata.internal.progressInterval} (not API: the tests set 0 to report every count).
   */
  static Duration defaultInterval() {
    Long millis = Long.getLong("migrata.internal.progressInterval");
    return millis == null || millis < 0 ? Duration.ofSeconds(5) : Duration.ofMillis(millis);
  }

  private static final Logger LOG = LoggerFactory.getLogger("dev.migrata.progress");

  private final Duration interval;
  private final MigrationListener listener;
  private final Logger log;
  private ScheduledExecutorService timer;

  // The operation running now; read by the timer thread, hence guarded by this.
  private MigrationKey migration;
  private String description;
  private long startNanos;
  private long lastReportNanos;
  private long rows = -1;
  private long total = -1;
  private String work;

  LongWork(Duration interval, MigrationListener listener) {
    this(interval, listener, LOG);
  }

  LongWork(Duration interval, MigrationListener listener, Logger log) {
    this.interval = interval;
    this.listener = listener;
    this.log = log;
  }

  /** {@code description} of {@code migration} starts now. */
  synchronized void started(MigrationKey migration, String description) {
    this.migration = migration;
    this.description = description;
    this.startNanos = System.nanoTime();
    this.lastReportNanos = startNanos;
    this.rows = -1;
    this.total = -1;
    this.work = null;
    startTimer();
  }

  /** The running operation is over; returns how long it took. */
  synchronized Duration finished() {
    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
    migration = null;
    return took;
  }

  @Override
  public void rowsDone(String work, long count) {
    rowsDone(work, count, -1);
  }

  /** With a known {@code total}, the count starts again when the work changes (a new backfill). */
  @Override
  public void rowsDone(String work, long count, long total) {
    boolean due;
    synchronized (this) {
      if (migration == null) {
        return; // counted outside an operation (sqlmigrate's editor has no run)
      }
      if (total >= 0 && !work.equals(this.work)) {
        rows = -1;
      }
      this.work = work;
      this.total = total;
      rows = Math.max(rows, 0) + count;
      due = System.nanoTime() - lastReportNanos >= interval.toNanos();
    }
    if (due) {
      report();
    }
  }

  /** The timer's tick: only an operation that has run an interval without a report is told. */
  void tick() {
    boolean due;
    synchronized (this) {
      due = migration != null && System.nanoTime() - lastReportNanos >= interval.toNanos();
    }
    if (due) {
      report();
    }
  }

  private void report() {
    MigrationKey key;
    String op;
    String what;
    long done;
    long all;
    Duration running;
    synchronized (this) {
      if (migration == null) {
        return;
      }
      long now = System.nanoTime();
      lastReportNanos = now;
      key = migration;
      op = description;
      what = work;
      done = rows;
      all = total;
      running = Duration.ofNanos(now - startNanos);
    }
    if (log.isInfoEnabled()) {
      String of = all < 0 ? " " : " of " + all + " ";
      String rowsPart = done < 0 ? "" : ", " + done + of + what + " done";
      log.info("{}: {} still running after {}s{}", key, op, running.toSeconds(), rowsPart);
    }
    try {
      listener.progress(key, op, done, all, running);
    } catch (RuntimeException e) {
      // A listener's failure must not fail the migration it only watches.
      log.warn("The migration listener failed on a progress report: {}", e.toString());
    }
  }

  private void startTimer() {
    if (timer != null || interval.isZero() || interval.isNegative()) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "migrata-progress");
              t.setDaemon(true);
              return t;
            });
    long millis = Math.max(1, interval.toMillis());
    timer.scheduleAtFixedRate(this::tick, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
    migration = null;
  }
}
