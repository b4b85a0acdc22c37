package dev.migrata.internal.backends;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.Db;
import dev.migrata.OnEveryBackend;
import dev.migrata.internal.operations.AddConstraint;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AddIndex;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.AlterModelTable;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.RemoveField;
import dev.migrata.internal.operations.RenameField;
import dev.migrata.internal.operations.RenameModel;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schema changes that must keep data, on every backend: SQLite rebuilds tables, PostgreSQL and
 * MariaDB alter them in place; the rows, indexes and constraints must come out the same.
 */
class SchemaScenariosTest extends OnEveryBackend {
  LibraryHistory history;

  @BeforeEach
  void setUp() {
    history = new LibraryHistory(db);
  }

  @Test
  void alteringATableOfThousandsOfRowsKeepsEveryRowAndTheIndexes() throws Exception {
    history.add(
        "0002_index",
        new AddIndex("book", new IndexState("book_title_idx", List.of("title"), false, null)));
    history.migrata().migrate();
    history.fill(5_000);
    List<String> before = db.rows("SELECT id, title, author_id FROM library_book ORDER BY id");
    List<String> indexes = db.indexes("library_book");
    assertThat(indexes).contains("book_title_idx");

    // NOT NULL with a default for the NULLs, and a shorter title.
    history.add(
        "0003_pages_not_null",
        new AlterField(
            "book", FieldState.builder("pages", "IntegerField").defaultValue("-1").build(), false),
        new AlterField("book", chars("title", 150), true));
    history.migrata().migrate();

    assertThat(db.rows("SELECT id, title, author_id FROM library_book ORDER BY id"))
        .isEqualTo(before);
    assertThat(db.rows("SELECT count(*) FROM library_book WHERE pages = -1"))
        .containsExactly("2500");
    assertThat(db.rows("SELECT count(*) FROM library_book WHERE pages IS NULL"))
        .containsExactly("0");
    assertThat(db.columnDefinitions("library_book"))
        .anySatisfy(c -> assertThat(c).startsWith("title ").contains("150").endsWith(" NOT NULL"))
        .anySatisfy(c -> assertThat(c).startsWith("pages ").endsWith(" NOT NULL"));
    assertThat(db.indexes("library_book")).isEqualTo(indexes);

    // And back: the column is nullable again, the values stay.
    history.migrata().migrate("library", "0002");
    assertThat(db.rows("SELECT count(*) FROM library_book")).containsExactly("5000");
    assertThat(db.columnDefinitions("library_book"))
        .anySatisfy(c -> assertThat(c).startsWith("pages ").endsWith(" NULL").doesNotContain("NOT"));
    assertThat(db.indexes("library_book")).isEqualTo(indexes);
  }

  @Test
  void renamesKeepDataAndConstraintsBothWays() throws Exception {
    history.add(
        "0002_changes",
        new RenameField("book", "title", "headline"),
        new RemoveField("book", "pages"),
        new AlterModelTable("book", "books"),
        new AddConstraint("book", ConstraintState.check("headline_nonempty", "headline <> ''")),
        new RenameModel("Author", "Writer"),
        new AddField(
            "book",
            FieldState.builder("slug", "CharField").maxLength(50).index(true).defaultValue("x")
                .build(),
            false));
    history.migrata().migrate("library", "0001");
    db.exec(
        "INSERT INTO library_author (name) VALUES ('Ann')",
        "INSERT INTO library_book (title, pages, author_id) VALUES ('kept', 7, 1)");
    history.migrata().migrate();

    assertThat(db.tables()).contains("books", "library_writer").doesNotContain("library_book");
    assertThat(db.columns("books")).containsExactly("id", "headline", "author_id", "slug");
    assertThat(db.rows("SELECT headline, slug FROM books")).containsExactly("kept|x");
    assertThatThrownBy(() -> db.exec("INSERT INTO books (headline, author_id, slug) VALUES ('', 1, 'y')"))
        .hasMessageContaining("headline_nonempty");
    // The foreign key follows the renamed table.
    String enforce = kind == Db.Kind.SQLITE ? "PRAGMA foreign_keys = ON" : "SELECT 1";
    assertThatThrownBy(
            () ->
                db.exec(
                    enforce, "INSERT INTO books (headline, author_id, slug) VALUES ('z', 42, 'y')"))
        .hasMessageContaining("oreign key");

    history.migrata().migrate("library", "0001");
    assertThat(db.tables()).contains("library_book", "library_author").doesNotContain("books");
    // A re-added column goes last.
    assertThat(db.columns("library_book")).containsExactly("id", "title", "author_id", "pages");
    assertThat(db.rows("SELECT title FROM library_book")).containsExactly("kept");
    history.migrata().migrate();
    assertThat(db.rows("SELECT headline FROM books")).containsExactly("kept");
  }

