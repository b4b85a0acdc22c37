package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.files;
import static dev.migrata.processor.Compiling.migration;
import static dev.migrata.processor.Compiling.source;
import static dev.migrata.processor.Compiling.written;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated migrations compared byte for byte with golden files, one scenario per test. */
class MigrationGoldenTest {
  static final String LIB = "com.example.library";
  static final String MIGRATIONS = LIB + ".migrations";

  @TempDir Path root;

  static JavaFileObject author(String body) {
    return source(
        LIB + ".Author",
        "package com.example.library;\n"
            + "import dev.migrata.annotations.*;\n"
            + "@Model\n"
            + "public class Author {\n"
            + body
            + "}\n");
  }

  static JavaFileObject author() {
    return author("  @Field(maxLength = 100) String name;\n");
  }

  static JavaFileObject book(String annotations, String body) {
    return source(
        LIB + ".Book",
        "package com.example.library;\n"
            + "import dev.migrata.annotations.*;\n"
            + "import java.time.LocalDate;\n"
            + annotations
            + "@Model\n"
            + "public class Book {\n"
            + body
            + "}\n");
  }

  static final String BOOK_BODY =
      "  @Field(maxLength = 200) String title;\n"
          + "  @Field(nullable = true) LocalDate published;\n"
          + "  @ForeignKey(onDelete = OnDelete.CASCADE) Author author;\n";

  static JavaFileObject book(String body) {
    return book("", body);
  }

  /** Compiles, expects success, returns the one new migration's text (or fails). */
  private String next(String className, List<String> options, JavaFileObject... sources) {
    List<String> before = files(root, MIGRATIONS);
    Compilation compilation = compile(root, options, sources);
    assertThat(compilation).succeeded();
    List<String> after = files(root, MIGRATIONS);
    assertThat(after).as("files after compile").containsAll(before).contains(className + ".java");
    assertThat(after).hasSize(before.size() + 1);
    String text = written(root, MIGRATIONS, className);
    // The Filer copy compiled in this build is the identical text.
    assertThat(compilation)
        .generatedSourceFile(MIGRATIONS + "." + className)
        .contentsAsUtf8String()
        .isEqualTo(text);
    return text;
  }

  private String next(String className, JavaFileObject... sources) {
    return next(className, List.of(), sources);
  }

  private JavaFileObject initial() {
    next("M0001_initial", author(), book(BOOK_BODY));
    return migration(root, MIGRATIONS, "M0001_initial");
  }

  @Test
  void initialMigrationFoldsIndexesAndConstraintsAndPutsRelationsLast() {
    String text =
        next(
            "M0001_initial",
            author(),
            book(
                "@Index(fields = {\"title\", \"published\"})\n"
                    + "@Unique(fields = {\"title\", \"author\"})\n"
                    + "@Check(name = \"rating_range\", condition = \"rating BETWEEN 0 AND 5\")\n",
                "  @ForeignKey(onDelete = OnDelete.CASCADE) Author author;\n"
                    + "  @Field(maxLength = 200) String title;\n"
                    + "  @Field(nullable = true) LocalDate published;\n"
                    + "  @Field(defaultValue = \"0\") int rating;\n"));
    Golden.assertMatches("library/M0001_initial.java", text);
  }

  @Test
  void addFieldWithDefault() {
    JavaFileObject m1 = initial();
    String text =
        next(
            "M0002_book_rating",
            author(),
            book(BOOK_BODY + "  @Field(defaultValue = \"0\") int rating;\n"),
            m1);
    Golden.assertMatches("library/M0002_book_rating.java", text);
  }

  @Test
  void removeField() {
    JavaFileObject m1 = initial();
    String text =
        next(
            "M0002_remove_book_published",
            author(),
            book(
                "  @Field(maxLength = 200) String title;\n"
                    + "  @ForeignKey(onDelete = OnDelete.CASCADE) Author author;\n"),
            m1);
    Golden.assertMatches("library/M0002_remove_book_published.java", text);
  }

