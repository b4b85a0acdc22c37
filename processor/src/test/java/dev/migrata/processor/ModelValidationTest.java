package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.files;
import static dev.migrata.processor.Compiling.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models that compiled before and failed only at migrate time (issues 8 and 12): each is a compile
 * error on the line at fault, and nothing reaches the source tree.
 */
class ModelValidationTest {
  static final String LIB = "com.example.library";

  @TempDir Path root;

  static JavaFileObject model(String pkg, String name, String annotations, String body) {
    return source(
        pkg + "." + name,
        "package "
            + pkg
            + ";\n"
            + "import dev.migrata.annotations.*;\n"
            + "import java.util.Set;\n"
            + annotations
            + "@Model\n"
            + "public class "
            + name
            + " {\n"
            + body
            + "}\n");
  }

  static JavaFileObject model(String name, String body) {
    return model(LIB, name, "", body);
  }

  static JavaFileObject author() {
    return model("Author", "  @Field(maxLength = 100) String name;\n");
  }

  /** Compiles, expects the error on the line containing {@code line}, and no file written. */
  private Compilation refused(
      String message, JavaFileObject file, String line, JavaFileObject... sources) {
    return refused(message, file, line, List.of(), sources);
  }

  private Compilation refused(
      String message,
      JavaFileObject file,
      String line,
      List<String> options,
      JavaFileObject... sources) {
    Compilation c = compile(root, options, sources);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(message).inFile(file).onLineContaining(line);
    assertThat(files(root, LIB + ".migrations")).isEmpty();
    assertThat(files(root, "com.example.shop.migrations")).isEmpty();
    return c;
  }

  // --- relations -------------------------------------------------------------------------------

  @Test
  void foreignKeyWithoutOnDelete() {
    // onDelete has no default, so javac itself refuses the relation (before any processor runs).
    JavaFileObject book = model("Book", "  @ForeignKey Author author;\n");
    Compilation c = compile(root, author(), book);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining("missing a default value for the element 'onDelete'")
        .inFile(book)
        .onLineContaining("@ForeignKey Author author");
    assertThat(files(root, LIB + ".migrations")).isEmpty();
  }

  @Test
  void oneToOneWithoutOnDelete() {
    JavaFileObject book = model("Book", "  @OneToOne(nullable = true) Author author;\n");
    Compilation c = compile(root, author(), book);
    assertThat(c)
        .hadErrorContaining("missing a default value for the element 'onDelete'")
        .inFile(book)
        .onLineContaining("Author author");
  }

  @Test
  void relationWithoutOnDeleteUnderAnOlderAnnotationsJar() {
    // An annotations jar from before onDelete was required still defaults it to CASCADE.
    JavaFileObject oldForeignKey =
        source(
            "dev.migrata.annotations.ForeignKey",
            "package dev.migrata.annotations;\n"
                + "import java.lang.annotation.*;\n"
                + "@Retention(RetentionPolicy.RUNTIME) @Target(ElementType.FIELD)\n"
                + "public @interface ForeignKey {\n"
                + "  OnDelete onDelete() default OnDelete.CASCADE;\n"
                + "  boolean nullable() default false;\n  String column() default \"\";\n"
                + "  boolean index() default true;\n  String toField() default \"\";\n"
                + "  String relatedName() default \"\";\n  String renamedFrom() default \"\";\n"
                + "  String helpText() default \"\";\n}\n");
    JavaFileObject book = model("Book", "  @ForeignKey Author author;\n");
    Compilation c =
        refused(
            "[migrata.E026] The relation 'author' of Book does not say what happens",
            book,
            "Author author",
            author(),
            book,
            oldForeignKey);
    assertThat(c)
        .hadErrorContaining(
            "Write @ForeignKey(onDelete = OnDelete.CASCADE) or one of the other choices: CASCADE,"
                + " PROTECT, RESTRICT, SET_NULL, SET_DEFAULT, DO_NOTHING.");
  }

