package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.AutodetectorCompileTest.MIGRATIONS;
import static dev.migrata.processor.AutodetectorCompileTest.model;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.files;
import static dev.migrata.processor.Compiling.migration;
import static dev.migrata.processor.Compiling.written;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ORM-only options (issue 9): kept in the state and written as Django writes them, a change makes
 * an AlterField or AlterModelOptions, and their misuse is a diagnostic on the element at fault.
 */
class OrmOptionsCompileTest {
  @TempDir Path root;

  private static final String BOOK_MODEL =
      "@Model(verboseName = \"livre\", verboseNamePlural = \"livres\","
          + " ordering = {\"-published\", \"title\"})\n";
  private static final String BOOK_FIELDS =
      "  @Field(maxLength = 200, verboseName = \"titre\") String title;\n"
          + "  @Field(nullable = true, blank = true) java.time.LocalDate published;\n"
          + "  @Field(editable = false, autoNowAdd = true) java.time.Instant created;\n"
          + "  @Field(autoNow = true) java.time.LocalDateTime modified;\n"
          + "  @Field(blank = true) String notes;\n";

  private String next(String className, JavaFileObject... sources) {
    List<String> before = files(root, MIGRATIONS);
    Compilation compilation = compile(root, sources);
    assertThat(compilation).succeeded();
    assertThat(files(root, MIGRATIONS)).contains(className + ".java").hasSize(before.size() + 1);
    return written(root, MIGRATIONS, className);
  }

  private JavaFileObject[] with(JavaFileObject model, String... migrations) {
    List<JavaFileObject> all = new ArrayList<>();
    all.add(model);
    for (String m : migrations) {
      all.add(migration(root, MIGRATIONS, m));
    }
    return all.toArray(JavaFileObject[]::new);
  }

  @Test
  void initialMigrationWritesTheOptionsAndReplaysToNoChange() {
    String text = next("M0001_initial", model("Book", BOOK_MODEL, BOOK_FIELDS));
    Golden.assertMatches("library/M0001_orm_options.java", text);
    assertThat(compile(root, with(model("Book", BOOK_MODEL, BOOK_FIELDS), "M0001_initial")))
        .succeeded();
    assertThat(files(root, MIGRATIONS)).containsExactly("M0001_initial.java");
  }

  @Test
  void aChangedOptionWritesAlterModelOptionsAndAlterField() {
    next("M0001_initial", model("Book", BOOK_MODEL, BOOK_FIELDS));
    String text =
        next(
            "M0002_alter_book_options_alter_book_notes_alter_book_title",
            with(
                model(
                    "Book",
                    "@Model(verboseName = \"livre\", ordering = \"title\")\n",
                    BOOK_FIELDS
                        .replace("verboseName = \"titre\"", "verboseName = \"nom\"")
                        .replace("@Field(blank = true) String notes", "@Field String notes")),
                "M0001_initial"));
    // Django's AlterModelOptions carries every option the model now has; verboseNamePlural went.
    Golden.assertMatches(
        "library/M0002_alter_book_options_alter_book_notes_alter_book_title.java", text);
  }

  @Test
  void automaticTimesAddedToExistingRowsGetNowAsDjangosQuestionerOffers() {
    next("M0001_initial", model("Book", "@Model\n", "  @Field(maxLength = 200) String title;\n"));
    String text =
        next(
            "M0002_book_created_book_modified_book_summary",
            with(
                model(
                    "Book",
                    "@Model\n",
                    "  @Field(maxLength = 200) String title;\n"
                        + "  @Field(autoNowAdd = true) java.time.Instant created;\n"
                        + "  @Field(autoNow = true) java.time.LocalDate modified;\n"
                        + "  @Field(blank = true) String summary;\n"),
                "M0001_initial"));
    Golden.assertMatches("library/M0002_book_created_book_modified_book_summary.java", text);
  }

