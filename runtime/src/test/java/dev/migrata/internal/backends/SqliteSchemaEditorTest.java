package dev.migrata.internal.backends;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.integer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.Db;
import dev.migrata.Migrata;
import dev.migrata.internal.operations.AddConstraint;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AddIndex;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.AlterModelTable;
import dev.migrata.internal.operations.RemoveField;
import dev.migrata.internal.operations.RenameField;
import dev.migrata.internal.operations.RunSql;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSchemaEditorTest {
  @TempDir Path dir;
  Db db;
  LibraryHistory history;

  @BeforeEach
  void setUp() {
    db = new Db(dir);
    history = new LibraryHistory(db);
  }

  @Test
  void rebuildOfTenThousandRowsKeepsEveryRowAndTheIndexes() throws Exception {
    history.add(
        "0002_index",
        new AddIndex("book", new IndexState("book_title_idx", List.of("title"), false, null)));
    history.migrata().migrate();
    history.fill(10_000);
    List<String> before = db.rows("SELECT id, title, author_id FROM library_book ORDER BY id");

    // NOT NULL with a default for the NULLs, and a shorter title: both need a rebuild.
    history.add(
        "0003_pages_not_null",
        new AlterField("book", FieldState.builder("pages", "IntegerField").defaultValue("-1").build(),
            false),
        new AlterField("book", chars("title", 150), true));
    history.migrata().migrate();

    assertThat(db.rows("SELECT id, title, author_id FROM library_book ORDER BY id"))
        .isEqualTo(before);
    assertThat(db.rows("SELECT count(*) FROM library_book WHERE pages = -1")).containsExactly("5000");
    assertThat(db.rows("SELECT count(*) FROM library_book WHERE pages IS NULL"))
        .containsExactly("0");
    assertThat(db.schema())
        .contains(
            "index book_title_idx: CREATE INDEX \"book_title_idx\" ON \"library_book\" (\"title\")",
            "index library_book_author_id_d9a3b67e: CREATE INDEX"
                + " \"library_book_author_id_d9a3b67e\" ON \"library_book\" (\"author_id\")",
            "table library_book: CREATE TABLE \"library_book\" (\"id\" integer NOT NULL PRIMARY"
                + " KEY AUTOINCREMENT, \"title\" varchar(150) NOT NULL, \"pages\" integer NOT NULL,"
                + " \"author_id\" bigint NOT NULL REFERENCES \"library_author\" (\"id\") ON DELETE"
                + " CASCADE DEFERRABLE INITIALLY DEFERRED)");
    assertThat(db.tables()).doesNotContain("new__library_book");

    // And back: the column is nullable again, the values stay.
    history.migrata().migrate("library", "0002");
    assertThat(db.rows("SELECT count(*) FROM library_book")).containsExactly("10000");
    assertThat(db.rows("SELECT \"notnull\" FROM pragma_table_info('library_book') WHERE name = 'pages'"))
        .containsExactly("0");
  }

  @Test
  void notNullWithoutDefaultOverNullsFailsAndKeepsTheTable() throws Exception {
    history.migrata().migrate();
    history.fill(10);
    List<String> schema = db.schema();
    history.add("0002_bad", new AlterField("book", integer("pages"), true));
    assertThatThrownBy(() -> history.migrata().migrate()).hasMessageContaining("NOT NULL");
    assertThat(db.schema()).isEqualTo(schema);
    assertThat(db.rows("SELECT count(*) FROM library_book")).containsExactly("10");
  }

  @Test
  void nullableFieldIsAddedInPlaceAndOthersRebuild() {
    history.add(
        "0002_fields",
        new AddField("book", FieldState.builder("isbn", "CharField").maxLength(13).nullable(true)
            .build(), true),
        new AddField("book", FieldState.builder("rating", "IntegerField").defaultValue("0")
            .build(), false),
        new AddField("book", FieldState.builder("editor", "ForeignKey").to("library.author")
            .nullable(true).onDelete("SET_NULL").index(true).build(), true));
    String sql = history.migrata().sqlMigrate("library", "0002", false);
    assertThat(sql)
        .contains(
            "ALTER TABLE \"library_book\" ADD COLUMN \"isbn\" varchar(13) NULL;\n",
            "SELECT \"id\", \"title\", \"pages\", \"author_id\", \"isbn\", 0 FROM"
                + " \"library_book\";\n",
            "ALTER TABLE \"library_book\" ADD COLUMN \"editor_id\" bigint NULL REFERENCES"
                + " \"library_author\" (\"id\") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;\n",
            "CREATE INDEX \"library_book_editor_id_");
    assertThat(sql).doesNotContain("DEFAULT");
  }

  @Test
  void renameIsInPlaceRemoveRebuildsIndexedColumnsAndTableRenames() throws Exception {
    history.add(
        "0002_changes",
        new RenameField("book", "title", "headline"),
        new RemoveField("book", "pages"),
        new AlterModelTable("book", "books"),
        new AddConstraint("book", ConstraintState.check("headline_nonempty", "headline <> ''")),
        new RunSql(List.of("SELECT 1"), List.of(""), false));
    Migrata m = history.migrata();
    String sql = m.sqlMigrate("library", "0002", false);
    assertThat(sql)
        .contains(
            "ALTER TABLE \"library_book\" RENAME COLUMN \"title\" TO \"headline\";\n",
            "ALTER TABLE \"library_book\" DROP COLUMN \"pages\";\n",
            "ALTER TABLE \"library_book\" RENAME TO \"books\";\n",
            "CONSTRAINT \"headline_nonempty\" CHECK (headline <> '')");
    m.migrate();
    fill0();
    assertThatThrownBy(() -> db.exec("INSERT INTO books (headline, author_id) VALUES ('', 1)"))
        .hasMessageContaining("CHECK constraint failed");
    m.migrate("library", "0001");
    // A re-added column goes last, as in Django's rebuild.
    assertThat(db.rows("SELECT name FROM pragma_table_info('library_book')"))
        .containsExactly("id", "title", "author_id", "pages");
    assertThat(db.rows("SELECT title FROM library_book")).containsExactly("kept");
  }

  private void fill0() throws Exception {
    db.exec(
        "INSERT INTO library_author (name) VALUES ('Ann')",
        "INSERT INTO books (headline, author_id) VALUES ('kept', 1)");
  }

  @Test
  void uniqueAndPartialConstraints() throws Exception {
    history.add(
        "0002_unique",
        new AddConstraint(
            "book", ConstraintState.unique("book_title_author_uniq", List.of("title", "author"),
                null)),
        new AddConstraint(
            "book", ConstraintState.unique("book_pages_partial", List.of("pages"), "pages > 0")));
    Migrata m = history.migrata();
    assertThat(m.sqlMigrate("library", "0002", false))
        .contains(
            "CONSTRAINT \"book_title_author_uniq\" UNIQUE (\"title\", \"author_id\")",
            "CREATE UNIQUE INDEX \"book_pages_partial\" ON \"library_book\" (\"pages\") WHERE"
                + " pages > 0;");
    m.migrate();
    db.exec(
        "INSERT INTO library_author (name) VALUES ('Ann')",
        "INSERT INTO library_book (title, author_id) VALUES ('A', 1)");
    assertThatThrownBy(
            () -> db.exec("INSERT INTO library_book (title, author_id) VALUES ('A', 1)"))
        .hasMessageContaining("UNIQUE");
    m.migrate("library", "0001");
    db.exec("INSERT INTO library_book (title, author_id) VALUES ('A', 1)");
  }

  @Test
  void foreignKeyCheckRefusesARebuildThatBreaksReferences() throws Exception {
    history.migrata().migrate();
    db.exec(
        "PRAGMA foreign_keys = OFF",
        "INSERT INTO library_book (title, author_id) VALUES ('orphan', 42)");
    history.add("0002_rebuild", new AlterField("book", chars("title", 10), true));
    assertThatThrownBy(() -> history.migrata().migrate()).hasMessageContaining("Foreign key check failed");
    assertThat(db.rows("SELECT \"type\" FROM pragma_table_info('library_book') WHERE name = 'title'"))
        .containsExactly("varchar(200)");
  }
}