  @Test
  void setNullOnANonNullableRelation() {
    JavaFileObject book =
        model("Book", "  @ForeignKey(onDelete = OnDelete.SET_NULL) Author author;\n");
    refused(
        "[fields.E320] The relation 'author' of Book says onDelete = SET_NULL",
        book,
        "Author author",
        author(),
        book);
  }

  @Test
  void setDefaultOnARelationWithoutDefault() {
    JavaFileObject book =
        model("Book", "  @ForeignKey(onDelete = OnDelete.SET_DEFAULT) Author author;\n");
    refused(
        "[fields.E321] The relation 'author' of Book says onDelete = SET_DEFAULT, but has no"
            + " default.",
        book,
        "Author author",
        author(),
        book);
  }

  @Test
  void setDefaultOnARelationWithADatabaseDefault() {
    JavaFileObject book =
        model(
            "Book",
            "  @Field(dbDefault = \"1\") @ForeignKey(onDelete = OnDelete.SET_DEFAULT)"
                + " Author author;\n");
    Compilation c = compile(root, author(), book);
    assertThat(c).succeeded();
    assertThat(files(root, LIB + ".migrations")).containsExactly("M0001_initial.java");
  }

  @Test
  void toFieldOnANonUniqueField() {
    JavaFileObject author = model("Author", "  @Field(maxLength = 100) String name;\n");
    JavaFileObject book =
        model(
            "Book",
            "  @ForeignKey(onDelete = OnDelete.CASCADE, toField = \"name\") Author author;\n");
    refused(
        "[fields.E311] The field 'Author.name' must be unique because it is referenced by the"
            + " relation 'author'",
        book,
        "Author author",
        author,
        book);
  }

  @Test
  void toFieldOnAUniqueFieldIsAccepted() {
    JavaFileObject author =
        model("Author", "  @Field(maxLength = 100, unique = true) String name;\n");
    JavaFileObject book =
        model(
            "Book",
            "  @ForeignKey(onDelete = OnDelete.CASCADE, toField = \"name\") Author author;\n");
    assertThat(compile(root, author, book)).succeeded();
  }

  @Test
  void twoRelationsWithOneRelatedName() {
    JavaFileObject book =
        model(
            "Book",
            "  @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = \"books\") Author author;\n"
                + "  @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = \"books\")"
                + " Author editor;\n");
    refused(
        "[fields.E304] The relatedName \"books\" of Book.editor clashes with the one of"
            + " Book.author",
        book,
        "Author editor",
        author(),
        book);
  }

  @Test
  void fieldOptionOnARelation() {
    JavaFileObject book =
        model(
            "Book",
            "  @Field(column = \"writer\")\n"
                + "  @ForeignKey(onDelete = OnDelete.CASCADE) Author author;\n");
    refused(
        "[migrata.E027] @Field(column) on the relation 'author' of Book",
        book,
        "column = \"writer\"",
        author(),
        book);
  }

  @Test
  void fieldOptionOnAManyToMany() {
    JavaFileObject book =
        model("Book", "  @Field(nullable = true)\n  @ManyToMany Set<Author> authors;\n");
    refused(
        "[migrata.E027] @Field(nullable) on the relation 'authors' of Book",
        book,
        "nullable = true",
        author(),
        book);
  }

  @Test
  void twoRelationAnnotationsOnOneField() {
    JavaFileObject book =
        model(
            "Book",
            "  @ForeignKey(onDelete = OnDelete.CASCADE) @OneToOne(onDelete = OnDelete.CASCADE)"
                + " Author author;\n");
    refused(
        "[migrata.E034] The field 'author' of Book carries more than one",
        book,
        "Author author",
        author(),
        book);
  }

  @Test
  void fieldRenamedFromOnARelationIsAccepted() {
    JavaFileObject book =
        model(
            "Book",
            "  @Field(helpText = \"who wrote it\")\n"
                + "  @ForeignKey(onDelete = OnDelete.CASCADE) Author author;\n");
    assertThat(compile(root, author(), book)).succeeded();
  }

  // --- models that were silently ignored -------------------------------------------------------

