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

/**
 * The new operation kinds through the real javac: golden files for relations, model options and
 * merges, and the questioner's and checks' diagnostics on the element at fault.
 */
class AutodetectorCompileTest {
  static final String LIB = "com.example.library";
  static final String MIGRATIONS = LIB + ".migrations";

  @TempDir Path root;

  static JavaFileObject model(String name, String annotations, String body) {
    return source(
        LIB + "." + name,
        "package com.example.library;\n"
            + "import dev.migrata.annotations.*;\n"
            + "import java.util.Set;\n"
            + annotations
            + "public class " + name + " {\n"
            + body
            + "}\n");
  }

  static JavaFileObject money(String marker) {
    return source(
        LIB + ".Money",
        "package com.example.library;\n"
            + "import java.util.Map;\n"
            + marker
            + "public class Money implements dev.migrata.fields.CustomFieldType {\n"
            + "  public String columnType(String vendor, Map<String, String> args) {\n"
            + "    return \"decimal(12, 2)\";\n"
            + "  }\n"
            + "}\n");
  }

  static final String AUTHOR = "  @Field(maxLength = 10, unique = true) String code;\n";
  static final String BOOK =
      "  @ForeignKey(toField = \"code\", onDelete = OnDelete.PROTECT) Author author;\n"
          + "  @ManyToMany(table = \"book_tags\") Set<Tag> tags;\n"
          + "  @ManyToMany Set<Book> related;\n"
          + "  @Field(type = \"com.example.library.Money\", args = {\"currency=EUR\"},"
          + " defaultValue = \"0\") java.math.BigDecimal price;\n"
          + "  @Field(defaultMethod = \"java.time.Instant::now\") java.time.Instant added;\n"
          + "  @Field(defaultValue = \"2024-01-02T03:04:05+02:00\") java.time.OffsetDateTime"
          + " since;\n";

  private JavaFileObject[] relations(String moneyMarker) {
    return new JavaFileObject[] {
      model("Author", "@Model\n", AUTHOR),
      model("Tag", "@Model\n", "  @Field(maxLength = 20) String name;\n"),
      model("Book", "@Model\n", BOOK),
      model("Edition", "@Model\n", "  @OneToOne(onDelete = OnDelete.CASCADE) Book book;\n"),
      money(moneyMarker)
    };
  }

  private String next(String className, List<String> options, JavaFileObject... sources) {
    List<String> before = files(root, MIGRATIONS);
    Compilation compilation = compile(root, options, sources);
    assertThat(compilation).succeeded();
    List<String> after = files(root, MIGRATIONS);
    assertThat(after).contains(className + ".java").hasSize(before.size() + 1);
    return written(root, MIGRATIONS, className);
  }

  @Test
  void relationsCustomTypesAndDefaults() {
    String text = next("M0001_initial", List.of(), relations(""));
    Golden.assertMatches("library/M0001_relations.java", text);
    // Compiling again with the migration finds nothing to do.
    JavaFileObject[] again = append(relations(""), migration(root, MIGRATIONS, "M0001_initial"));
    assertThat(compile(root, again)).succeeded();
    assertThat(files(root, MIGRATIONS)).containsExactly("M0001_initial.java");
  }

  @Test
  void modelOptionsTableCommentConstraints() {
    JavaFileObject author = model("Author", "@Model\n@Check(name = \"code_set\", condition = \"code <> ''\")\n", AUTHOR);
    next("M0001_initial", List.of(), author);
    JavaFileObject m1 = migration(root, MIGRATIONS, "M0001_initial");
    String text =
        next(
            "M0002_alter_author_table_comment_remove_author_code_set_and_more",
            List.of(),
            model(
                "Author",
                "@Model(table = \"authors\", comment = \"Writers\")\n"
                    + "@Check(name = \"code_long\", condition = \"length(code) > 2\")\n"
                    + "@Unique(name = \"live_code\", fields = \"code\", condition = \"code <> 'x'\")\n"
                    + "@Index(name = \"code_idx\", fields = \"-code\", unique = true,"
                    + " condition = \"code <> ''\")\n",
                AUTHOR.replace("unique = true", "unique = true, helpText = \"Short code\"")),
            m1);
    Golden.assertMatches(
        "library/M0002_alter_author_table_comment_remove_author_code_set_and_more.java", text);
  }

