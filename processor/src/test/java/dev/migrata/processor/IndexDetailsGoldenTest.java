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
 * Index and constraint details (issue 9, part C) through the whole processor: read from the
 * annotations, written into a migration (golden files under {@code golden/indexes}), read back from
 * it, and changed as Django's autodetector changes them.
 */
class IndexDetailsGoldenTest {
  static final String PKG = "com.example.accounts";
  static final String MIGRATIONS = PKG + ".migrations";

  @TempDir Path root;

  static final String BODY =
      "  @Field(maxLength = 254) String email;\n"
          + "  @Field(maxLength = 100) String name;\n"
          + "  @Field(maxLength = 30, nullable = true) String nickname;\n"
          + "  @Field(maxLength = 10) String code;\n"
          + "  @Field(nullable = true) java.util.Map<String, Object> data;\n"
          + "  @ForeignKey(onDelete = OnDelete.CASCADE, nullable = true) Account parent;\n";

  static final String ANNOTATIONS =
      "@Index(name = \"account_email_lower\", expressions = \"Lower(email)\")\n"
          + "@Index(name = \"account_name_like\", fields = \"name\","
          + " opclasses = \"varchar_pattern_ops\")\n"
          + "@Index(name = \"account_name_cover\", fields = \"name\", include = \"email\")\n"
          + "@Index(fields = \"data\", type = IndexType.GIN)\n"
          + "@Index(fields = {\"parent_id\", \"-code\"})\n"
          + "@Unique(name = \"account_email_ci\", expressions = {\"Lower(email)\"},"
          + " violationErrorMessage = \"This e-mail is taken.\", violationErrorCode = \"taken\")\n"
          + "@Unique(name = \"account_nick_uniq\", fields = \"nickname\", nullsDistinct = false)\n"
          + "@Unique(name = \"account_code_deferred\", fields = \"code\","
          + " deferrable = Deferrable.DEFERRED)\n"
          + "@Check(name = \"account_name_set\", condition = \"name <> ''\","
          + " violationErrorMessage = \"A name, please.\")\n";

  static JavaFileObject packageInfo() {
    return source(
        PKG + ".package-info",
        "@dev.migrata.annotations.App(backends = \"postgresql\")\npackage " + PKG + ";\n");
  }

  static JavaFileObject account(String annotations) {
    return source(
        PKG + ".Account",
        "package "
            + PKG
            + ";\n"
            + "import dev.migrata.annotations.*;\n"
            + annotations
            + "@Model\n"
            + "public class Account {\n"
            + BODY
            + "}\n");
  }

  private String next(String className, JavaFileObject... sources) {
    List<String> before = files(root, MIGRATIONS);
    Compilation compilation = compile(root, sources);
    assertThat(compilation).succeeded();
    // The safety lint warns about what the later migrations do to an existing table (an index,
    // a unique); that is its job, tested in SafetyLintTest. Nothing else may warn here.
    assertThat(
            compilation.warnings().stream()
                .map(d -> d.getMessage(java.util.Locale.ROOT))
                .filter(m -> !m.startsWith("[safety."))
                .toList())
        .isEmpty();
    List<String> after = files(root, MIGRATIONS);
    assertThat(after).hasSize(before.size() + 1).contains(className + ".java");
    return written(root, MIGRATIONS, className);
  }

  private JavaFileObject initial() {
    String text = next("M0001_initial", packageInfo(), account(ANNOTATIONS));
    Golden.assertMatches("indexes/M0001_initial.java", text);
    return migration(root, MIGRATIONS, "M0001_initial");
  }

  @Test
  void everyDetailIsWrittenIntoTheInitialMigrationAndReadsBackUnchanged() {
    JavaFileObject m1 = initial();
    // Compiled again with its own migration: nothing changed, so nothing is written.
    Compilation again = compile(root, packageInfo(), account(ANNOTATIONS), m1);
    assertThat(again).succeeded();
    assertThat(files(root, MIGRATIONS)).containsExactly("M0001_initial.java");
  }

  @Test
  void aChangedViolationMessageAloneIsDjangosAlterConstraint() {
    JavaFileObject m1 = initial();
    String text =
        next(
            "M0002_alter_account_account_email_ci",
            packageInfo(),
            account(ANNOTATIONS.replace("This e-mail is taken.", "Taken already.")),
            m1);
    Golden.assertMatches("indexes/M0002_alter_account_account_email_ci.java", text);
  }

  @Test
  void aChangeThatReachesTheDatabaseIsRemoveAndAdd() {
    JavaFileObject m1 = initial();
    String text =
        next(
            "M0002_remove_account_account_nick_uniq_and_more",
            packageInfo(),
            account(
                ANNOTATIONS
                    .replace("include = \"email\"", "include = {\"email\", \"nickname\"}")
                    .replace("nullsDistinct = false", "nullsDistinct = true")),
            m1);
    Golden.assertMatches("indexes/M0002_remove_account_account_nick_uniq_and_more.java", text);
  }
}
