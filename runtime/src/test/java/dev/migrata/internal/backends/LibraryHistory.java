package dev.migrata.internal.backends;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.fk;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.migration;

import dev.migrata.Db;
import dev.migrata.Migrata;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.state.FieldState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The library app's history for schema-change tests on one database: 0001 creates Author and Book
 * (a nullable {@code pages}, a foreign key to Author); each {@link #add} depends on the migration
 * before it.
 */
final class LibraryHistory {
  private final Db db;
  private final List<MigrationDefinition> migrations = new ArrayList<>();

  LibraryHistory(Db db) {
    this.db = db;
    migrations.add(
        migration("library", "0001_initial")
            .ops(
                createModel("library", "Author", id(), chars("name", 100)),
                createModel(
                    "library", "Book", id(), chars("title", 200),
                    FieldState.builder("pages", "IntegerField").nullable(true).build(),
                    fk("author", "library.author", "CASCADE"))));
  }

  void add(String name, Operation... ops) {
    String last = migrations.get(migrations.size() - 1).name();
    migrations.add(migration("library", name).dependsOn("library", last).ops(ops));
  }

  Migrata migrata() {
    return db.configure(migrations).load();
  }

  /** One author, Ann, and {@code books} books of hers: even ones without pages, odd ones with i. */
  void fill(int books) throws Exception {
    db.exec("INSERT INTO library_author (name) VALUES ('Ann')");
    try (Connection c = db.open();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO library_book (title, pages, author_id) VALUES (?, ?, 1)")) {
      c.setAutoCommit(false);
      for (int i = 0; i < books; i++) {
        ps.setString(1, "Book " + i);
        if (i % 2 == 0) {
          ps.setNull(2, Types.INTEGER);
        } else {
          ps.setInt(2, i);
        }
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    }
  }
}