  @Test
  void alterField() {
    JavaFileObject m1 = initial();
    String text =
        next(
            "M0002_alter_book_title",
            author(),
            book(BOOK_BODY.replace("maxLength = 200", "maxLength = 300, helpText = \"Shown\"")),
            m1);
    Golden.assertMatches("library/M0002_alter_book_title.java", text);
  }

  @Test
  void renameFieldDeclaredByRenamedFrom() {
    JavaFileObject m1 = initial();
    String text =
        next(
            "M0002_rename_title_book_headline",
            author(),
            book(
                BOOK_BODY.replace(
                    "@Field(maxLength = 200) String title;",
                    "@Field(maxLength = 200, renamedFrom = \"title\") String headline;")),
            m1);
    Golden.assertMatches("library/M0002_rename_title_book_headline.java", text);
  }

  @Test
  void renameModelDeclaredByRenamedFrom() {
    JavaFileObject m1 = initial();
    JavaFileObject writer =
        source(
            LIB + ".Writer",
            "package com.example.library;\n"
                + "import dev.migrata.annotations.*;\n"
                + "@Model(renamedFrom = \"Author\")\n"
                + "public class Writer {\n"
                + "  @Field(maxLength = 100) String name;\n"
                + "}\n");
    String text =
        next(
            "M0002_rename_author_writer",
            writer,
            book(BOOK_BODY.replace("Author author;", "Writer author;")),
            m1);
    Golden.assertMatches("library/M0002_rename_author_writer.java", text);
  }

  @Test
  void deleteModelAndCreateModelComeCreateFirst() {
    JavaFileObject m1 = initial();
    JavaFileObject shelf =
        source(
            LIB + ".Shelf",
            "package com.example.library;\n"
                + "import dev.migrata.annotations.*;\n"
                + "@Model\n"
                + "public class Shelf {\n"
                + "  @Field int number;\n"
                + "}\n");
    String text = next("M0002_shelf_delete_book", author(), shelf, m1);
    Golden.assertMatches("library/M0002_shelf_delete_book.java", text);
  }

  /**
   * A model created beside an altered field (the blog sample's 0002): Django's _detect_changes
   * generates created models first (CreateModel with beginning=True), so a model without relations
   * stays first and names the migration first.
   */
  @Test
  void createdModelComesBeforeAnAlteredField() {
    JavaFileObject m1 = initial();
    JavaFileObject shelf =
        source(
            LIB + ".Shelf",
            "package com.example.library;\n"
                + "import dev.migrata.annotations.*;\n"
                + "@Model\n"
                + "public class Shelf {\n"
                + "  @Field int number;\n"
                + "}\n");
    String text =
        next(
            "M0002_shelf_alter_book_title",
            author(),
            shelf,
            book(BOOK_BODY.replace("maxLength = 200", "maxLength = 300")),
            m1);
    Golden.assertMatches("library/M0002_shelf_alter_book_title.java", text);
  }

  /**
   * A created model with a foreign key: Django generates CreateModel (without the relation) first,
   * the AlterField, then AddField for the relation; the optimizer folds the AddField into the
   * CreateModel on the right, past the AlterField, so Django writes {@code
   * 0002_alter_book_title_review} with the AlterField first, as Migrata does.
   */
  @Test
  void createdModelWithARelationFoldsAfterAnAlteredField() {
    JavaFileObject m1 = initial();
    JavaFileObject review =
        source(
            LIB + ".Review",
            "package com.example.library;\n"
                + "import dev.migrata.annotations.*;\n"
                + "@Model\n"
                + "public class Review {\n"
                + "  @Field int stars;\n"
                + "  @ForeignKey(onDelete = OnDelete.CASCADE) Book book;\n"
                + "}\n");
    String text =
        next(
            "M0002_alter_book_title_review",
            author(),
            review,
            book(BOOK_BODY.replace("maxLength = 200", "maxLength = 300")),
            m1);
    Golden.assertMatches("library/M0002_alter_book_title_review.java", text);
  }

