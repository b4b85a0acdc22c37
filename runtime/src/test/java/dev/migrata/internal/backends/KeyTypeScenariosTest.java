package dev.migrata.internal.backends;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.fk;
import static dev.migrata.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.Db;
import dev.migrata.OnEveryBackend;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.state.FieldState;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Column type changes with rows present, on every backend: a primary key whose type changes takes
 * the columns referring to it along (Django's {@code rels_to_update}; SQLite rebuilds the
 * referring tables), auto keys keep numbering, and plain type changes keep every value.
 */
class KeyTypeScenariosTest extends OnEveryBackend {
  /** Beyond a 32-bit integer: only a bigint column on both sides takes it. */
  static final long BIG = 5_000_000_000L;

  LibraryHistory history;

  @BeforeEach
  void setUp() {
    history = new LibraryHistory(db);
  }

  static FieldState intKey(String name, String type) {
    return FieldState.builder(name, type).primaryKey(true).build();
  }

  /** The type the database reports for {@code column} of {@code table}, lowercased. */
  String typeOf(String table, String column) throws SQLException {
    return db.columnDefinitions(table).stream()
        .filter(c -> c.startsWith(column + " "))
        .map(c -> c.substring(column.length() + 1).toLowerCase(java.util.Locale.ROOT))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no column " + table + "." + column));
  }

  /** Runs {@code sql} with foreign keys enforced (SQLite enforces them per connection). */
  void execEnforced(String sql) throws SQLException {
    db.exec(kind == Db.Kind.SQLITE ? "PRAGMA foreign_keys = ON" : "SELECT 1", sql);
  }

  void assertRefused(String sql) {
    assertThatThrownBy(() -> execEnforced(sql)).isInstanceOf(SQLException.class);
  }

  /**
   * An explicit {@code int code} key becomes {@code long}: the foreign key of another model, the
   * foreign key of a one-to-one and the join table of a many-to-many follow it, rows and integrity
   * kept, forwards and backwards.
   */
  @Test
  void primaryKeyIntToLongCarriesEveryReferringColumnBothWays() throws Exception {
    history.add(
        "0002_shelf",
        createModel("library", "Shelf", intKey("code", "IntegerField"), chars("label", 50)),
        createModel("library", "Slot", id(), fk("shelf", "library.shelf", "CASCADE")),
        new AddField(
            "author",
            FieldState.builder("shelves", "ManyToManyField").to("library.shelf").build(),
            false));
    history.add(
        "0003_code_long",
        new AlterField("shelf", intKey("code", "BigIntegerField"), true));
    history.migrata().migrate("library", "0002");
    db.exec(
        "INSERT INTO library_author (name) VALUES ('Ann')",
        "INSERT INTO library_shelf (code, label) VALUES (10, 'ten'), (20, 'twenty')",
        "INSERT INTO library_slot (shelf_id) VALUES (10), (20), (20)",
        "INSERT INTO library_author_shelves (author_id, shelf_id) VALUES (1, 20)");
    List<String> slots = db.rows("SELECT id, shelf_id FROM library_slot ORDER BY id");
    assertThat(typeOf("library_slot", "shelf_id")).doesNotContain("bigint");
    if (kind != Db.Kind.SQLITE) {
      // (SQLite's columns take any integer whatever their declared type.)
      assertThatThrownBy(
              () -> db.exec("INSERT INTO library_shelf (code, label) VALUES (" + BIG + ", 'x')"))
          .as("an int key cannot hold " + BIG)
          .isInstanceOf(SQLException.class);
    }

    history.migrata().migrate();

    assertThat(typeOf("library_shelf", "code")).startsWith("bigint");
    assertThat(typeOf("library_slot", "shelf_id")).startsWith("bigint");
    assertThat(typeOf("library_author_shelves", "shelf_id")).startsWith("bigint");
    assertThat(db.rows("SELECT code, label FROM library_shelf ORDER BY code"))
        .containsExactly("10|ten", "20|twenty");
    assertThat(db.rows("SELECT id, shelf_id FROM library_slot ORDER BY id")).isEqualTo(slots);
    assertThat(db.rows("SELECT author_id, shelf_id FROM library_author_shelves"))
        .containsExactly("1|20");
    // The foreign keys are back, and hold the wider values.
    assertRefused("INSERT INTO library_slot (shelf_id) VALUES (99)");
    assertRefused("INSERT INTO library_author_shelves (author_id, shelf_id) VALUES (1, 99)");
    execEnforced("INSERT INTO library_shelf (code, label) VALUES (" + BIG + ", 'big')");
    execEnforced("INSERT INTO library_slot (shelf_id) VALUES (" + BIG + ")");
    execEnforced(
        "INSERT INTO library_author_shelves (author_id, shelf_id) VALUES (1, " + BIG + ")");
    assertThat(db.rows("SELECT shelf_id FROM library_slot WHERE shelf_id > 20"))
        .containsExactly(Long.toString(BIG));
    // ON DELETE CASCADE survived the re-creation.
    execEnforced("DELETE FROM library_shelf WHERE code = " + BIG);
    assertThat(db.rows("SELECT count(*) FROM library_slot")).containsExactly("3");
    db.exec("DELETE FROM library_author_shelves WHERE shelf_id = " + BIG);

    history.migrata().migrate("library", "0002");

    assertThat(typeOf("library_shelf", "code")).doesNotContain("bigint");
    assertThat(typeOf("library_slot", "shelf_id")).doesNotContain("bigint");
    assertThat(typeOf("library_author_shelves", "shelf_id")).doesNotContain("bigint");
    assertThat(db.rows("SELECT id, shelf_id FROM library_slot ORDER BY id")).isEqualTo(slots);
    assertThat(db.rows("SELECT author_id, shelf_id FROM library_author_shelves"))
        .containsExactly("1|20");
    assertRefused("INSERT INTO library_slot (shelf_id) VALUES (99)");
    assertRefused("INSERT INTO library_author_shelves (author_id, shelf_id) VALUES (1, 99)");
    execEnforced("INSERT INTO library_slot (shelf_id) VALUES (10)");
    // Forwards again: the history can be replayed over the same rows.
    history.migrata().migrate();
    assertThat(db.rows("SELECT count(*) FROM library_slot WHERE shelf_id = 10"))
        .containsExactly("2");
  }

