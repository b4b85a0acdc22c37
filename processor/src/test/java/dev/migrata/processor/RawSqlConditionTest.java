package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.files;
import static dev.migrata.processor.ModelValidationTest.LIB;
import static dev.migrata.processor.ModelValidationTest.model;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw SQL conditions and {@code dbDefault} are one expression pasted into DDL (issue 12 #5): a
 * statement separator or a comment opener outside quotes is an error on that attribute, and nothing
 * is written; inside quotes it is data.
 */
class RawSqlConditionTest {
  private static final String BODY = "  @Field(maxLength = 20) String code;\n";

  @TempDir Path root;

  private void refused(String message, String annotations, String body, String line) {
    JavaFileObject tag = model(LIB, "Tag", annotations, body);
    Compilation c = compile(root, tag);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(message).inFile(tag).onLineContaining(line);
    assertThat(c).hadErrorCount(1);
    assertThat(files(root, LIB + ".migrations")).isEmpty();
  }

  @Test
  void aStatementSeparatorInACheckConditionIsAnErrorOnIt() {
    refused(
        "[migrata.E066] The @Check(condition) of com.example.library.Tag contains a statement"
            + " separator (;) outside quotes",
        "@Check(name = \"code_set\",\n condition = \"code <> ''; DROP TABLE x\")\n",
        BODY,
        "condition =");
  }

  @Test
  void aLineCommentInAnIndexConditionIsAnError() {
    refused(
        "[migrata.E066] The @Index(condition) of com.example.library.Tag contains a comment"
            + " opener (--)",
        "@Index(fields = \"code\",\n condition = \"code IS NOT NULL -- live\")\n",
        BODY,
        "condition =");
  }

  @Test
  void aBlockCommentInAUniqueConditionIsAnError() {
    refused(
        "[migrata.E066] The @Unique(condition) of com.example.library.Tag contains a comment"
            + " opener (/*)",
        "@Unique(fields = \"code\", name = \"b\",\n condition = \"code <> 'x' /* y */\")\n",
        BODY,
        "condition =");
  }

  @Test
  void aRepeatedAnnotationsConditionIsCheckedToo() {
    // javac cannot point into an implicit container: the error is on the model class.
    refused(
        "[migrata.E066] The @Unique(condition) of com.example.library.Tag contains a comment"
            + " opener (/*)",
        "@Unique(fields = \"code\", name = \"a\")\n"
            + "@Unique(fields = \"code\", name = \"b\",\n condition = \"code <> 'x' /* y */\")\n",
        BODY,
        "public class Tag");
  }

  @Test
  void aStatementSeparatorInADbDefaultIsAnErrorOnIt() {
    refused(
        "[migrata.E066] The @Field(dbDefault) of code contains a statement separator (;)",
        "",
        "  @Field(maxLength = 20, dbDefault = \"'a'; DELETE FROM t\") String code;\n",
        "dbDefault");
  }

  @Test
  void separatorsAndCommentOpenersInsideQuotesAreData() {
    JavaFileObject tag =
        model(
            LIB,
            "Tag",
            "@Check(name = \"code_set\", condition = \"code <> 'a;b' AND code <> '--'"
                + " AND \\\"code\\\" <> 'it''s /* not */'\")\n",
            "  @Field(maxLength = 20, dbDefault = \"'x;y'\") String code;\n");
    assertThat(compile(root, tag)).succeeded();
  }

  @Test
  void theScannerFindsWhatIsOutsideQuotes() {
    assertThat(RawSql.forbidden("a = 'it''s; fine'")).isNull();
    assertThat(RawSql.forbidden("`a;b` = 1")).isNull();
    assertThat(RawSql.forbidden("a = 1;")).isEqualTo("a statement separator (;)");
    assertThat(RawSql.forbidden("a = '-' - -1")).isNull();
    assertThat(RawSql.forbidden("a = 1 --x")).isEqualTo("a comment opener (--)");
    assertThat(RawSql.forbidden("a /* x */")).isEqualTo("a comment opener (/*)");
  }
}
