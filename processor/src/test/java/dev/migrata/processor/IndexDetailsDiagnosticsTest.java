package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.files;
import static dev.migrata.processor.Compiling.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per diagnostic about index and constraint details (migrata.E078–E083, W057, W058): the
 * code, the message and the line of the annotation at fault.
 */
class IndexDetailsDiagnosticsTest {
  static final String PKG = "com.example.accounts";

  @TempDir Path root;

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
            + "  @Field(maxLength = 254) String email;\n"
            + "  @Field(maxLength = 100) String name;\n"
            + "  @Field(maxLength = 10, nullable = true) String code;\n"
            + "  @ForeignKey(onDelete = OnDelete.CASCADE, nullable = true) Account parent;\n"
            + "}\n");
  }

  static JavaFileObject postgresOnly() {
    return source(
        PKG + ".package-info",
        "@dev.migrata.annotations.App(backends = \"postgresql\")\npackage " + PKG + ";\n");
  }

  private Compilation failing(JavaFileObject account) {
    Compilation c = compile(root, postgresOnly(), account);
    assertThat(c).failed();
    assertThat(files(root, PKG + ".migrations")).isEmpty();
    return c;
  }

  @Test
  void detailsNeedAName() {
    JavaFileObject account = account("@Index(fields = \"name\", include = \"email\")\n");
    assertThat(failing(account))
        .hadErrorContaining(
            "[migrata.E078] @Index on Account uses include, which needs a name, as Django"
                + " requires")
        .inFile(account)
        .onLineContaining("@Index(fields = \"name\", include");
    JavaFileObject unique =
        account(
            "@Unique(fields = \"code\", nullsDistinct = false, deferrable ="
                + " Deferrable.DEFERRED)\n");
    assertThat(failing(unique))
        .hadErrorContaining("[migrata.E078] @Unique on Account uses deferrable, nullsDistinct");
    JavaFileObject spgist = account("@Index(fields = \"email\", type = IndexType.SPGIST)\n");
    assertThat(failing(spgist))
        .hadErrorContaining(
            "[migrata.E078] @Index on Account uses type = SPGIST (its generated name"
                + " accounts_ac_email_")
        .inFile(spgist)
        .onLineContaining("SPGIST");
  }

  @Test
  void opclassesOnePerField() {
    JavaFileObject account =
        account(
            "@Index(name = \"a_like\", fields = {\"name\", \"email\"}, opclasses ="
                + " \"varchar_pattern_ops\")\n");
    assertThat(failing(account))
        .hadErrorContaining("[migrata.E079] @Index on Account has 1 operator class(es) for 2")
        .inFile(account)
        .onLineContaining("opclasses");
    JavaFileObject injected =
        account("@Index(name = \"a_like\", fields = \"name\", opclasses = \"x); DROP TABLE y\")\n");
    assertThat(failing(injected)).hadErrorContaining("[migrata.E079]");
  }

  @Test
  void expressionsOfTheAcceptedFormOnly() {
    JavaFileObject account =
        account("@Index(name = \"a_expr\", expressions = \"lower(email) || 'x'\")\n");
    assertThat(failing(account))
        .hadErrorContaining(
            "[migrata.E080] The expression 'lower(email) || 'x'' in @Index(expressions) on"
                + " Account is not one Migrata reads")
        .inFile(account)
        .onLineContaining("expressions");
    JavaFileObject unknownFunction =
        account("@Unique(name = \"a_expr\", expressions = \"Md5(email)\")\n");
    assertThat(failing(unknownFunction)).hadErrorContaining("[migrata.E080]");
    JavaFileObject unknownField =
        account("@Index(name = \"a_expr\", expressions = \"Lower(mail)\")\n");
    assertThat(failing(unknownField))
        .hadErrorContaining("[models.E012] @Index on Account names the field 'mail'");
  }

  @Test
  void fieldsAndExpressionsExcludeEachOther() {
    JavaFileObject account =
        account("@Index(name = \"a_both\", fields = \"name\", expressions = \"Lower(email)\")\n");
    assertThat(failing(account))
        .hadErrorContaining("[migrata.E081] @Index on Account names both fields and expressions")
        .inFile(account)
        .onLineContaining("a_both");
  }

  @Test
  void deferrableUniqueRefusesWhatDjangoRefuses() {
    JavaFileObject account =
        account(
            "@Unique(name = \"a_def\", fields = \"code\", condition = \"code <> ''\","
                + " deferrable = Deferrable.IMMEDIATE)\n");
    assertThat(failing(account))
        .hadErrorContaining(
            "[migrata.E082] The deferrable @Unique on Account also uses condition; Django"
                + " refuses")
        .inFile(account)
        .onLineContaining("a_def");
  }

  @Test
  void postgresIndexClassesAreNeverUnique() {
    JavaFileObject account =
        account(
            "@Index(name = \"a_hash\", fields = \"code\", unique = true, type ="
                + " IndexType.HASH)\n");
    assertThat(failing(account))
        .hadErrorContaining(
            "[migrata.E083] The @Index on Account has unique = true and type = HASH")
        .inFile(account)
        .onLineContaining("a_hash");
  }

  @Test
  void whatOtherBackendsLeaveOutIsAWarningNamingThem() {
    JavaFileObject account =
        account(
            "@Index(name = \"a_lower\", expressions = \"Lower(email)\")\n"
                + "@Unique(name = \"a_code\", fields = \"code\", nullsDistinct = false)\n");
    Compilation c = compile(root, account);
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(
            "[migrata.W057] @Index a_lower on Account uses expressions, which MariaDB and MySQL"
                + " before 8.0.13 lack(s): as Django (models.W043), it is not created there.")
        .inFile(account)
        .onLineContaining("a_lower");
    assertThat(c)
        .hadWarningContaining(
            "[migrata.W057] @Unique a_code on Account uses nullsDistinct = false, which"
                + " MySQL/MariaDB and SQLite (and PostgreSQL before 15) lack(s)")
        .inFile(account)
        .onLineContaining("a_code");
  }

  @Test
  void whatOtherBackendsIgnoreIsAWarningToo() {
    JavaFileObject account =
        account(
            "@Index(name = \"a_like\", fields = \"name\", opclasses ="
                + " \"varchar_pattern_ops\", include = \"email\")\n");
    Compilation c = compile(root, account);
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(
            "[migrata.W058] @Index a_like on Account uses opclasses, which MySQL/MariaDB and"
                + " SQLite ignore(s): as Django (Index.opclasses), the index is created there"
                + " without them.")
        .inFile(account)
        .onLineContaining("a_like");
    assertThat(c)
        .hadWarningContaining(
            "[migrata.W058] @Index a_like on Account uses include (a covering index), which"
                + " MySQL/MariaDB and SQLite ignore(s): as Django (models.W040)");
  }

  @Test
  void anAppOnPostgresqlOnlyIsNotWarned() {
    JavaFileObject account =
        account(
            "@Index(name = \"a_lower\", expressions = \"Lower(email)\")\n"
                + "@Index(name = \"a_like\", fields = \"name\", opclasses ="
                + " \"varchar_pattern_ops\", include = \"email\")\n"
                + "@Index(fields = \"email\", type = IndexType.GIN)\n"
                + "@Unique(name = \"a_code\", fields = \"code\", deferrable ="
                + " Deferrable.DEFERRED)\n");
    Compilation c = compile(root, postgresOnly(), account);
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(0);
  }

  @Test
  void anIndexTypeIsSkippedOnTheOtherTargetedBackends() {
    JavaFileObject info =
        source(
            PKG + ".package-info",
            "@dev.migrata.annotations.App(backends = {\"postgresql\", \"sqlite\"})\npackage "
                + PKG
                + ";\n");
    JavaFileObject account = account("@Index(fields = \"email\", type = IndexType.BRIN)\n");
    Compilation c = compile(root, info, account);
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(
            "[migrata.W057] @Index accounts_ac_email_2d8d78_brin on Account uses type = BRIN")
        .inFile(account)
        .onLineContaining("BRIN");
    assertThat(c).hadWarningContaining("which SQLite lack(s)");
  }
}
