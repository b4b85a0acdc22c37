package dev.migrata.internal.backends.base;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Statements held back to the end of a migration (Django's {@code deferred_sql}): indexes and
 * foreign keys, created once every table they need exists. Each is rendered from its table's name
 * only when it runs, so a table renamed or dropped meanwhile is followed or forgotten.
 */
public final class DeferredSql {
  private final List<Entry> entries = new ArrayList<>();

  private static final class Entry {
    String table;
    final Function<String, String> render;

    Entry(String table, Function<String, String> render) {
      this.table = table;
      this.render = render;
    }
  }

  /** Queues a statement about {@code table}, rendered from the table's name when it runs. */
  public void add(String table, Function<String, String> render) {
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
      execute.accept(e.render.apply(e.table));
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
    }
  }
}
