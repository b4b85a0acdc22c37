package dev.migrata.internal.backends;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import dev.migrata.Migrata;
import dev.migrata.OnEveryBackend;
import dev.migrata.internal.backends.base.Introspection;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RemoveField;
import dev.migrata.internal.schema.TableShape;
import dev.migrata.internal.state.FieldState;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Django's {@code db_constraint} and Migrata's {@code constraintName} on every backend: the
 * constraint exists under the given name (SQLite keeps no names) or not at all, while the column
 * and its index stay; altering either drops and creates only the constraint, and backwards restores
 * it. Read back with the backend's own introspection, as the drift check reads it.
 */
class ForeignKeyConstraintTest extends OnEveryBackend {
  private final List<MigrationDefinition> migrations = new ArrayList<>();

  private static FieldState.Builder author() {
    return FieldState.builder("author", "ForeignKey")
        .to("library.author")
        .onDelete("CASCADE")
        .index(true);
  }

  private static FieldState.Builder editor() {
    return FieldState.builder("editor", "ForeignKey")
        .to("library.author")
        .onDelete("DO_NOTHING")
        .nullable(true)
        .index(true);
  }

  @BeforeEach
  void initial() {
    migrations.add(
        migration("library", "0001_initial")
            .ops(
                createModel("library", "Author", id(), chars("name", 50)),
                createModel(
                    "library",
                    "Book",
                    id(),
                    author().constraintName("fk_book_author").build(),
                    editor().dbConstraint(false).build())));
  }

  private Migrata migrata() {
    return db.configure(migrations).load();
  }

  private void then(String name, Operation... ops) {
    String previous = migrations.get(migrations.size() - 1).key().name();
    migrations.add(migration("library", name).dependsOn("library", previous).ops(ops));
  }

  private TableShape book() throws Exception {
    try (Connection c = db.open()) {
      Introspection in = Backends.forUrl(c.getMetaData().getURL()).introspection();
      return in.describe(c, "library_book");
    }
  }

  /** {@code column -> to_table(to_column) name}, the name {@code null} on SQLite. */
  private List<String> foreignKeys() throws Exception {
    return book().foreignKeys().stream()
        .map(k -> k.column() + " -> " + k.toTable() + "(" + k.toColumn() + ") " + shown(k.name()))
        .sorted()
        .toList();
  }

  private String named(String name) {
    return kind == Db.Kind.SQLITE ? "null" : name;
  }

  private boolean indexed(String column) throws Exception {
    return book().indexes().stream().anyMatch(i -> i.columns().equals(List.of(column)));
  }

  @Test
  void createdWithTheGivenNameOrWithoutAConstraint() throws Exception {
    Migrata m = migrata();
    m.migrate();
    assertThat(foreignKeys())
        .containsExactly("author_id -> library_author(id) " + named("fk_book_author"));
    assertThat(db.columns("library_book")).contains("editor_id");
    assertThat(indexed("editor_id")).as("the column keeps its index").isTrue();
    assertThat(m.checkSchema()).isEmpty();
    if (kind != Db.Kind.SQLITE) {
      // No constraint: a row may point at an author that does not exist.
      db.exec("INSERT INTO " + db.q("library_author") + " (" + db.q("name") + ") VALUES ('a')");
      db.exec(
          "INSERT INTO "
              + db.q("library_book")
              + " ("
              + db.q("author_id")
              + ", "
              + db.q("editor_id")
              + ") SELECT id, 999 FROM "
              + db.q("library_author"));
      assertThat(db.rows("SELECT editor_id FROM " + db.q("library_book"))).containsExactly("999");
    }
  }

  @Test
  void alteringDropsAndCreatesOnlyTheConstraintAndBackwardsRestoresIt() throws Exception {
    then(
        "0002_alter_book_author_alter_book_editor",
        new AlterField("book", author().constraintName("fk_book_writer").build(), true),
        new AlterField("book", editor().build(), true));
    then(
        "0003_alter_book_author",
        new AlterField("book", author().dbConstraint(false).build(), true));
    then("0004_remove_book_editor", new RemoveField("book", "editor"));
    Migrata m = migrata();

    m.migrate("library", "0002_alter_book_author_alter_book_editor");
    assertThat(foreignKeys())
        .containsExactly(
            "author_id -> library_author(id) " + named("fk_book_writer"),
            "editor_id -> library_author(id) " + named("derived"));
    assertThat(m.checkSchema()).isEmpty();

    m.migrate("library", "0003_alter_book_author");
    assertThat(foreignKeys())
        .containsExactly("editor_id -> library_author(id) " + named("derived"));
    assertThat(indexed("author_id")).isTrue();
    assertThat(m.checkSchema()).isEmpty();

    m.migrate();
    assertThat(foreignKeys()).isEmpty();
    assertThat(db.columns("library_book")).doesNotContain("editor_id");
    assertThat(m.checkSchema()).isEmpty();

    m.migrate("library", "0001_initial");
    assertThat(foreignKeys())
        .containsExactly("author_id -> library_author(id) " + named("fk_book_author"));
    assertThat(db.columns("library_book")).contains("editor_id");
    assertThat(indexed("editor_id")).isTrue();
    assertThat(m.checkSchema()).isEmpty();
  }

  @Test
  void theDriftCheckExpectsTheGivenName() throws Exception {
    Migrata m = migrata();
    m.migrate();
    if (kind == Db.Kind.SQLITE) {
      // SQLite keeps no constraint names: nothing to compare, nothing reported.
      assertThat(m.checkSchema()).isEmpty();
      return;
    }
    db.exec(
        kind == Db.Kind.POSTGRES
            ? "ALTER TABLE library_book RENAME CONSTRAINT fk_book_author TO fk_other"
            : "ALTER TABLE library_book DROP FOREIGN KEY fk_book_author, ADD CONSTRAINT fk_other"
                + " FOREIGN KEY (author_id) REFERENCES library_author (id) ON DELETE CASCADE");
    assertThat(m.checkSchema())
        .extracting(Object::toString)
        .containsExactly(
            "library_book.author_id: foreign key to library_author(id) is named fk_other, the"
                + " applied migrations describe fk_book_author");
  }

  /** Django's name for a key of library_book to library_author(id), whatever its hash. */
  private static String shown(String name) {
    return name != null && name.matches("library_book_\\w+_fk_library_author_id")
        ? "derived"
        : String.valueOf(name);
  }
}