  @Test
  void nameOptionNamesTheMigration() {
    JavaFileObject m1 = initial();
    String text =
        next(
            "M0002_add_rating",
            List.of("-Amigrata.name=add_rating"),
            author(),
            book(BOOK_BODY + "  @Field(nullable = true) Integer rating;\n"),
            m1);
    assertThat(text).contains("name = \"0002_add_rating\"");
  }

  @Test
  void longNamesEndInAndMore() {
    JavaFileObject m1 = initial();
    String text =
        next(
            // Fields are added in name order; 52 characters fit (Django's limit), the next does
            // not.
            "M0002_book_first_field_book_fourth_field_book_second_field_and_more",
            author(),
            book(
                BOOK_BODY
                    + "  @Field(nullable = true) Integer firstField;\n"
                    + "  @Field(nullable = true) Integer secondField;\n"
                    + "  @Field(nullable = true) Integer thirdField;\n"
                    + "  @Field(nullable = true) Integer fourthField;\n"),
            m1);
    assertThat(text)
        .contains("name = \"0002_book_first_field_book_fourth_field_book_second_field_and_more\"");
  }

  @Test
  void collectionsAreJsonFieldsWithCanonicalJsonDefaults() {
    JavaFileObject m1 = initial();
    String text =
        next(
            "M0002_book_labels_book_scores_book_tags",
            author(),
            book(
                BOOK_BODY
                    + "  @Field(defaultValue = \"[ \\\"a\\\", \\\"b\\\" ]\") java.util.List<String>"
                    + " tags;\n"
                    + "  @Field(defaultValue = \"{\\\"z\\\": 2, \\\"a\\\": 1}\")"
                    + " java.util.Map<String, Integer> scores;\n"
                    + "  @Field(defaultValue = \"[\\\"b\\\", \\\"a\\\", \\\"b\\\"]\")"
                    + " java.util.Set<String> labels;\n"),
            m1);
    Golden.assertMatches("library/M0002_book_labels_book_scores_book_tags.java", text);
    // The same values spelled otherwise are no change.
    JavaFileObject m2 = migration(root, MIGRATIONS, "M0002_book_labels_book_scores_book_tags");
    Compilation again =
        compile(
            root,
            author(),
            book(
                BOOK_BODY
                    + "  @Field(defaultValue = \"[\\\"a\\\",\\\"b\\\"]\") java.util.List<String>"
                    + " tags;\n"
                    + "  @Field(defaultValue = \"{\\\"a\\\":1,\\\"z\\\":2}\") java.util.Map<String,"
                    + " Integer> scores;\n"
                    + "  @Field(defaultValue = \"[\\\"a\\\", \\\"b\\\"]\") java.util.Set<String>"
                    + " labels;\n"),
            m1,
            m2);
    assertThat(again).succeeded();
    assertThat(files(root, MIGRATIONS)).hasSize(2);
  }

  @Test
  void everyJavaTypeMapsAsDjango() {
    JavaFileObject kinds =
        source(
            LIB + ".Genre",
            "package com.example.library;\npublic enum Genre { NOVEL, POETRY, NONFICTION }\n");
    JavaFileObject base =
        source(
            LIB + ".Timestamped",
            "package com.example.library;\n"
                + "import dev.migrata.annotations.*;\n"
                + "public abstract class Timestamped {\n"
                + "  @Field java.time.Instant createdAt;\n"
                + "}\n");
    JavaFileObject all =
        source(
            LIB + ".Everything",
            "package com.example.library;\n"
                + "import dev.migrata.annotations.*;\n"
                + "import java.math.BigDecimal;\n"
                + "import java.time.*;\n"
                + "import java.util.*;\n"
                + "@Model(table = \"everything\", comment = \"All types\")\n"
                + "public class Everything extends Timestamped {\n"
                + "  @Field boolean flag;\n"
                + "  @Field short small;\n"
                + "  @Field Integer number;\n"
                + "  @Field long big;\n"
                + "  @Field double ratio;\n"
                + "  @Field(precision = 10, scale = 2) BigDecimal price;\n"
                + "  @Field String text;\n"
                + "  @Field(maxLength = 20, unique = true) String code;\n"
                + "  @Field LocalDate day;\n"
                + "  @Field LocalTime time;\n"
                + "  @Field LocalDateTime naive;\n"
                + "  @Field OffsetDateTime aware;\n"
                + "  @Field UUID uuid;\n"
                + "  @Field byte[] data;\n"
                + "  @Field Duration duration;\n"
                + "  @Field Genre genre;\n"
                + "  @Field(column = \"legacy_col\", index = true, comment = \"c\") String"
                + " legacy;\n"
                + "  @Field(dbDefault = \"now()\") LocalDateTime stamped;\n"
                + "  @ManyToMany Set<Author> authors;\n"
                + "  @OneToOne(nullable = true, onDelete = OnDelete.SET_NULL) Author editor;\n"
                + "}\n");
    String text = next("M0001_initial", kinds, base, all, author());
    Golden.assertMatches("library/M0001_everything.java", text);
  }

