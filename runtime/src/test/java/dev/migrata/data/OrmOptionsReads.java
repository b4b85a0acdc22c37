package dev.migrata.data;

import dev.migrata.schema.SchemaEditor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A RunJava body that reads the ORM-only options of a historical model, as a user would. */
final class OrmOptionsReads {
  /** What the last run saw, one line per fact. */
  static final List<String> SEEN = new ArrayList<>();

  private OrmOptionsReads() {}

  static void read(HistoricalModels apps, SchemaEditor editor) {
    HistoricalModel book = apps.model("library", "Book");
    SEEN.clear();
    SEEN.add(book.verboseName() + " / " + book.verboseNamePlural() + " / " + book.ordering());
    SEEN.add(book.options("title").toString());
    SEEN.add(book.options("createdOn").toString());
    // Django's historical models fill auto_now/auto_now_add fields on the first save.
    book.insert(Map.of("title", "Added by a data migration", "summary", ""));
  }
}
