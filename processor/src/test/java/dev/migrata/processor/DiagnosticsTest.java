package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.files;
import static dev.migrata.processor.Compiling.migration;
import static dev.migrata.processor.Compiling.source;
import static dev.migrata.processor.Compiling.written;
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

/**
 * One test per diagnostic about models: the code, the message, the file and the line
 * (ProblemCatalogueTest checks that every code appears in such a test).
 */
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
            "[migrata.E001] It is impossible to add the non-nullable field 'rating' to Book"
                + " without a default")
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
    JavaFileObject book =
        book(BOOK_BODY.replace("@Field(nullable = true) LocalDate", "@Field LocalDate"));
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E002] It is impossible to change the nullable field 'published' on Book to"
                + " non-nullable")
        .inFile(book)
        .onLineContaining("LocalDate published");
    assertNothingWritten();
  }

  @Test
  void unknownJavaType() {
    JavaFileObject book = book(BOOK_BODY + "  @Field(nullable = true) Thread worker;\n");
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E008] Migrata does not know how to store the Java type java.lang.Thread of"
                + " field 'worker'")
        .inFile(book)
        .onLineContaining("Thread worker");
    assertNothingWritten();
  }

  @Test
  void bigDecimalWithoutPrecision() {
    JavaFileObject book =
        book(BOOK_BODY + "  @Field(nullable = true, scale = 2) java.math.BigDecimal price;\n");
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining(
            "[fields.E132] The BigDecimal field 'price' needs a precision (Django's max_digits")
        .inFile(book)
        .onLineContaining("BigDecimal price");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void bigDecimalWithoutScale() {
    JavaFileObject book =
        book(BOOK_BODY + "  @Field(nullable = true, precision = 8) java.math.BigDecimal price;\n");
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining(
            "[fields.E130] The BigDecimal field 'price' needs a scale (Django's decimal_places")
        .inFile(book)
        .onLineContaining("BigDecimal price");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void bigDecimalWithNeitherIsBothErrors() {
    JavaFileObject book =
        book(BOOK_BODY + "  @Field(nullable = true) java.math.BigDecimal price;\n");
    Compilation c = compile(root, author(), book, m1);
    assertThat(c).hadErrorContaining("[fields.E132]").inFile(book).onLineContaining("price");
    assertThat(c).hadErrorContaining("[fields.E130]").inFile(book).onLineContaining("price");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void foreignKeyToAClassThatIsNotAModel() {
    JavaFileObject book =
        book(
            BOOK_BODY
                + "  @ForeignKey(onDelete = OnDelete.CASCADE, nullable = true) StringBuilder"
                + " owner;\n");
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining(
            "[fields.E300] The relation 'owner' points to java.lang.StringBuilder, which is not"
                + " a @Model")
        .inFile(book)
        .onLineContaining("StringBuilder owner");
  }

  @Test
  void fieldRenamedFromNamesNothing() {
    JavaFileObject book =
        book(
            BOOK_BODY.replace(
                "@Field(maxLength = 200) String title;",
                "@Field(maxLength = 200) String title;\n"
                    + "  @Field(nullable = true, renamedFrom = \"subtitle\") String headline;"));
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E013] The renamedFrom = \"subtitle\" on field 'headline' names no field of"
                + " model Book")
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
        .hadErrorContaining(
            "[migrata.E012] @Model(renamedFrom = \"Cupboard\") on Shelf names no model of app"
                + " 'library'")
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
            "[migrata.E014] Conflicting migrations detected in app 'library': 0002_a and 0002_b"
                + " are both leaves")
        .inFile(b)
        .onLineContaining("class M0002_b");
    assertThat(c).hadErrorContaining("from Maven: mvn compile -Dmigrata.merge=true");
  }

  private static JavaFileObject branch(String className, String name) {
    return source(
        MIGRATIONS + "." + className,
        "package com.example.library.migrations;\n"
            + "import dev.migrata.annotations.migration.*;\n"
            + "@Migration(app = \"library\", name = \""
            + name
            + "\",\n"
            + "    dependencies = @Dependency(app = \"library\", name = \"0001_initial\"))\n"
            + "public final class "
            + className
            + " {}\n");
  }

  @Test
  void indexNamingAnUnknownField() {
    JavaFileObject book = book("@Index(fields = {\"title\", \"nope\"})\n", BOOK_BODY);
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining(
            "[models.E012] @Index on Book names the field 'nope', which is not a column")
        .inFile(book)
        .onLineContaining("@Index(fields");
  }

  @Test
  void uniqueNamingAnUnknownField() {
    JavaFileObject book = book("@Unique(fields = \"isbn\")\n", BOOK_BODY);
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining("[models.E012] @Unique on Book names the field 'isbn'")
        .inFile(book)
        .onLineContaining("@Unique(fields");
  }

  @Test
  void primitiveDeclaredNullable() {
    JavaFileObject book = book(BOOK_BODY + "  @Field(nullable = true) int pages;\n");
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E010] The field 'pages' has the primitive type int, which cannot hold null")
        .inFile(book)
        .onLineContaining("int pages");
    assertThat(c).hadErrorContaining("Use the boxed type (Integer)");
  }

  @Test
  void aRenamedNonNullFieldIsAskedOnlyWhetherItWasRenamed() {
    // Not also "impossible to add the non-nullable field without a default": renamedFrom alone
    // answers the question, and a second error would send the user to fix something else.
    JavaFileObject book = book(BOOK_BODY.replace("String title;", "String heading;"));
    Compilation c = compile(root, author(), book, m1);
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining("[migrata.E050] Was book.title renamed to book.heading (a CharField)?")
        .inFile(book)
        .onLineContaining("heading");
    assertNothingWritten();
  }

  @Test
  void removedAndAddedFieldOfTheSameDefinitionIsAskedAndWritesNothing() {
    JavaFileObject book = book(BOOK_BODY.replace("LocalDate published;", "LocalDate publishedOn;"));
    Compilation c = compile(root, author(), book, m1);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E050] Was book.published renamed to book.publishedOn (a DateField)?")
        .inFile(book)
        .onLineContaining("publishedOn");
    assertThat(c)
        .hadErrorContaining(
            "Add renamedFrom = \"published\" to 'publishedOn' to rename the column and keep its"
                + " data, or confirm that 'published' is removed (its data dropped) with the"
                + " compiler option -Amigrata.confirmRemove=library.book.published.");
    assertNothingWritten();

    // The answer the error asks for: the next compile renames instead of dropping the column.
    JavaFileObject renamed =
        book(
            BOOK_BODY.replace(
                "@Field(nullable = true) LocalDate published;",
                "@Field(nullable = true, renamedFrom = \"published\") LocalDate publishedOn;"));
    assertThat(compile(root, author(), renamed, m1)).succeeded();
    assertThat(files(root, MIGRATIONS))
        .containsExactly("M0001_initial.java", "M0002_rename_published_book_published_on.java");
    assertThat(written(root, MIGRATIONS, "M0002_rename_published_book_published_on"))
        .contains("RENAME_FIELD");
  }

  @Test
  void confirmedRemovalOfALookAlikeFieldIsRemoveAndAdd() {
    String body = BOOK_BODY.replace("LocalDate published;", "LocalDate publishedOn;");
    Compilation c = withBook(body, "-Amigrata.confirmRemove=library.Book.published");
    assertThat(c).succeeded();
    // Only the safety lint's note that running code may still read the dropped column.
    assertThat(c).hadWarningCount(1);
    assertThat(c).hadWarningContaining("[safety.W106]");
    assertThat(files(root, MIGRATIONS))
        .contains("M0002_remove_book_published_book_published_on.java");
  }

  @Test
  void deletedAndAddedModelOfTheSameFieldsIsAskedAndWritesNothing() {
    JavaFileObject shelf = shelf("Shelf");
    assertThat(compile(root, author(), book(BOOK_BODY), shelf, m1)).succeeded();
    JavaFileObject m2 = migration(root, MIGRATIONS, "M0002_shelf");
    JavaFileObject cupboard = shelf("Cupboard");
    Compilation c = compile(root, author(), book(BOOK_BODY), cupboard, m1, m2);
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E051] Was the model library.Shelf renamed to Cupboard? The deleted model"
                + " Shelf has the same fields")
        .inFile(cupboard)
        .onLineContaining("class Cupboard");
    assertThat(c)
        .hadErrorContaining(
            "Add @Model(renamedFrom = \"Shelf\") to Cupboard to rename the table and keep its"
                + " rows, or confirm that Shelf is deleted (its rows dropped) with the compiler"
                + " option -Amigrata.confirmRemove=library.shelf.");
    assertThat(files(root, MIGRATIONS)).containsExactly("M0001_initial.java", "M0002_shelf.java");

    Compilation confirmed =
        compile(
            root,
            List.of("-Amigrata.confirmRemove=library.author.nick, library.shelf"),
            author(),
            book(BOOK_BODY),
            cupboard,
            m1,
            m2);
    assertThat(confirmed).succeeded();
    assertThat(files(root, MIGRATIONS)).hasSize(3);
    assertThat(written(root, MIGRATIONS, "M0003_cupboard_delete_shelf")).contains("DELETE_MODEL");
  }

  private static JavaFileObject shelf(String name) {
    return source(
        "com.example.library." + name,
        "package com.example.library;\nimport dev.migrata.annotations.*;\n@Model\n"
            + "public class "
            + name
            + " { @Field Integer number; }\n");
  }

  @Test
  void nonNullDateTimeAddedWithoutDefault() {
    JavaFileObject book = book(BOOK_BODY + "  @Field java.time.Instant added;\n");
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E003] It is impossible to add the non-nullable date/time field 'added' to"
                + " Book without a default")
        .inFile(book)
        .onLineContaining("Instant added");
    assertNothingWritten();
  }

  @Test
  void uniqueFieldWithCallableDefaultWarns() {
    JavaFileObject book =
        book(
            BOOK_BODY
                + "  @Field(unique = true, defaultMethod = \"java.util.UUID::randomUUID\")"
                + " java.util.UUID token;\n");
    Compilation c = compile(root, author(), book, m1);
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(
            "[migrata.W001] The callable default of the unique field Book.token is called once for"
                + " all existing rows")
        .inFile(book)
        .onLineContaining("UUID token");
  }

  @Test
  void unknownCustomFieldType() {
    JavaFileObject book = book(BOOK_BODY + "  @Field(type = \"com.example.Nope\") String code;\n");
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E005] The field 'code' names the field type 'com.example.Nope', which is"
                + " neither a built-in field type nor a class")
        .inFile(book)
        .onLineContaining("com.example.Nope");
  }

  @Test
  void deprecatedCustomTypeUsesTheIdItDeclares() {
    JavaFileObject money =
        AutodetectorCompileTest.money(
            "@dev.migrata.annotations.FieldTypeDeprecated(id = \"money.W001\")\n");
    JavaFileObject book =
        book(
            BOOK_BODY
                + "  @Field(type = \"com.example.library.Money\", nullable = true)\n"
                + "  java.math.BigDecimal price;\n");
    Compilation c = compile(root, author(), book, money, m1);
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(
            "[money.W001] Field 'price' of Book uses the deprecated field type"
                + " com.example.library.Money: Money has been deprecated.")
        .inFile(book)
        .onLineContaining("com.example.library.Money");
  }

  @Test
  void defaultMethodThatDoesNotExist() {
    JavaFileObject book =
        book(
            BOOK_BODY
                + "  @Field(defaultMethod = \"java.time.Instant::later\") java.time.Instant"
                + " added;\n");
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E006] The defaultMethod \"java.time.Instant::later\" of field 'added' is not"
                + " a public static method")
        .inFile(book)
        .onLineContaining("Instant::later");
  }

  @Test
  void defaultThatDoesNotParse() {
    JavaFileObject book = book(BOOK_BODY + "  @Field(defaultValue = \"many\") int pages;\n");
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E007] The defaultValue \"many\" of field 'pages' is not a valid"
                + " IntegerField: it is not a number in range.")
        .inFile(book)
        .onLineContaining("int pages");
  }

  @Test
  void toFieldThatDoesNotExist() {
    JavaFileObject book =
        book(
            BOOK_BODY
                + "  @ForeignKey(onDelete = OnDelete.CASCADE, nullable = true, toField = \"isbn\")"
                + " Author editor;\n");
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining(
            "[fields.E312] The relation 'editor' names toField = \"isbn\", which is not a field of"
                + " com.example.library.Author. Known fields: name.")
        .inFile(book)
        .onLineContaining("Author editor");
  }

  @Test
  void jsonMapWithNonStringKeys() {
    JavaFileObject book =
        book(BOOK_BODY + "  @Field(nullable = true) java.util.Map<Integer, String> notes;\n");
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E009] The map type java.util.Map<java.lang.Integer,java.lang.String> of"
                + " field 'notes' is stored as a JSON object, whose keys are strings.")
        .inFile(book)
        .onLineContaining("notes;");
  }

  @Test
  void manyToManyThroughAClassThatIsNotAModel() {
    JavaFileObject book =
        book(
            BOOK_BODY
                + "  @ManyToMany(through = StringBuilder.class) java.util.Set<Author> fans;\n");
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining(
            "[fields.E331] The @ManyToMany field 'fans' names through ="
                + " java.lang.StringBuilder.class, which is not a @Model.")
        .inFile(book)
        .onLineContaining("StringBuilder.class");
  }

  @Test
  void manyToManyOnAFieldThatIsNotACollection() {
    JavaFileObject book = book(BOOK_BODY + "  @ManyToMany Author fans;\n");
    Compilation c = compile(root, author(), book, m1);
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E011] The @ManyToMany field 'fans' must be a Set<Target> or List<Target> of"
                + " a @Model; it is com.example.library.Author.")
        .inFile(book)
        .onLineContaining("Author fans");
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
        .hadErrorContaining("[migrata.E015] The migration library.0002_broken cannot be replayed")
        .inFile(broken)
        .onLineContaining("operations = @Op(kind = REMOVE_FIELD");
  }

  @Test
  void checkFailsNamingTheAppAndTheChange() {
    Compilation c =
        withBook(
            BOOK_BODY + "  @Field(defaultValue = \"0\") int rating;\n", "-Amigrata.check=true");
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E021] Your models in app(s): 'library' have changes that are not yet"
                + " reflected in a migration")
        // The app's first model: the diagnostic is about the app.
        .inFile(author())
        .onLineContaining("class Author");
    assertThat(c).hadErrorContaining("+ Add field rating to book");
    assertNothingWritten();
  }

  @Test
  void checkIsOffForAnEmptyValue() {
    // What -Amigrata.check=${migrata.check} gives for an empty property: javac passes no value
    // for "-Amigrata.check=", and that compiles as usual.
    String body = BOOK_BODY + "  @Field(defaultValue = \"0\") int rating;\n";
    assertThat(withBook(body, "-Amigrata.check=", "-Amigrata.merge=")).succeededWithoutWarnings();
    assertThat(files(root, MIGRATIONS)).contains("M0002_book_rating.java");
  }

  @Test
  void checkIsOffForFalse() {
    String body = BOOK_BODY + "  @Field(defaultValue = \"0\") int rating;\n";
    assertThat(withBook(body, "-Amigrata.check=false", "-Amigrata.dryRun=FALSE"))
        .succeededWithoutWarnings();
    assertThat(files(root, MIGRATIONS)).contains("M0002_book_rating.java");
  }

  @Test
  void aSwitchWithAnUndefinedMavenPropertyIsAnError() {
    String body = BOOK_BODY + "  @Field(defaultValue = \"0\") int rating;\n";
    Compilation c = withBook(body, "-Amigrata.check=${migrata.check}");
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E052] The compiler option -Amigrata.check has the value '${migrata.check}',"
                + " which is neither true nor false");
    assertThat(c).hadErrorContaining("add <migrata.check>false</migrata.check> to its <properties>");
    assertNothingWritten();
  }

  @Test
  void checkPassesWhenUpToDate() {
    assertThat(withBook(BOOK_BODY, "-Amigrata.check=true")).succeededWithoutWarnings();
  }

  @Test
  void dryRunWarnsAndWritesNothing() {
    Compilation c =
        withBook(
            BOOK_BODY + "  @Field(defaultValue = \"0\") int rating;\n", "-Amigrata.dryRun=true");
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(
            "[migrata.W003] Would write library.0002_book_rating: Add field rating to book")
        // The app's first model: the diagnostic is about the app.
        .inFile(author())
        .onLineContaining("class Author");
    assertNothingWritten();
    assertThat(c.generatedSourceFiles()).isEmpty();
  }

  @Test
  void everyProblemHasAFullSentenceMessage() {
    for (Problem p : Problem.values()) {
      String message = p.message(new Object[20]);
      assertThat(message)
          .as(p.name())
          .matches("(?s)\\[" + java.util.regex.Pattern.quote(p.code()) + "\\] [A-Z@].*");
    }
  }
}