  /** Every identifier is quoted: tables and columns named with reserved words work everywhere. */
  @Test
  void reservedWordsAsTableAndColumnNames() throws Exception {
    ModelState user =
        ModelState.of("library", "User", List.of(id(), chars("select", 30))).withTable("user");
    ModelState group =
        ModelState.of(
                "library",
                "Group",
                List.of(
                    id(),
                    FieldState.builder("order", "IntegerField").index(true).build(),
                    FieldState.builder("group", "CharField").maxLength(20).unique(true).build(),
                    FieldState.builder("user", "ForeignKey").to("library.user")
                        .column("user").onDelete("CASCADE").index(true).build()))
            .withTable("group");
    history.add("0002_reserved", CreateModel.of(user), CreateModel.of(group));
    history.add(
        "0003_alter",
        new RenameField("group", "order", "select"),
        new AlterField(
            "group",
            FieldState.builder("group", "CharField").maxLength(40).unique(true).build(),
            true),
        new AddConstraint("group", ConstraintState.unique("group_select_uniq", List.of("select", "user"), null)),
        new AlterModelTable("group", "order"));
    history.migrata().migrate();

    assertThat(db.tables()).contains("user", "order");
    assertThat(db.columns("order")).containsExactly("id", "select", "group", "user");
    db.exec(
        "INSERT INTO " + db.q("user") + " (" + db.q("select") + ") VALUES ('me')",
        "INSERT INTO " + db.q("order") + " (" + db.q("select") + ", " + db.q("group") + ", "
            + db.q("user") + ") VALUES (1, 'g', 1)");
    assertThatThrownBy(
            () ->
                db.exec(
                    "INSERT INTO " + db.q("order") + " (" + db.q("select") + ", " + db.q("group")
                        + ", " + db.q("user") + ") VALUES (2, 'g', 1)"))
        .isInstanceOf(java.sql.SQLException.class);

    history.migrata().migrate("library", "0002");
    assertThat(db.columns("group")).containsExactly("id", "order", "group", "user");
    assertThat(db.rows("SELECT " + db.q("order") + ", " + db.q("group") + " FROM " + db.q("group")))
        .containsExactly("1|g");
    history.migrata().migrate("library", "zero");
    assertThat(db.tables()).containsExactly("migrata_migrations");
  }

  @Test
  void temporalDefaultsFillExistingRowsOnEveryBackend() throws Exception {
    history.migrata().migrate();
    db.exec("INSERT INTO library_author (name) VALUES ('Ann')");
    history.add(
        "0002_temporal",
        new AddField(
            "author",
            FieldState.builder("seen", "DateTimeField").defaultValue("2024-01-02T01:04:05Z").build(),
            false),
        new AddField(
            "author",
            FieldState.builder("met", "LocalDateTimeField")
                .defaultValue("2024-03-04T10:30")
                .build(),
            false),
        new AddField(
            "author",
            FieldState.builder("lent", "DurationField").defaultValue("PT1H30M").build(),
            false));
    history.migrata().migrate();

    String seen = db.rows("SELECT seen FROM library_author").get(0);
    String met = db.rows("SELECT met FROM library_author").get(0);
    assertThat(seen).startsWith("2024-01-02").contains("01:04:05");
    assertThat(met).startsWith("2024-03-04").contains("10:30:00");
    String lent = db.rows("SELECT lent FROM library_author").get(0);
    if (kind == Db.Kind.POSTGRES) {
      assertThat(lent).isEqualTo("1 hours 30 mins");
    } else {
      assertThat(lent).as("microseconds, as Django's DurationField").isEqualTo("5400000000");
    }
  }
}
