package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.files;
import static dev.migrata.processor.Compiling.migration;
import static dev.migrata.processor.Compiling.source;
import static dev.migrata.processor.MigrationGoldenTest.BOOK_BODY;
import static dev.migrata.processor.MigrationGoldenTest.MIGRATIONS;
import static dev.migrata.processor.MigrationGoldenTest.author;
import static dev.migrata.processor.MigrationGoldenTest.book;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One negative test per diagnostic: the message, the file and the line. */
class DiagnosticsTest {
  @TempDir Path root;
  private JavaFileObject m1;

  @BeforeEach
  void initialMigration() {
    assertThat(compile(root, author(), book(BOOK_BODY))).succeeded();
    m1 = migration(root, MIGRATIONS, "M0001_initial");
  }

  private Compilation withBook(String body, String... options) {
    return compile(root, List.of(options), author(), book(body), m1);
  }

  private void assertNothingWritten() {
    assertThat(files(root, MIGRATIONS)).containsExactly("M0001_initial.java");
  }

  @Test
  void nonNullFieldAddedWithoutDefault() {
    JavaFileObject book = book(BOOK_BODY + "  @Field int rating;\n");
    Compilation c = compile(root, author(), book, m1);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "It is impossible to add the non-nullable field 'rating' to Book without a default")
        .inFile(book)
        .onLineContaining("int rating");
    assertThat(c).hadErrorContaining("Add @Field(defaultValue = \"...\")");
    assertNothingWritten();
  }

  @Test
  void nothingIsWrittenOnceAnErrorIsRaised() {
    // Another app has a valid change, but an error anywhere stops every write.
    JavaFileObject other =
        source(
            "com.example.shop.Item",
            "package com.example.shop;\nimport dev.migrata.annotations.*;\n"
                + "@Model public class Item { @Field(maxLength = 5) String sku; }\n");
    JavaFileObject book = book(BOOK_BODY + "  @Field int rating;\n");
    Compilation c = compile(root, author(), book, m1, other);
    assertThat(c).failed();
    assertNothingWritten();
    assertThat(files(root, "com.example.shop.migrations")).isEmpty();
  }

  @Test
  void nullableFieldMadeNonNullWithoutDefault() {
    JavaFileObject book = book(BOOK_BODY.replace("@Field(nullable = true) LocalDate", "@Field LocalDate"));
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining("change the nullable field 'published' on Book to non-nullable")
        .inFile(book)
        .onLineContaining("LocalDate published");
    assertNothingWritten();
  }

  @Test
  void unknownJavaType() {
    JavaFileObject book = book(BOOK_BODY + "  @Field(nullable = true) Thread worker;\n");
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining("does not know how to store the Java type java.lang.Thread of field 'worker'")
        .inFile(book)
        .onLineContaining("Thread worker");
    assertNothingWritten();
  }

  @Test
  void bigDecimalWithoutPrecisionAndScale() {
    JavaFileObject book =
        book(BOOK_BODY + "  @Field(nullable = true) java.math.BigDecimal price;\n");
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining("The BigDecimal field 'price' needs both precision and scale")
        .inFile(book)
        .onLineContaining("BigDecimal price");
  }

  @Test
  void foreignKeyToAClassThatIsNotAModel() {
    JavaFileObject book = book(BOOK_BODY + "  @ForeignKey(onDelete = OnDelete.CASCADE, nullable = true) StringBuilder owner;\n");
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining("The relation 'owner' points to java.lang.StringBuilder, which is not a @Model")
        .inFile(book)
        .onLineContaining("StringBuilder owner");
  }

  @Test
  void fieldRenamedFromNamesNothing() {
    JavaFileObject book =
        book(BOOK_BODY.replace(
            "@Field(maxLength = 200) String title;",
            "@Field(maxLength = 200) String title;\n"
                + "  @Field(nullable = true, renamedFrom = \"subtitle\") String headline;"));
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining("renamedFrom = \"subtitle\" on field 'headline' names no field of model Book")
        .inFile(book)
        .onLineContaining("String headline");
    assertNothingWritten();
  }

  @Test
  void modelRenamedFromNamesNothing() {
    JavaFileObject shelf =
        source(
            "com.example.library.Shelf",
            "package com.example.library;\nimport dev.migrata.annotations.*;\n"
                + "@Model(renamedFrom = \"Cupboard\")\n"
                + "public class Shelf { @Field int number; }\n");
    Compilation c = compile(root, author(), book(BOOK_BODY), shelf, m1);
    assertThat(c)
        .hadErrorContaining("@Model(renamedFrom = \"Cupboard\") on Shelf names no model of app 'library'")
        .inFile(shelf)
        .onLineContaining("Cupboard");
  }

  @Test
  void twoLeafMigrationsInOneApp() {
    JavaFileObject a = branch("M0002_a", "0002_a");
    JavaFileObject b = branch("M0002_b", "0002_b");
    Compilation c = compile(root, author(), book(BOOK_BODY), m1, a, b);
    assertThat(c)
        .hadErrorContaining(
            "Conflicting migrations detected in app 'library': 0002_a and 0002_b are both leaves")
        .inFile(b)
        .onLineContaining("class M0002_b");
  }

  private static JavaFileObject branch(String className, String name) {
    return source(
        MIGRATIONS + "." + className,
        "package com.example.library.migrations;\n"
            + "import dev.migrata.annotations.migration.*;\n"
            + "@Migration(app = \"library\", name = \"" + name + "\",\n"
            + "    dependencies = @Dependency(app = \"library\", name = \"0001_initial\"))\n"
            + "public final class " + className + " {}\n");
  }

  @Test
  void indexNamingAnUnknownField() {
    JavaFileObject book = book("@Index(fields = {\"title\", \"nope\"})\n", BOOK_BODY);
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining("@Index on Book names the field 'nope', which is not a column")
        .inFile(book)
        .onLineContaining("@Index(fields");
  }

  @Test
  void uniqueNamingAnUnknownField() {
    JavaFileObject book = book("@Unique(fields = \"isbn\")\n", BOOK_BODY);
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining("@Unique on Book names the field 'isbn'")
        .inFile(book)
        .onLineContaining("@Unique(fields");
  }

  @Test
  void primitiveDeclaredNullable() {
    JavaFileObject book = book(BOOK_BODY + "  @Field(nullable = true) int pages;\n");
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining("The field 'pages' has the primitive type int, which cannot hold null")
        .inFile(book)
        .onLineContaining("int pages");
    assertThat(c).hadErrorContaining("Use the boxed type (Integer)");
  }

  @Test
  void removedAndAddedFieldOfTheSameDefinitionWarnsToUseRenamedFrom() {
    JavaFileObject book =
        book(BOOK_BODY.replace("LocalDate published;", "LocalDate publishedOn;"));
    Compilation c = compile(root, author(), book, m1);
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining("add renamedFrom = \"published\" to rename it instead")
        .inFile(book)
        .onLineContaining("publishedOn");
    assertThat(files(root, MIGRATIONS))
        .contains("M0002_remove_book_published_book_published_on.java");
  }

  @Test
  void migrationThatCannotBeReplayed() {
    JavaFileObject broken =
        source(
            MIGRATIONS + ".M0002_broken",
            "package com.example.library.migrations;\n"
                + "import static dev.migrata.annotations.migration.Op.Kind.REMOVE_FIELD;\n"
                + "import dev.migrata.annotations.migration.*;\n"
                + "@Migration(app = \"library\", name = \"0002_broken\",\n"
                + "    dependencies = @Dependency(app = \"library\", name = \"0001_initial\"),\n"
                + "    operations = @Op(kind = REMOVE_FIELD, model = \"shelf\", name = \"x\"))\n"
                + "public final class M0002_broken {}\n");
    Compilation c = compile(root, author(), book(BOOK_BODY), m1, broken);
    assertThat(c)
        .hadErrorContaining("The migration library.0002_broken cannot be replayed")
        .inFile(broken)
        .onLineContaining("class M0002_broken");
  }

  @Test
  void checkFailsNamingTheAppAndTheChange() {
    Compilation c =
        withBook(BOOK_BODY + "  @Field(defaultValue = \"0\") int rating;\n", "-Amigrata.check=true");
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "Your models in app(s): 'library' have changes that are not yet reflected in a"
                + " migration");
    assertThat(c).hadErrorContaining("- Add field rating to book");
    assertNothingWritten();
  }

  @Test
  void checkPassesWhenUpToDate() {
    assertThat(withBook(BOOK_BODY, "-Amigrata.check=true")).succeededWithoutWarnings();
  }

  @Test
  void dryRunWarnsAndWritesNothing() {
    Compilation c =
        withBook(BOOK_BODY + "  @Field(defaultValue = \"0\") int rating;\n", "-Amigrata.dryRun=true");
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("Would write library.0002_book_rating: Add field rating to book");
    assertNothingWritten();
    assertThat(c.generatedSourceFiles()).isEmpty();
  }

  @Test
  void everyProblemHasAFullSentenceMessage() {
    for (Problem p : Problem.values()) {
      String message = p.format(new Object[20]);
      // A leading code (SPEC's "[fields.E121] ...") is followed by the sentence.
      assertThat(message).as(p.name()).matches("(?s)(\\[[a-z]+\\.[EWN]\\d+\\] )?[A-Z@].*");
    }
  }
}
