package dev.migrata.internal.backends.base;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Statements held back to the end of a migration (Django's {@code deferred_sql}): indexes and
 * foreign keys, created once every table they need exists. Each is rendered only when it runs, from
 * its table's name and the {@link Renamed} tables and columns since it was queued, so a table or
 * column renamed meanwhile is followed (Django's {@code rename_table_references} and {@code
 * rename_column_references}: the table the statement is about, and the one a foreign key of it
 * points at) and a dropped table is forgotten.
 */
public final class DeferredSql {
  private final List<Entry> entries = new ArrayList<>();

  /** Renders a statement about {@code table} (its current name). */
  public interface Render {
    String sql(String table, Renamed renamed);
  }

  private static final class Entry {
    String table;
    final Render render;

    /** Tables renamed after this was queued: the name then to the name now. */
    final Map<String, String> tables = new HashMap<>();

    /** Columns renamed after this was queued, by {@link #key} of their current table. */
    final Map<String, String> columns = new HashMap<>();

    Entry(String table, Render render) {
      this.table = table;
      this.render = render;
    }
  }

  /** Queues a statement about {@code table}, rendered from the table's name when it runs. */
  public void add(String table, Function<String, String> render) {
    add(table, (t, renamed) -> render.apply(t));
  }

  /** Queues a statement that also names columns or other tables, which it takes from renamed. */
  public void add(String table, Render render) {
    entries.add(new Entry(table, render));
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Renders and hands every queued statement to {@code execute}, in order, and forgets them. */
  public void run(Consumer<String> execute) {
    List<Entry> pending = new ArrayList<>(entries);
    entries.clear();
    for (Entry e : pending) {
      execute.accept(e.render.sql(e.table, new Renamed(e.tables, e.columns)));
    }
  }

  /** Forgets statements about a table that no longer exists. */
  public void discard(String table) {
    entries.removeIf(e -> e.table.equals(table));
  }

  /** Points statements at a renamed table (Django's {@code rename_table_references}). */
  public void rename(String oldTable, String newTable) {
    for (Entry e : entries) {
      if (e.table.equals(oldTable)) {
        e.table = newTable;
      }
      e.tables.replaceAll((was, is) -> is.equals(oldTable) ? newTable : is);
      e.tables.putIfAbsent(oldTable, newTable);
      Map<String, String> columns = new HashMap<>();
      e.columns.forEach(
          (key, column) ->
              columns.put(
                  key.startsWith(oldTable + '\0')
                      ? key(newTable, key.substring(oldTable.length() + 1))
                      : key,
                  column));
      e.columns.clear();
      e.columns.putAll(columns);
    }
  }

  /** Points statements at a renamed column (Django's {@code rename_column_references}). */
  public void renameColumn(String table, String oldColumn, String newColumn) {
    for (Entry e : entries) {
      e.columns.replaceAll(
          (was, is) -> was.startsWith(table + '\0') && is.equals(oldColumn) ? newColumn : is);
      e.columns.putIfAbsent(key(table, oldColumn), newColumn);
    }
  }

  private static String key(String table, String column) {
    return table + '\0' + column;
  }

  /** The tables and columns renamed since a statement was queued, applied to what it names. */
  public static final class Renamed {
    private final Map<String, String> tables;
    private final Map<String, String> columns;

    Renamed(Map<String, String> tables, Map<String, String> columns) {
      this.tables = tables;
      this.columns = columns;
    }

    /** {@code field} of the table now called {@code table}, under its column's name now. */
    public FieldState field(String table, FieldState field) {
      String column = columns.get(key(table, field.columnName()));
      return column == null ? field : field.toBuilder().column(column).build();
    }

    /** {@code model} (as queued) under its table's and columns' names now. */
    public ModelState model(ModelState model) {
      String table = tables.getOrDefault(model.tableName(), model.tableName());
      ModelState out = table.equals(model.tableName()) ? model : model.withTable(table);
      for (FieldState f : Fields.columnFields(model)) {
        FieldState now = field(table, f);
        if (now != f) {
          out = out.replaceField(f.name(), now);
        }
      }
      return out;
    }

    /** {@code state} (as queued) with every model under its names now. */
    public ProjectState state(ProjectState state) {
      if (tables.isEmpty() && columns.isEmpty()) {
        return state;
      }
      ProjectState out = state.copy();
      for (ModelState m : state.models()) {
        ModelState now = model(m);
        if (now != m) {
          out.put(now);
        }
      }
      return out;
    }
  }
}
