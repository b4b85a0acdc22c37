package dev.migrata.internal.operations;

/**
 * Where long work counts its rows (a SQLite table rebuild's copy, a RunJava row-API batch), so the
 * executor can report how far an operation that runs for a while has got. Core only counts; the
 * runtime decides when to log (it has the logger and the clock).
 */
@FunctionalInterface
public interface RowProgress {
  RowProgress NONE = (work, rows) -> {};

  /** {@code rows} more rows of {@code work} (e.g. {@code "copying rows of library_book"}) done. */
  void rowsDone(String work, long rows);

  /**
   * {@code rows} more rows of {@code work} done, of {@code total} the work has in all (counted
   * before it started; -1 when unknown).
   */
  default void rowsDone(String work, long rows, long total) {
    rowsDone(work, rows);
  }
}