  /**
   * AutoField to BigAutoField: the key keeps numbering new rows after the existing ones, and the
   * foreign key to it is widened with it.
   */
  @Test
  void autoKeyToBigAutoKeepsNumberingAndReferences() throws Exception {
    history.add(
        "0002_publisher",
        createModel("library", "Publisher", intKey("id", "AutoField"), chars("name", 50)),
        new AddField(
            "book",
            FieldState.builder("publisher", "ForeignKey").to("library.publisher")
                .onDelete("PROTECT").nullable(true).index(true).build(),
            false));
    history.add("0003_big", new AlterField("publisher", intKey("id", "BigAutoField"), true));
    history.migrata().migrate("library", "0002");
    db.exec(
        "INSERT INTO library_author (name) VALUES ('Ann')",
        "INSERT INTO library_publisher (name) VALUES ('p1'), ('p2')",
        "INSERT INTO library_book (title, author_id, publisher_id) VALUES ('b', 1, 2)");

    history.migrata().migrate();

    if (kind != Db.Kind.SQLITE) {
      // SQLite's auto keys are both "integer" (the rowid).
      assertThat(typeOf("library_publisher", "id")).startsWith("bigint");
    }
    // The referring column's type changes on SQLite too, so its table is rebuilt there (Django
    // leaves the old type).
    assertThat(typeOf("library_book", "publisher_id")).startsWith("bigint");
    db.exec("INSERT INTO library_publisher (name) VALUES ('p3')");
    assertThat(db.rows("SELECT id, name FROM library_publisher ORDER BY id"))
        .containsExactly("1|p1", "2|p2", "3|p3");
    assertThat(db.rows("SELECT publisher_id FROM library_book")).containsExactly("2");
    assertRefused("INSERT INTO library_book (title, author_id, publisher_id) VALUES ('c', 1, 9)");
    assertRefused("DELETE FROM library_publisher WHERE id = 2");

    history.migrata().migrate("library", "0002");

    assertThat(typeOf("library_book", "publisher_id")).doesNotContain("bigint");
    db.exec("INSERT INTO library_publisher (name) VALUES ('p4')");
    assertThat(db.rows("SELECT id FROM library_publisher ORDER BY id"))
        .containsExactly("1", "2", "3", "4");
    assertRefused("INSERT INTO library_book (title, author_id, publisher_id) VALUES ('c', 1, 9)");
  }