  @Test
  void autoNowOnATypeThatIsNoDateOrTimeIsE074() {
    JavaFileObject book =
        model("Book", "@Model\n", "  @Field(maxLength = 9, autoNow = true) String stamp;\n");
    Compilation c = compile(root, book);
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E074] The field 'stamp' of Book has autoNow = true, but its type is"
                + " CharField")
        .inFile(book)
        .onLineContaining("String stamp");
    assertThat(files(root, MIGRATIONS)).isEmpty();
  }

  @Test
  void autoNowBesideADefaultIsFieldsE160() {
    JavaFileObject book =
        model(
            "Book",
            "@Model\n",
            "  @Field(autoNowAdd = true, defaultValue = \"2024-01-01\") java.time.LocalDate"
                + " day;\n");
    assertThat(compile(root, book))
        .hadErrorContaining(
            "[fields.E160] The options autoNow, autoNowAdd, and default are mutually exclusive."
                + " Only one of these options may be present (field 'day' of Book)")
        .inFile(book)
        .onLineContaining("LocalDate day");
  }

  @Test
  void orderingByAnUnknownFieldIsModelsE015() {
    JavaFileObject book =
        model(
            "Book",
            "@Model(ordering = {\"-title\", \"-publshed\"})\n",
            "  @Field(maxLength = 200) String title;\n");
    Compilation c = compile(root, book);
    assertThat(c)
        .hadErrorContaining(
            "[models.E015] The 'ordering' of Book refers to the nonexistent field, related"
                + " field, or lookup '-publshed'. Name one of its fields (id, title)")
        .inFile(book)
        .onLineContaining("@Model(ordering");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void orderingAcceptsRandomPrimaryKeyRelationColumnsAndLookups() {
    JavaFileObject author = model("Author", "@Model\n", "  @Field(maxLength = 9) String name;\n");
    JavaFileObject book =
        model(
            "Book",
            "@Model(ordering = {\"?\", \"pk\", \"author_id\", \"-author__name\"})\n",
            "  @ForeignKey(onDelete = OnDelete.CASCADE) Author author;\n");
    Compilation c = compile(root, author, book);
    assertThat(c).succeeded();
    assertThat(Arrays.asList(c.warnings().toArray())).isEmpty();
  }

  private static JavaFileObject place(String name, String annotations, String body) {
    return Compiling.source(
        "com.example.library." + name,
        "package com.example.library;\n"
            + "import dev.migrata.annotations.*;\n"
            + annotations
            + "public class "
            + name
            + body);
  }

  /** Django's _check_ordering looks in _meta.fields, which holds the parents' fields too. */
  @Test
  void childAndProxyOrderByTheirParentsFieldsAndLink() {
    JavaFileObject author = model("Author", "@Model\n", "  @Field(maxLength = 9) String name;\n");
    JavaFileObject place =
        place(
            "Place",
            "@Model\n",
            " {\n  @Field(maxLength = 50) String name;\n"
                + "  @ForeignKey(onDelete = OnDelete.CASCADE) Author owner;\n}\n");
    JavaFileObject restaurant =
        place(
            "Restaurant",
            "@Model(ordering = {\"name\", \"-place_ptr__name\", \"place_ptr_id\", \"id\","
                + " \"owner__name\", \"owner_id\", \"-seats\"})\n",
            " extends Place {\n  @Field int seats;\n}\n");
    JavaFileObject bistro =
        place(
            "Bistro",
            "@Model(proxy = true, ordering = {\"-seats\", \"name\", \"place_ptr\"})\n",
            " extends Restaurant {\n}\n");
    JavaFileObject ordered =
        place(
            "OrderedPlace",
            "@Model(proxy = true, ordering = {\"-name\", \"id\", \"owner__name\"})\n",
            " extends Place {\n}\n");
    Compilation c = compile(root, author, place, restaurant, bistro, ordered);
    assertThat(c).succeeded();
    assertThat(Arrays.asList(c.warnings().toArray())).isEmpty();
    // One line per value once the array is long: compare with the layout folded.
    String text = written(root, MIGRATIONS, "M0001_initial").replaceAll("\\s+", " ");
    assertThat(text)
        .contains(
            "ordering = { \"name\", \"-place_ptr__name\", \"place_ptr_id\", \"id\","
                + " \"owner__name\", \"owner_id\", \"-seats\" }")
        .contains("ordering = {\"-seats\", \"name\", \"place_ptr\"}")
        .contains("ordering = {\"-name\", \"id\", \"owner__name\"}");
  }

  @Test
  void proxyOrderingByAFieldNoAncestorHasIsStillModelsE015() {
    JavaFileObject place =
        place("Place", "@Model\n", " {\n  @Field(maxLength = 50) String name;\n}\n");
    JavaFileObject ordered =
        place(
            "OrderedPlace",
            "@Model(proxy = true, ordering = {\"name\", \"name__x\", \"rank\"})\n",
            " extends Place {\n}\n");
    Compilation c = compile(root, place, ordered);
    assertThat(c)
        .hadErrorContaining(
            "[models.E015] The 'ordering' of OrderedPlace refers to the nonexistent field,"
                + " related field, or lookup 'rank'. Name one of its fields (name, id)")
        .inFile(ordered)
        .onLineContaining("@Model(proxy");
    assertThat(c)
        .hadErrorContaining("lookup 'name__x'")
        .inFile(ordered)
        .onLineContaining("@Model(proxy");
    assertThat(c).hadErrorCount(2);
  }
}
