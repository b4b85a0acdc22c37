package dev.migrata.internal.backends.sqlite;

import dev.migrata.internal.backends.base.Fields;
import dev.migrata.internal.operations.RowProgress;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.schema.SchemaException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SQLite table rebuild's copy ({@code INSERT INTO new__t (...) SELECT ... FROM t}). A table
 * larger than {@link #CHUNK_ROWS} is copied in rowid ranges of that many rows, each counted for the
 * run's progress report, so a rebuild of millions of rows says how far it is; the rows, the new
 * table and the transaction are the same as with the one statement, which is what a smaller table
 * runs and what sqlmigrate shows.
 */
final class RebuildCopy {
  static final int CHUNK_ROWS = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger("dev.migrata.schema");

  /** SQLite's names for the rowid; a column of the same name hides it. */
  private static final List<String> ROWID_NAMES = List.of("rowid", "_rowid_", "oid");

  private final Connection connection;
  private final Consumer<String> execute;
  private final UnaryOperator<String> quote;
  private final RowProgress progress;

  RebuildCopy(
      Connection connection,
      Consumer<String> execute,
      UnaryOperator<String> quote,
      RowProgress progress) {
    this.connection = connection;
    this.execute = execute;
    this.quote = quote;
    this.progress = progress;
  }

  void run(ModelState oldModel, String newTable, String copy) {
    String table = oldModel.tableName();
    String work = "rows copied into " + newTable;
    String rowid = rowidName(oldModel);
    long total = queryLong("SELECT count(*) FROM " + quote.apply(table));
    if (rowid == null || total <= CHUNK_ROWS) {
      LOG.debug("Rebuilding table {} ({} rows)", table, total);
      execute.accept(copy);
      progress.rowsDone(work, total);
      return;
    }
    LOG.info("Rebuilding table {}: copying {} rows", table, total);
    long done = 0;
    Long after = null;
    while (true) {
      String from = after == null ? "" : " WHERE " + rowid + " > " + after;
      Long bound =
          queryLongOrNull(
              "SELECT "
                  + rowid
                  + " FROM "
                  + quote.apply(table)
                  + from
                  + " ORDER BY "
                  + rowid
                  + " LIMIT 1 OFFSET "
                  + (CHUNK_ROWS - 1));
      String range =
          (after == null ? "" : rowid + " > " + after)
              + (after != null && bound != null ? " AND " : "")
              + (bound == null ? "" : rowid + " <= " + bound);
      execute.accept(range.isEmpty() ? copy : copy + " WHERE " + range);
      long rows = bound == null ? total - done : CHUNK_ROWS;
      done += rows;
      progress.rowsDone(work, rows);
      if (bound == null) {
        return;
      }
      after = bound;
    }
  }

  /** A name of the rowid that no column of the model hides, or null. */
  private static String rowidName(ModelState model) {
    Set<String> columns = new HashSet<>();
    for (FieldState f : Fields.columnFields(model)) {
      columns.add(f.columnName().toLowerCase(Locale.ROOT));
    }
    for (String name : ROWID_NAMES) {
      if (!columns.contains(name)) {
        return name;
      }
    }
    return null;
  }

  private long queryLong(String sql) {
    Long value = queryLongOrNull(sql);
    return value == null ? 0 : value;
  }

  private Long queryLongOrNull(String sql) {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : null;
    } catch (SQLException e) {
      throw new SchemaException(sql, e);
    }
  }
}