  @Test
  void nestedStaticModel() {
    JavaFileObject shelf =
        model("Shelf", "  @Model public static class Board { @Field int width; }\n");
    refused(
        "[migrata.E024] @Model on com.example.library.Shelf.Board is not supported",
        shelf,
        "class Board",
        shelf);
  }

  @Test
  void innerModel() {
    JavaFileObject shelf = model("Shelf", "  @Model public class Board { @Field int width; }\n");
    refused("because it is a nested class", shelf, "class Board", shelf);
  }

  @Test
  void modelOnAnInterface() {
    JavaFileObject f =
        source(
            LIB + ".Named",
            "package com.example.library;\nimport dev.migrata.annotations.*;\n"
                + "@Model\npublic interface Named {}\n");
    refused(
        "[migrata.E023] @Model on Named is not supported, because it is an interface",
        f,
        "@Model",
        author(),
        f);
  }

  @Test
  void modelOnAnEnum() {
    JavaFileObject f =
        source(
            LIB + ".Color",
            "package com.example.library;\nimport dev.migrata.annotations.*;\n"
                + "@Model\npublic enum Color { RED }\n");
    refused("because it is an enum", f, "@Model", f);
  }

  @Test
  void modelOnARecord() {
    JavaFileObject f =
        source(
            LIB + ".Point",
            "package com.example.library;\nimport dev.migrata.annotations.*;\n"
                + "@Model\npublic record Point(@Field int x) {}\n");
    refused("because it is a record", f, "@Model", f);
  }

  @Test
  void modelOnAnAnnotationType() {
    JavaFileObject f =
        source(
            LIB + ".Marker",
            "package com.example.library;\nimport dev.migrata.annotations.*;\n"
                + "@Model\npublic @interface Marker {}\n");
    refused("because it is an annotation type", f, "@Model", f);
  }

  @Test
  void staticField() {
    JavaFileObject book =
        model("Book", "  @Field(maxLength = 10) String title;\n  @Field static int count;\n");
    refused("[migrata.E025] The field 'count' of Book is static", book, "static int count", book);
  }

  // --- columns and keys ------------------------------------------------------------------------

  @Test
  void twoFieldsWithOneColumnBySnakeCase() {
    JavaFileObject book =
        model(
            "Book",
            "  @Field(maxLength = 10) String fooBar;\n"
                + "  @Field(maxLength = 10) String foo_bar;\n");
    refused(
        "[models.E007] The field 'foo_bar' of Book has the column name 'foo_bar', which is"
            + " also the column of the field 'fooBar'",
        book,
        "String foo_bar",
        book);
  }

  @Test
  void aFieldNamedLikeARelationsColumn() {
    JavaFileObject book =
        model(
            "Book",
            "  @ForeignKey(onDelete = OnDelete.CASCADE) Author author;\n"
                + "  @Field long authorId;\n");
    refused(
        "has the column name 'author_id', which is also the column of the field 'author'",
        book,
        "long authorId",
        author(),
        book);
  }

  @Test
  void aColumnNamedLikeTheImplicitKey() {
    JavaFileObject book = model("Book", "  @Field(column = \"id\") long number;\n");
    refused("which is also the column of the implicit primary key 'id'", book, "long number", book);
  }

  @Test
  void columnsDifferingOnlyInCase() {
    JavaFileObject book =
        model(
            "Book",
            "  @Field(column = \"Title\") String a;\n"
                + "  @Field(column = \"title\") String b;\n");
    refused("[models.E007] The field 'b' of Book", book, "String b", book);
  }

  @Test
  void twoPrimaryKeys() {
    JavaFileObject book =
        model(
            "Book",
            "  @Field(primaryKey = true) long code;\n"
                + "  @Field(primaryKey = true) long isbn;\n");
    refused(
        "[models.E026] The model Book cannot have more than one primary key: 'code' and 'isbn'",
        book,
        "long isbn",
        book);
  }

