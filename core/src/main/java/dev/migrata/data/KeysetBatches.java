package dev.migrata.data;

import dev.migrata.data.HistoricalModel.Condition;
import dev.migrata.data.HistoricalModel.Param;
import dev.migrata.internal.operations.RowBatches;
import dev.migrata.internal.state.FieldState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The row API's long work over one model: reads in keyset pages on the primary key, and {@code
 * UPDATE}/{@code DELETE} over primary key ranges. Where the migration is non-atomic each batch is
 * its own committed transaction ({@link RowBatches}) and progress counts the rows done of the total
 * counted first, so a backfill of any size holds no row lock for long and keeps what it did when a
 * later batch fails. A rerun starts again from the first key: an update that sets fixed values is
 * idempotent, and one filtered on the column it fills ({@code where("slug", null)}) continues where
 * the interrupted run stopped.
 */
final class KeysetBatches {
  private final HistoricalModel model;
  private final RowBatches batches;

  KeysetBatches(HistoricalModel model) {
    this.model = model;
    this.batches = model.context().rowBatches();
  }

  /** Each batch of matching rows to {@code action}, read completely before it runs. */
  void forEach(List<Condition> conditions, int batchSize, Consumer<List<Row>> action) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive, not " + batchSize + ".");
    }
    long total = batches.commits() ? model.count(conditions) : -1;
    String work = "rows of " + model.table() + " in batches";
    Object last = null;
    while (true) {
      Object after = last;
      List<Row> batch =
          batches.run(
              () -> {
                List<Row> rows = read(conditions, batchSize, after);
                if (!rows.isEmpty()) {
                  action.accept(rows);
                }
                return rows;
              });
      if (batch.isEmpty()) {
        return;
      }
      last = batch.get(batch.size() - 1).pk();
      model.context().rowProgress().rowsDone(work, batch.size(), total);
      if (batch.size() < batchSize) {
        return;
      }
    }
  }

  /**
   * One {@code UPDATE} or {@code DELETE} ({@code head} adds its own parameters) over the matching
   * rows; {@code batched}, in batches of primary key ranges where they commit (each range ends at
   * the batch size's matching key). Returns how many rows changed.
   */
  int write(
      List<Condition> conditions,
      boolean batched,
      String verb,
      Function<List<Param>, String> head) {
    if (!batched || !batches.commits() || !model.hasPrimaryKey()) {
      List<Param> params = new ArrayList<>();
      String sql = head.apply(params);
      return model.executeUpdate(sql + model.where(conditions, params), params);
    }
    String work = "rows of " + model.table() + " " + verb + " in batches";
    long total = model.count(conditions);
    int done = 0;
    Object last = null;
    while (true) {
      Object after = last;
      Object[] upTo = {null};
      int changed =
          batches.run(
              () -> {
                upTo[0] = nthKey(conditions, after, batches.size());
                List<Param> params = new ArrayList<>();
                String sql = head.apply(params);
                sql += keyset(model.where(conditions, params), params, after, upTo[0]);
                return model.executeUpdate(sql, params);
              });
      done += changed;
      if (changed > 0) {
        model.context().rowProgress().rowsDone(work, changed, total);
      }
      if (upTo[0] == null) {
        return done;
      }
      last = upTo[0];
    }
  }

  /** Up to {@code batchSize} matching rows with a primary key above {@code after} (or any). */
  private List<Row> read(List<Condition> conditions, int batchSize, Object after) {
    StringBuilder select = new StringBuilder("SELECT ");
    int i = 0;
    for (FieldState f : model.columnFields()) {
      select.append(i++ == 0 ? "" : ", ").append(model.q(f.columnName()));
    }
    select.append(" FROM ").append(model.q(model.table()));
    List<Param> params = new ArrayList<>();
    String sql =
        select
            + keyset(model.where(conditions, params), params, after, null)
            + " ORDER BY "
            + pk()
            + " LIMIT "
            + batchSize;
    List<Row> batch = new ArrayList<>();
    try (PreparedStatement ps = model.prepare(sql, params);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        int c = 1;
        for (FieldState f : model.columnFields()) {
          row.put(f.name(), model.read(rs, c++, f));
        }
        batch.add(new Row(row, model.primaryKey()));
      }
    } catch (SQLException e) {
      throw HistoricalModel.failed(sql, e);
    }
    return batch;
  }

  /** The {@code n}th matching primary key above {@code after}; {@code null} if fewer match. */
  private Object nthKey(List<Condition> conditions, Object after, int n) {
    List<Param> params = new ArrayList<>();
    String sql =
        "SELECT "
            + pk()
            + " FROM "
            + model.q(model.table())
            + keyset(model.where(conditions, params), params, after, null)
            + " ORDER BY "
            + pk()
            + " LIMIT 1 OFFSET "
            + (n - 1);
    try (PreparedStatement ps = model.prepare(sql, params);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? model.read(rs, 1, pkField()) : null;
    } catch (SQLException e) {
      throw HistoricalModel.failed(sql, e);
    }
  }

  /** {@code where} narrowed to primary keys above {@code after} and up to {@code upTo} (if set). */
  private String keyset(String where, List<Param> params, Object after, Object upTo) {
    StringBuilder sql = new StringBuilder(where);
    if (after != null) {
      sql.append(sql.length() == 0 ? " WHERE " : " AND ").append(pk()).append(" > ?");
      params.add(new Param(pkField(), after));
    }
    if (upTo != null) {
      sql.append(sql.length() == 0 ? " WHERE " : " AND ").append(pk()).append(" <= ?");
      params.add(new Param(pkField(), upTo));
    }
    return sql.toString();
  }

  private FieldState pkField() {
    return model.field(model.primaryKey());
  }

  private String pk() {
    return model.q(pkField().columnName());
  }
}
