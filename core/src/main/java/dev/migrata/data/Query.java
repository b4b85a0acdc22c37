package dev.migrata.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Rows of a historical model matching equality conditions (all of them), in primary key order.
 * Immutable: each {@code where} returns a new query.
 *
 * <p>In a non-atomic migration ({@code atomic = false}) the long calls work in batches that commit
 * on their own: {@link #forEach}, {@link #forEachBatch} (each batch read and its action's writes),
 * {@link #update} and {@link #delete} (primary key ranges of the configured batch size, {@code
 * Migrata.configure().backfillBatchSize}, 1000 by default). Progress reports count the rows done of
 * the total. In an atomic migration everything stays in the migration's one transaction.
 */
public final class Query {
  private final HistoricalModel model;
  private final List<HistoricalModel.Condition> conditions;

  Query(HistoricalModel model, List<HistoricalModel.Condition> conditions) {
    this.model = model;
    this.conditions = List.copyOf(conditions);
  }

  /** Rows whose {@code field} equals {@code value} ({@code IS NULL} for null). */
  public Query where(String field, Object value) {
    List<HistoricalModel.Condition> more = new ArrayList<>(conditions);
    more.add(new HistoricalModel.Condition(model.field(field), value));
    return new Query(model, more);
  }

  public List<Row> list() {
    List<Row> rows = new ArrayList<>();
    forEachBatch(1000, rows::addAll);
    return rows;
  }

  public long count() {
    return model.count(conditions);
  }

  /** Each matching row, in batches of the configured size (1000 unless configured). */
  public void forEach(Consumer<Row> action) {
    forEach(model.context().rowBatches().size(), action);
  }

  /** The matching rows in batches of the configured size (1000 unless configured). */
  public void forEachBatch(Consumer<List<Row>> action) {
    forEachBatch(model.context().rowBatches().size(), action);
  }

  /** Each matching row; read in batches of {@code batchSize}, so any table size fits. */
  public void forEach(int batchSize, Consumer<Row> action) {
    forEachBatch(batchSize, batch -> batch.forEach(action));
  }

  /**
   * The matching rows in batches (keyset pages on the primary key). A batch is read completely
   * before {@code action} runs, so the action may update or delete rows.
   */
  public void forEachBatch(int batchSize, Consumer<List<Row>> action) {
    model.forEachBatch(conditions, batchSize, action);
  }

  /**
   * Sets {@code values} (by field name) on every matching row; returns how many. In a non-atomic
   * migration, in committed batches (a rerun after an interruption starts again from the first row:
   * filter on the column being filled so that it continues where it stopped).
   */
  public int update(Map<String, Object> values) {
    return model.update(conditions, values, true);
  }

  /**
   * Deletes every matching row, in committed batches in a non-atomic migration; returns how many.
   */
  public int delete() {
    return model.delete(conditions, true);
  }
}