  @Test
  void nullablePrimaryKey() {
    JavaFileObject book =
        model("Book", "  @Field(primaryKey = true, nullable = true) Long code;\n");
    refused("[fields.E007] Primary keys must not be nullable", book, "Long code", book);
  }

  @Test
  void nonKeyFieldNamedId() {
    JavaFileObject book = model("Book", "  @Field(maxLength = 10) String id;\n");
    refused(
        "[models.E004] The name 'id' can only be used as a field name", book, "String id", book);
  }

  // --- field options ---------------------------------------------------------------------------

  @Test
  void maxLengthNotPositive() {
    JavaFileObject book = model("Book", "  @Field(maxLength = 0) String title;\n");
    refused(
        "[fields.E121] The maxLength of the field 'title' of Book must be a positive integer",
        book,
        "String title",
        book);
  }

  @Test
  void maxLengthOnANumberWarns() {
    JavaFileObject book = model("Book", "  @Field(maxLength = 5) int pages;\n");
    Compilation c = compile(root, book);
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(
            "[fields.W122] The maxLength of the field 'pages' of Book is ignored when used"
                + " with IntegerField")
        .inFile(book)
        .onLineContaining("int pages");
  }

  @Test
  void scaleAbovePrecision() {
    JavaFileObject book =
        model("Book", "  @Field(precision = 2, scale = 3) java.math.BigDecimal price;\n");
    refused(
        "[fields.E134] The precision of the field 'price' of Book must be greater than or"
            + " equal to its scale (2 < 3)",
        book,
        "BigDecimal price",
        book);
  }

  @Test
  void negativePrecision() {
    JavaFileObject book =
        model("Book", "  @Field(precision = 0, scale = 0) java.math.BigDecimal price;\n");
    refused("[fields.E133] The precision of the field 'price'", book, "BigDecimal price", book);
  }

  @Test
  void negativeScale() {
    JavaFileObject book =
        model("Book", "  @Field(precision = 5, scale = -2) java.math.BigDecimal price;\n");
    refused("[fields.E131] The scale of the field 'price'", book, "BigDecimal price", book);
  }

  @Test
  void enumLongerThanItsMaxLength() {
    JavaFileObject book =
        model(
            "Book",
            "  enum Format { PAPERBACK, EBOOK }\n" + "  @Field(maxLength = 5) Format format;\n");
    refused(
        "[fields.E009] The maxLength 5 of the field 'format' of Book is too small to fit the"
            + " constant PAPERBACK",
        book,
        "Format format",
        book);
  }

  // --- tables ----------------------------------------------------------------------------------

  @Test
  void twoModelsWithOneTable() {
    JavaFileObject book =
        source(
            LIB + ".Book",
            "package com.example.library;\n"
                + "import dev.migrata.annotations.*;\n@Model(table = \"books\")\n"
                + "public class Book { @Field int a; }\n");
    JavaFileObject volume =
        source(
            LIB + ".Volume",
            "package com.example.library;\n"
                + "import dev.migrata.annotations.*;\n@Model(table = \"Books\")\n"
                + "public class Volume { @Field int b; }\n");
    refused(
        "[models.E028] The table 'Books' is used by multiple models: library.Book and"
            + " library.Volume",
        volume,
        "Books",
        book,
        volume);
  }

  @Test
  void twoAppsWithOneTable() {
    JavaFileObject book =
        source(
            LIB + ".Book",
            "package com.example.library;\n"
                + "import dev.migrata.annotations.*;\n@Model\n"
                + "public class Book { @Field int a; }\n");
    JavaFileObject item =
        source(
            "com.example.shop.Item",
            "package com.example.shop;\n"
                + "import dev.migrata.annotations.*;\n@Model(table = \"library_book\")\n"
                + "public class Item { @Field int b; }\n");
    refused(
        "[models.E028] The table 'library_book' is used by multiple models",
        item,
        "library_book",
        book,
        item);
  }

  @Test
  void joinTableClashesWithAModelTable() {
    JavaFileObject book =
        model("Book", "  @ManyToMany(table = \"library_author\") Set<Author> authors;\n");
    refused(
        "[fields.E340] The join table 'library_author' of the many-to-many field 'authors' of"
            + " library.Book clashes with the table of library.Author",
        book,
        "Set<Author> authors",
        author(),
        book);
  }

