package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.migration;
import static dev.migrata.processor.Compiling.source;
import static dev.migrata.processor.MigrationGoldenTest.BOOK_BODY;
import static dev.migrata.processor.MigrationGoldenTest.MIGRATIONS;
import static dev.migrata.processor.MigrationGoldenTest.author;
import static dev.migrata.processor.MigrationGoldenTest.book;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RunJava methods must exist as {@code static (HistoricalModels, SchemaEditor)}. */
class RunJavaCheckTest {
  @TempDir Path root;
  private JavaFileObject m1;

  @BeforeEach
  void initialMigration() {
    assertThat(compile(root, author(), book(BOOK_BODY))).succeeded();
    m1 = migration(root, MIGRATIONS, "M0001_initial");
  }

  private static JavaFileObject dataMigration(String op, String methods) {
    return source(
        MIGRATIONS + ".M0002_fill",
        "package "
            + MIGRATIONS
            + ";\n"
            + "import static dev.migrata.annotations.migration.Op.Kind.RUN_JAVA;\n"
            + "import static dev.migrata.annotations.migration.Op.Kind.RUN_SQL;\n"
            + "import static dev.migrata.annotations.migration.Op.Scope.DATABASE;\n"
            + "import dev.migrata.annotations.migration.*;\n"
            + "import dev.migrata.data.HistoricalModels;\n"
            + "import dev.migrata.schema.SchemaEditor;\n"
            + "@Migration(app = \"library\", name = \"0002_fill\",\n"
            + "    dependencies = @Dependency(app = \"library\", name = \"0001_initial\"),\n"
            + "    operations = "
            + op
            + ")\n"
            + "public final class M0002_fill {\n"
            + methods
            + "}\n");
  }

  private static final String GOOD =
      "  static void forwards(HistoricalModels apps, SchemaEditor editor) {}\n"
          + "  static void backwards(HistoricalModels apps, SchemaEditor editor) {}\n";

  @Test
  void wellFormedRunJavaAndScopedOperationsCompile() {
    JavaFileObject m2 =
        dataMigration(
            "{@Op(kind = RUN_JAVA, method = \"forwards\", reverseMethod = \"backwards\"),"
                + " @Op(kind = RUN_SQL, scope = DATABASE, sql = \"SELECT 1\", reverseSql = \"\")}",
            GOOD);
    Compilation c = compile(root, author(), book(BOOK_BODY), m1, m2);
    assertThat(c).succeeded();
  }

  @Test
  void missingMethodIsAnError() {
    JavaFileObject m2 =
        dataMigration(
            "@Op(kind = RUN_JAVA, method = \"fill\", reverseMethod = \"backwards\")", GOOD);
    Compilation c = compile(root, author(), book(BOOK_BODY), m1, m2);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E016] The migration library.0002_fill runs the RunJava method"
                + " com.example.library.migrations.M0002_fill.fill, which does not exist.")
        .inFile(m2)
        .onLineContaining("method = \"fill\"");
  }

  @Test
  void wrongSignatureIsAnError() {
    JavaFileObject m2 =
        dataMigration(
            "@Op(kind = RUN_JAVA, method = \"forwards\", reverseMethod = \"backwards\")",
            "  void forwards(HistoricalModels apps, SchemaEditor editor) {}\n"
                + "  static void backwards(HistoricalModels apps) {}\n");
    Compilation c = compile(root, author(), book(BOOK_BODY), m1, m2);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining("M0002_fill.forwards, which does not have that signature")
        .inFile(m2)
        .onLineContaining("@Op(kind = RUN_JAVA");
    assertThat(c).hadErrorContaining("M0002_fill.backwards, which does not have that signature");
  }

  @Test
  void errorPointsAtTheMethodNameNotTheClass() {
    // Each attribute on its own line: the error is on the reverseMethod's line, not the class's.
    JavaFileObject m2 =
        dataMigration(
            "@Op(kind = RUN_JAVA,\n        method = \"forwards\",\n"
                + "        reverseMethod = \"undo\")",
            GOOD);
    Compilation c = compile(root, author(), book(BOOK_BODY), m1, m2);
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E016] The migration library.0002_fill runs the RunJava method")
        .inFile(m2)
        .onLineContaining("reverseMethod = \"undo\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void missingMethodNamePointsAtTheOp() {
    JavaFileObject m2 =
        dataMigration(
            "{@Op(kind = RUN_SQL, sql = \"SELECT 1\", reverseSql = \"\"),\n"
                + "        @Op(kind = RUN_JAVA)}",
            GOOD);
    Compilation c = compile(root, author(), book(BOOK_BODY), m1, m2);
    // The operation table's required-attribute check (E036) comes first and says it once.
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E036] The migration library.0002_fill has a RUN_JAVA operation without the"
                + " attribute 'method', which that kind needs.")
        .inFile(m2)
        .onLineContaining("@Op(kind = RUN_JAVA)");
    assertThat(c).hadErrorCount(1);
  }
}
