package dev.migrata;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.fk;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.migration;

import dev.migrata.data.FieldTypesTest;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import java.util.ArrayList;
import java.util.List;

/**
 * A model set with every field type (FieldTypesTest's {@code demo} app) and every kind of schema
 * object the editors create: single and composite, descending and partial indexes, unique fields
 * and constraints (one partial), a check, foreign keys with and without an index, a one-to-one, an
 * automatic many-to-many, a text primary key, an indexed text column (PostgreSQL's {@code _like}
 * index) and an unmanaged model.
 */
public final class RichModels {
  private RichModels() {}

  public static List<MigrationDefinition> migrations() {
    List<MigrationDefinition> all = new ArrayList<>();
    all.add(FieldTypesTest.migrations().get(0));
    all.add(
        migration("rich", "0001_initial")
            .ops(tag(), author(), book(), profile(), note(), legacy()));
    return all;
  }

  private static CreateModel tag() {
    return CreateModel.of(
        ModelState.of(
            "rich",
            "Tag",
            List.of(
                FieldState.builder("slug", "CharField").maxLength(50).primaryKey(true).build(),
                FieldState.builder("label", "TextField").index(true).build())));
  }

  private static CreateModel author() {
    return CreateModel.of(
        ModelState.of(
            "rich",
            "Author",
            List.of(
                id(),
                FieldState.builder("name", "CharField").maxLength(100).unique(true).build(),
                FieldState.builder("born", "DateField").nullable(true).build())));
  }

  private static CreateModel book() {
    ModelState book =
        ModelState.of(
                "rich",
                "Book",
                List.of(
                    id(),
                    FieldState.builder("title", "CharField").maxLength(200).index(true).build(),
                    FieldState.builder("rating", "IntegerField").defaultValue("0").build(),
                    fk("author", "rich.author", "CASCADE"),
                    fk("editor", "rich.author", "SET_NULL").toBuilder()
                        .nullable(true)
                        .index(false)
                        .build(),
                    FieldState.builder("tags", "ManyToManyField").to("rich.tag").build()))
            .withIndexes(
                List.of(
                    new IndexState("rich_book_title_idx", List.of("title", "-rating"), false, null),
                    new IndexState("rich_book_good_idx", List.of("rating"), false, "rating > 3")))
            .withConstraints(
                List.of(
                    ConstraintState.unique(
                        "rich_book_title_author_uniq", List.of("title", "author"), null),
                    ConstraintState.unique(
                        "rich_book_one_top_uniq", List.of("author"), "rating = 5"),
                    ConstraintState.check("rich_book_rating_range", "rating BETWEEN 0 AND 5")));
    return CreateModel.of(book);
  }

  private static CreateModel profile() {
    return CreateModel.of(
        ModelState.of(
            "rich",
            "Profile",
            List.of(
                id(),
                FieldState.builder("author", "OneToOneField")
                    .to("rich.author")
                    .onDelete("CASCADE")
                    .build())));
  }

  /** A small table the tests alter by hand. */
  private static CreateModel note() {
    return CreateModel.of(ModelState.of("rich", "Note", List.of(id(), chars("body", 20))));
  }

  /** Tracked, never created: its table is the application's business. */
  private static CreateModel legacy() {
    return CreateModel.of(
        ModelState.of("rich", "Legacy", List.of(id(), chars("code", 10)))
            .withTable("legacy_codes")
            .withManaged(false));
  }
}