  // --- indexes and constraints -----------------------------------------------------------------

  @Test
  void indexWithoutFields() {
    JavaFileObject book = model(LIB, "Book", "@Index(fields = {})\n", "  @Field int a;\n");
    refused("[migrata.E028] @Index on Book has an empty field list", book, "@Index", book);
  }

  @Test
  void indexOnAManyToManyField() {
    JavaFileObject book =
        model(
            LIB, "Book", "@Index(fields = \"authors\")\n", "  @ManyToMany Set<Author> authors;\n");
    refused(
        "[models.E013] @Index on Book refers to the many-to-many field 'authors'",
        book,
        "@Index",
        author(),
        book);
  }

  @Test
  void oneIndexNameOnTwoModels() {
    JavaFileObject author =
        model(
            LIB,
            "Author",
            "@Index(name = \"by_name\", fields = \"name\")\n",
            "  @Field(maxLength = 10) String name;\n");
    JavaFileObject book =
        model(
            LIB,
            "Book",
            "@Unique(name = \"by_name\", fields = \"title\")\n",
            "  @Field(maxLength = 10) String title;\n");
    refused(
        "[models.E030] The name 'by_name' of @Unique on library.Book is also the name of"
            + " @Index on library.Author",
        book,
        "by_name",
        author,
        book);
  }

  // --- names the backends cannot hold ----------------------------------------------------------

  @Test
  void quoteInAColumnName() {
    JavaFileObject book = model("Book", "  @Field(column = \"ti\\\"tle\") int title;\n");
    refused(
        "[migrata.E029] The column name \"ti\"tle\" cannot be used: PostgreSQL and SQLite"
            + " quote names with \"",
        book,
        "int title",
        book);
  }

  @Test
  void backtickInATableName() {
    JavaFileObject book = model(LIB, "Book", "", "  @Field int a;\n");
    JavaFileObject shelf =
        source(
            LIB + ".Shelf",
            "package com.example.library;\n"
                + "import dev.migrata.annotations.*;\n@Model(table = \"sh`elf\")\n"
                + "public class Shelf { @Field int b; }\n");
    refused("MySQL and MariaDB quote names with `", shelf, "sh`elf", book, shelf);
  }

  @Test
  void nulInAnIndexName() {
    JavaFileObject book =
        model(LIB, "Book", "@Index(name = \"by\\0a\", fields = \"a\")\n", "  @Field int a;\n");
    refused("PostgreSQL and MySQL refuse the NUL character", book, "@Index", book);
  }

  @Test
  void nameLongerThanPostgresqlBytes() {
    // 32 characters of two bytes each: fine for MySQL (64 characters), too long for PostgreSQL.
    String name = "é".repeat(32);
    JavaFileObject book = model("Book", "  @Field(column = \"" + name + "\") int a;\n");
    Compilation c = refused("PostgreSQL holds at most 63 bytes (it has 64)", book, "int a", book);
    assertThat(c.errors().toString()).doesNotContain("MySQL and MariaDB hold at most");
  }

  @Test
  void nameLongerThanMysqlCharacters() {
    JavaFileObject book = model("Book", "  @Field(column = \"" + "c".repeat(65) + "\") int a;\n");
    refused("MySQL and MariaDB hold at most 64 characters (it has 65)", book, "int a", book);
  }

  @Test
  void defaultTableTooLong() {
    String name = "B" + "o".repeat(60);
    JavaFileObject f = model(name, "  @Field int a;\n");
    refused("The table name \"library_b", f, "@Model", f);
  }

  @Test
  void trailingSpaceInAColumnName() {
    JavaFileObject book = model("Book", "  @Field(column = \"title \") int title;\n");
    refused("MySQL and MariaDB refuse names that end with a space", book, "int title", book);
  }