  @Test
  void mergeOptionWritesAMergeMigration() {
    next("M0001_initial", List.of(), model("Author", "@Model\n", AUTHOR));
    JavaFileObject m1 = migration(root, MIGRATIONS, "M0001_initial");
    String text =
        next(
            "M0003_merge_0002_a_0002_b",
            List.of("-Amigrata.merge=true"),
            model("Author", "@Model\n", AUTHOR),
            m1,
            branch("M0002_a", "0002_a"),
            branch("M0002_b", "0002_b"));
    Golden.assertMatches("library/M0003_merge_0002_a_0002_b.java", text);
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
  void deprecatedCustomTypeWarnsW900() {
    Compilation c =
        compile(root, relations("@dev.migrata.annotations.FieldTypeDeprecated(hint = \"Use BigDecimal.\")\n"));
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(
            "[fields.W900] Field 'price' of Book uses the deprecated field type"
                + " com.example.library.Money: Money has been deprecated. Hint: Use BigDecimal.")
        .inFile(relations("")[2])
        .onLineContaining("BigDecimal price");
  }

  @Test
  void removedCustomTypeIsE900WhileItsMigrationsStillReplay() {
    next("M0001_initial", List.of(), relations(""));
    JavaFileObject m1 = migration(root, MIGRATIONS, "M0001_initial");
    JavaFileObject[] sources = relations("@dev.migrata.annotations.FieldTypeRemoved\n");
    Compilation c = compile(root, append(sources, m1));
    assertThat(c)
        .hadErrorContaining(
            "[fields.E900] Field 'price' of Book uses the field type com.example.library.Money,"
                + " which was removed: Money has been removed except for support in historical"
                + " migrations.")
        .inFile(sources[2])
        .onLineContaining("BigDecimal price");
    assertThat(c).hadErrorCount(1);
    assertThat(files(root, MIGRATIONS)).containsExactly("M0001_initial.java");
  }

  @Test
  void unknownCustomType() {
    JavaFileObject book = model("Book", "@Model\n", "  @Field(type = \"com.example.Nope\") String x;\n");
    assertThat(compile(root, book))
        .hadErrorContaining("names the field type 'com.example.Nope', which is neither")
        .inFile(book)
        .onLineContaining("String x");
  }

  @Test
  void defaultMethodMustExist() {
    JavaFileObject book =
        model("Book", "@Model\n", "  @Field(defaultMethod = \"java.time.Instant::later\") java.time.Instant x;\n");
    assertThat(compile(root, book))
        .hadErrorContaining("The defaultMethod \"java.time.Instant::later\" of field 'x'")
        .inFile(book)
        .onLineContaining("Instant x");
  }

  @Test
  void defaultMustParseForTheType() {
    JavaFileObject book =
        model("Book", "@Model\n", "  @Field(defaultValue = \"soon\") java.time.LocalDate x;\n");
    assertThat(compile(root, book))
        .hadErrorContaining("The defaultValue \"soon\" of field 'x' is not a valid DateField")
        .inFile(book)
        .onLineContaining("LocalDate x");
  }

  @Test
  void jsonDefaultMustBeValidJson() {
    JavaFileObject book =
        model("Book", "@Model\n", "  @Field(defaultValue = \"[1, 2\") java.util.List<Integer> x;\n");
    assertThat(compile(root, book))
        .hadErrorContaining(
            "The defaultValue \"[1, 2\" of field 'x' is not a valid JSONField: it is not valid JSON"
                + " (',' or ']' expected at character 6). Write a JSON array such as [] or"
                + " [\"a\", \"b\"].")
        .inFile(book)
        .onLineContaining("List<Integer> x");
    assertThat(files(root, MIGRATIONS)).isEmpty();
  }

  @Test
  void jsonDefaultMustHaveTheCollectionsShape() {
    JavaFileObject book =
        model(
            "Book",
            "@Model\n",
            "  @Field(defaultValue = \"[]\") java.util.Map<String, Integer> counts;\n"
                + "  @Field(defaultValue = \"{}\") java.util.Set<String> labels;\n"
                + "  @Field(defaultValue = \"[\\\"a\\\", 1]\") java.util.List<String> tags;\n");
    Compilation c = compile(root, book);
    assertThat(c)
        .hadErrorContaining(
            "of field 'counts' is not a valid JSONField: a Map field needs a JSON object; write a"
                + " JSON object such as {} or {\"key\": 1}.")
        .inFile(book)
        .onLineContaining("Integer> counts");
    assertThat(c)
        .hadErrorContaining("of field 'labels' is not a valid JSONField: a Set field needs a JSON array")
        .inFile(book)
        .onLineContaining("Set<String> labels");
    assertThat(c)
        .hadErrorContaining(
            "of field 'tags' is not a valid JSONField: the value 1 is not a JSON string, which the"
                + " field's element type needs; write each value as a JSON string.")
        .inFile(book)
        .onLineContaining("List<String> tags");
    assertThat(c).hadErrorCount(3);
  }

  @Test
  void jsonMapKeysMustBeStrings() {
    JavaFileObject book =
        model("Book", "@Model\n", "  @Field(nullable = true) java.util.Map<Integer, String> x;\n");
    assertThat(compile(root, book))
        .hadErrorContaining(
            "The map type java.util.Map<java.lang.Integer,java.lang.String> of field 'x' is stored"
                + " as a JSON object, whose keys are strings. Declare it as Map<String, ...>")
        .inFile(book)
        .onLineContaining("Map<Integer, String> x");
  }

  @Test
  void enumDefaultMustBeAConstant() {
    JavaFileObject color =
        source(LIB + ".Color", "package com.example.library;\npublic enum Color { RED, GREEN }\n");
    JavaFileObject book =
        model("Book", "@Model\n", "  @Field(defaultValue = \"BLUE\") Color color;\n");
    assertThat(compile(root, color, book))
        .hadErrorContaining("is not one of the choices RED, GREEN")
        .inFile(book)
        .onLineContaining("Color color");
  }

  @Test
  void toFieldMustExist() {
    JavaFileObject book =
        model("Book", "@Model\n", "  @ForeignKey(onDelete = OnDelete.CASCADE, toField = \"isbn\") Author author;\n");
    assertThat(compile(root, model("Author", "@Model\n", AUTHOR), book))
        .hadErrorContaining("names toField = \"isbn\", which is not a field of")
        .inFile(book)
        .onLineContaining("Author author");
  }

  @Test
  void deletingAReferencedModelRemovesTheReferenceFirst() {
    next("M0001_initial", List.of(), relations(""));
    JavaFileObject m1 = migration(root, MIGRATIONS, "M0001_initial");
    JavaFileObject[] all = relations("");
    JavaFileObject edition =
        model("Edition", "@Model\n", "  @Field(nullable = true) Integer number;\n");
    String text =
        next("M0002_remove_edition_book_edition_number_delete_book", List.of(), all[0], all[1],
            edition, all[4], m1);
    assertThat(text)
        .containsSubsequence(
            "kind = REMOVE_FIELD, model = \"edition\", name = \"book\"",
            "kind = ADD_FIELD",
            "kind = DELETE_MODEL, name = \"Book\"");
  }

  @Test
  void nonNullDateTimeSuggestsDefaultMethod() {
    next("M0001_initial", List.of(), model("Author", "@Model\n", AUTHOR));
    JavaFileObject m1 = migration(root, MIGRATIONS, "M0001_initial");
    JavaFileObject author = model("Author", "@Model\n", AUTHOR + "  @Field java.time.Instant joined;\n");
    assertThat(compile(root, author, m1))
        .hadErrorContaining("defaultMethod = \"java.time.Instant::now\"")
        .inFile(author)
        .onLineContaining("Instant joined");
  }

  private static JavaFileObject[] append(JavaFileObject[] a, JavaFileObject... b) {
    JavaFileObject[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
