package dev.migrata.data;

import dev.migrata.schema.SchemaEditor;
import java.util.Map;

/** RunJava bodies for the data migration tests, written as a user writes them. */
final class FillInitials {
  private FillInitials() {}

  /** Fills each author's initials from the name they had at this point of history. */
  static void forwards(HistoricalModels apps, SchemaEditor editor) {
    HistoricalModel author = apps.model("library", "Author");
    author.all().forEach(2, row -> author.update(row.pk(),
        Map.of("initials", row.getString("name").substring(0, 1))));
  }

  static void backwards(HistoricalModels apps, SchemaEditor editor) {
    apps.model("library", "Author").all().update(Map.of("initials", ""));
  }

  /** Uses another app's model. */
  static void countOrders(HistoricalModels apps, SchemaEditor editor) {
    HistoricalModel order = apps.model("shop", "Order");
    HistoricalModel author = apps.model("library", "Author");
    author.insert(Map.of("name", "Orders " + order.count(), "initials", "O"));
  }

  static void insertAndDelete(HistoricalModels apps, SchemaEditor editor) {
    HistoricalModel author = apps.model("library", "Author");
    Object id = author.insert(Map.of("name", "Temp", "initials", "T"));
    author.where("name", "Temp").update(Map.of("name", "Temporary"));
    if (author.where("name", "Temporary").count() != 1 || author.delete(id) != 1) {
      throw new IllegalStateException("row API mismatch");
    }
  }

  static void fails(HistoricalModels apps, SchemaEditor editor) {
    apps.model("library", "Author").insert(Map.of("name", "Zed", "initials", "Z"));
    throw new IllegalStateException("boom");
  }
}