  @Test
  void emptyCheckName() {
    JavaFileObject book =
        model(LIB, "Book", "@Check(name = \"\", condition = \"a > 0\")\n", "  @Field int a;\n");
    refused("no backend accepts an empty name", book, "@Check", book);
  }

  @Test
  void fourByteCharacterInATableName() {
    JavaFileObject shelf =
        source(
            LIB + ".Shelf",
            "package com.example.library;\n"
                + "import dev.migrata.annotations.*;\n@Model(table = \"shelf_\\uD83D\\uDCDA\")\n"
                + "public class Shelf { @Field int b; }\n");
    refused("MySQL and MariaDB hold no 4-byte (supplementary) characters", shelf, "@Model", shelf);
  }

  @Test
  void primaryAsAnIndexName() {
    JavaFileObject book =
        model(LIB, "Book", "@Index(name = \"primary\", fields = \"a\")\n", "  @Field int a;\n");
    refused("MySQL and MariaDB reserve PRIMARY for the primary key", book, "@Index", book);
  }

  // --- apps ------------------------------------------------------------------------------------

  @Test
  void appLabelNotAnIdentifier() {
    JavaFileObject info =
        source(
            LIB + ".package-info",
            "@dev.migrata.annotations.App(\"my-library\")\npackage com.example.library;\n");
    refused(
        "[migrata.E030] The app label 'my-library' of package com.example.library is not a"
            + " valid identifier",
        info,
        "my-library",
        info,
        author());
  }

  @Test
  void migrationsPackageNotAPackageName() {
    JavaFileObject info =
        source(
            LIB + ".package-info",
            "@dev.migrata.annotations.App(migrationsPackage = \"com.example.2nd\")\n"
                + "package com.example.library;\n");
    refused(
        "[migrata.E031] @App(migrationsPackage = \"com.example.2nd\")",
        info,
        "2nd",
        info,
        author());
  }

  @Test
  void twoPackagesWithOneLabel() {
    JavaFileObject info =
        source(
            "com.example.shop.package-info",
            "@dev.migrata.annotations.App(\"library\")\npackage com.example.shop;\n");
    JavaFileObject item = model("com.example.shop", "Item", "", "  @Field int b;\n");
    refused(
        "[migrata.E032] Application labels aren't unique: 'library'",
        info,
        "library",
        author(),
        info,
        item);
  }

  // --- the source tree -------------------------------------------------------------------------

  @Test
  void sourceRootThatDoesNotExist() {
    Compilation c = javacWith(List.of("-Amigrata.sourceRoot=" + root.resolve("nope")), author());
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E033] The option -Amigrata.sourceRoot=" + root.resolve("nope"));
    assertThat(root.resolve("nope")).doesNotExist();
  }

  @Test
  void unresolvedSuperclassWritesNothing() {
    JavaFileObject book =
        source(
            LIB + ".Book",
            "package com.example.library;\n"
                + "import dev.migrata.annotations.*;\n@Model\n"
                + "public class Book extends MissingBase { @Field int a; }\n");
    Compilation c = compile(root, book);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("MissingBase").inFile(book).onLineContaining("MissingBase");
    assertThat(c)
        .hadNoteContaining(
            "[migrata.I003] Migrata wrote no migration for app 'library' because the superclass"
                + " MissingBase of Book does not resolve");
    assertThat(files(root, LIB + ".migrations")).isEmpty();
  }

  @Test
  void unresolvedFieldTypeWritesNothing() {
    JavaFileObject book = model("Book", "  @Field(nullable = true) Missing thing;\n");
    Compilation c = compile(root, book, author());
    assertThat(c).failed();
    // javac's "cannot find symbol" says it; a second error about storing the type would mislead.
    assertThat(c.errors().toString()).doesNotContain("does not know how to store");
    assertThat(files(root, LIB + ".migrations")).isEmpty();
  }

  private static Compilation javacWith(List<String> options, JavaFileObject... sources) {
    return com.google.testing.compile.Compiler.javac()
        .withProcessors(new MigrataProcessor())
        .withOptions(options)
        .compile(sources);
  }
}
