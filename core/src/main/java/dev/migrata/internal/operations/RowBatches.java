package dev.migrata.internal.operations;

import java.util.function.Supplier;

/**
 * How the row API groups its writes into transactions (issue 10's batched backfills). In a
 * non-atomic migration the runtime commits each batch of {@link #size} rows on its own, so a long
 * backfill neither holds its row locks to the end nor loses what it did to a late failure; in an
 * atomic one the migration's transaction holds everything and batches only bound what is read at
 * once. Core only asks; the runtime owns the connection's transactions.
 */
public interface RowBatches {
  /** Rows per batch when the migration does not say: 1000. */
  int DEFAULT_SIZE = 1000;

  /** Batches of {@link #DEFAULT_SIZE}, never committed: outside the executor, and atomic runs. */
  RowBatches NONE =
      new RowBatches() {
        @Override
        public int size() {
          return DEFAULT_SIZE;
        }

        @Override
        public boolean commits() {
          return false;
        }

        @Override
        public <T> T run(Supplier<T> batch) {
          return batch.get();
        }
      };

  /** Rows per batch for the calls that take no size ({@code Query.update}, {@code forEach}). */
  int size();

  /** Whether each batch is committed on its own (a non-atomic migration). */
  boolean commits();

  /**
   * Runs one batch: in a transaction of its own, committed when it returns and rolled back when it
   * throws, where {@link #commits}; as it is otherwise (and inside a transaction already open).
   */
  <T> T run(Supplier<T> batch);
}
