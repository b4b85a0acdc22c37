package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.files;
import static dev.migrata.processor.Compiling.migration;
import static dev.migrata.processor.Compiling.written;
import static dev.migrata.processor.MigrationGoldenTest.BOOK_BODY;
import static dev.migrata.processor.MigrationGoldenTest.MIGRATIONS;
import static dev.migrata.processor.MigrationGoldenTest.author;
import static dev.migrata.processor.MigrationGoldenTest.book;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names and comments from the models reach the generated migration's Javadoc (an operation's
 * description) and its string literals: a comment terminator in them, spelled out or as a unicode
 * escape that javac decodes before it sees the comment, or a line break, must not let code into the
 * build.
 */
class CommentInjectionTest {
  @TempDir Path root;

  /** Ends the Javadoc and declares a class, unless escaped. */
  private static final String INDEX = "x*/ class Evil {} /*";

  /** The same through a unicode escape: the model's value holds a backslash, not a star. */
  private static final String CHECK_IN_SOURCE = "c\\\\u002a/ class Evil2 {} /*";

  private static final String CHECK = "c\\u002a/ class Evil2 {} /*";

  private static JavaFileObject evilBook() {
    return book(
        "@Index(name = \""
            + INDEX
            + "\", fields = \"title\")\n"
            + "@Check(name = \""
            + CHECK_IN_SOURCE
            + "\", condition = \"1 = 1\")\n"
            + "@Check(name = \"two\\nlines */ @Deprecated\", condition = \"2 = 2\")\n",
        BOOK_BODY
            + "  @Field(nullable = true, comment = \"a */ b \\\\u002a/ c\\nd\") String note;\n");
  }

  @Test
  void namesAndCommentsCannotEndTheJavadoc() {
    assertThat(compile(root, author(), book(BOOK_BODY))).succeeded();
    JavaFileObject m1 = migration(root, MIGRATIONS, "M0001_initial");

    Compilation c = compile(root, author(), evilBook(), m1);
    assertThat(c).succeeded();
    String name =
        files(root, MIGRATIONS).stream()
            .filter(f -> f.startsWith("M0002"))
            .findFirst()
            .orElseThrow()
            .replace(".java", "");
    String text = written(root, MIGRATIONS, name);
    String javadoc = text.substring(text.indexOf("/**"), text.indexOf("*/") + 2);
    assertThat(javadoc)
        .contains("Create index x*&#47; class Evil {} /* on field(s) title of model book.")
        .contains("Create constraint c&#92;u002a/ class Evil2 {} /* on model book.")
        .contains("Create constraint two lines *&#47; &#64;Deprecated on model book.")
        .doesNotContain("\\");
    assertThat(javadoc.indexOf("*/")).isEqualTo(javadoc.length() - 2);
    // Nothing but the migration class was compiled from it.
    assertThat(c.generatedFiles()).noneMatch(f -> f.getName().contains("Evil"));
    assertThat(text).doesNotContain("class Evil {}\n").contains("\"" + INDEX + "\"");

    // The values round-trip: compiled again, the migration matches the models exactly.
    Compilation again = compile(root, author(), evilBook(), m1, migration(root, MIGRATIONS, name));
    assertThat(again).succeeded();
    assertThat(files(root, MIGRATIONS)).hasSize(2);
    assertThat(CHECK).contains("\\u002a");
  }
}