  /**
   * A plain integer key becomes an auto key with rows present: new rows are numbered after the
   * existing ones (PostgreSQL adds an identity and moves it past them). Back to a plain integer,
   * the key must be given again (except on SQLite, where an integer key is always the rowid).
   */
  @Test
  void integerKeyToAutoKeyAndBack() throws Exception {
    history.add(
        "0002_tag",
        createModel("library", "Tag", intKey("id", "IntegerField"), chars("name", 50)),
        createModel("library", "Label", id(), fk("tag", "library.tag", "CASCADE")));
    history.add("0003_auto", new AlterField("tag", intKey("id", "AutoField"), true));
    history.migrata().migrate("library", "0002");
    db.exec(
        "INSERT INTO library_tag (id, name) VALUES (1, 'a'), (7, 'b')",
        "INSERT INTO library_label (tag_id) VALUES (7)");
    if (kind != Db.Kind.SQLITE) {
      assertThatThrownBy(() -> db.exec("INSERT INTO library_tag (name) VALUES ('no key')"))
          .isInstanceOf(SQLException.class);
    }

    history.migrata().migrate();

    db.exec("INSERT INTO library_tag (name) VALUES ('c')", "INSERT INTO library_tag (name) VALUES ('d')");
    assertThat(db.rows("SELECT id, name FROM library_tag ORDER BY id"))
        .containsExactly("1|a", "7|b", "8|c", "9|d");
    assertThat(db.rows("SELECT tag_id FROM library_label")).containsExactly("7");
    assertRefused("INSERT INTO library_label (tag_id) VALUES (99)");
    if (kind == Db.Kind.POSTGRES) {
      assertThat(db.rows("SELECT is_identity FROM information_schema.columns WHERE table_name ="
              + " 'library_tag' AND column_name = 'id'"))
          .containsExactly("YES");
    }

    history.migrata().migrate("library", "0002");

    assertThat(db.rows("SELECT id, name FROM library_tag ORDER BY id"))
        .containsExactly("1|a", "7|b", "8|c", "9|d");
    if (kind != Db.Kind.SQLITE) {
      assertThatThrownBy(() -> db.exec("INSERT INTO library_tag (name) VALUES ('no key')"))
          .isInstanceOf(SQLException.class);
    }
    if (kind == Db.Kind.POSTGRES) {
      assertThat(db.rows("SELECT is_identity FROM information_schema.columns WHERE table_name ="
              + " 'library_tag' AND column_name = 'id'"))
          .containsExactly("NO");
    }
    db.exec("INSERT INTO library_tag (id, name) VALUES (10, 'e')");
    assertRefused("INSERT INTO library_label (tag_id) VALUES (99)");
    // And forwards once more: the new identity starts after 10.
    history.migrata().migrate();
    db.exec("INSERT INTO library_tag (name) VALUES ('f')");
    assertThat(db.rows("SELECT id FROM library_tag WHERE name = 'f'")).containsExactly("11");
  }

  /** Integer to big integer and text to long text and back, every value kept. */
  @Test
  void typeChangesKeepDataBothWays() throws Exception {
    history.add(
        "0002_wider",
        new AlterField(
            "book", FieldState.builder("pages", "BigIntegerField").nullable(true).build(), true),
        new AlterField("author", FieldState.builder("name", "TextField").build(), true));
    history.migrata().migrate("library", "0001");
    history.fill(200);
    List<String> books = db.rows("SELECT id, title, pages FROM library_book ORDER BY id");
    String longName = "A".repeat(300);

    history.migrata().migrate();

    assertThat(typeOf("library_book", "pages")).startsWith("bigint");
    assertThat(typeOf("library_author", "name")).contains("text");
    assertThat(db.rows("SELECT id, title, pages FROM library_book ORDER BY id")).isEqualTo(books);
    assertThat(db.rows("SELECT name FROM library_author")).containsExactly("Ann");
    db.exec(
        "UPDATE library_book SET pages = " + BIG + " WHERE id = 1",
        "INSERT INTO library_author (name) VALUES ('" + longName + "')");
    assertThat(db.rows("SELECT pages FROM library_book WHERE id = 1"))
        .containsExactly(Long.toString(BIG));

    // Back: the values that fit come back unchanged.
    db.exec(
        "UPDATE library_book SET pages = NULL WHERE id = 1",
        "DELETE FROM library_author WHERE name = '" + longName + "'");
    history.migrata().migrate("library", "0001");

    assertThat(typeOf("library_book", "pages")).doesNotContain("bigint");
    assertThat(typeOf("library_author", "name")).contains("100").doesNotContain("text");
    assertThat(db.rows("SELECT id, title, pages FROM library_book ORDER BY id")).isEqualTo(books);
    assertThat(db.rows("SELECT name FROM library_author")).containsExactly("Ann");
  }
}