  @Test
  void appLabelAndMigrationsPackageFromPackageInfo() {
    JavaFileObject info =
        source(
            "com.example.shop.package-info",
            "@dev.migrata.annotations.App(value = \"store\", migrationsPackage ="
                + " \"com.example.shop.db\")\npackage com.example.shop;\n");
    JavaFileObject item =
        source(
            "com.example.shop.Item",
            "package com.example.shop;\n"
                + "import dev.migrata.annotations.*;\n"
                + "@Model\npublic class Item {\n  @Field(maxLength = 10) String sku;\n}\n");
    Compilation compilation = compile(root, info, item);
    assertThat(compilation).succeeded();
    String text = written(root, "com.example.shop.db", "M0001_initial");
    assertThat(text).contains("app = \"store\"").contains("package com.example.shop.db;");
  }

  @Test
  void crossAppForeignKeyDependsOnTheOtherAppsLeaf() {
    JavaFileObject m1 = initial();
    JavaFileObject order =
        source(
            "com.example.shop.Order",
            "package com.example.shop;\n"
                + "import dev.migrata.annotations.*;\n"
                + "import com.example.library.Book;\n"
                + "@Model\npublic class Order {\n"
                + "  @ForeignKey(onDelete = OnDelete.PROTECT) Book book;\n"
                + "  @Field int quantity;\n}\n");
    Compilation compilation = compile(root, author(), book(BOOK_BODY), m1, order);
    assertThat(compilation).succeeded();
    String text = written(root, "com.example.shop.migrations", "M0001_initial");
    Golden.assertMatches("shop/M0001_initial.java", text);
  }

  @Test
  void noChangeWritesNothing() {
    JavaFileObject m1 = initial();
    Compilation compilation = compile(root, author(), book(BOOK_BODY), m1);
    assertThat(compilation).succeeded();
    assertThat(files(root, MIGRATIONS)).containsExactly("M0001_initial.java");
  }

  @Test
  void sameInputsGiveByteIdenticalOutput(@TempDir Path other) {
    Compilation a = compile(root, author(), book(BOOK_BODY));
    Compilation b = compile(other, author(), book(BOOK_BODY));
    assertThat(a).succeeded();
    assertThat(b).succeeded();
    assertThat(written(root, MIGRATIONS, "M0001_initial"))
        .isEqualTo(written(other, MIGRATIONS, "M0001_initial"));
  }

  @Test
  void handEditIsHonouredByTheNextCompile() {
    initial();
    String edited =
        written(root, MIGRATIONS, "M0001_initial").replace("maxLength = 200", "maxLength = 255");
    JavaFileObject m1 = source(MIGRATIONS + ".M0001_initial", edited);
    // The model agrees with the edit: nothing to do.
    Compilation same =
        compile(root, author(), book(BOOK_BODY.replace("maxLength = 200", "maxLength = 255")), m1);
    assertThat(same).succeeded();
    assertThat(files(root, MIGRATIONS)).containsExactly("M0001_initial.java");
    // The model does not: the next migration alters the edited value back.
    String text = next("M0002_alter_book_title", author(), book(BOOK_BODY), m1);
    assertThat(text).contains("maxLength = 200");
  }
}
