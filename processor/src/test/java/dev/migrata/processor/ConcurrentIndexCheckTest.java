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
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADD_INDEX_CONCURRENTLY / REMOVE_INDEX_CONCURRENTLY in hand-written migrations (issue 10). */
class ConcurrentIndexCheckTest {
  /** The line of {@link #second}'s operation. */
  private static final int OP_LINE = 5;

  private static final String INDEXED = "@Index(name = \"book_title_idx\", fields = \"title\")\n";

  @TempDir Path root;
  private JavaFileObject m1;

  @BeforeEach
  void initialMigration() {
    assertThat(compile(root, author(), book(BOOK_BODY))).succeeded();
    m1 = migration(root, MIGRATIONS, "M0001_initial");
  }

  private static JavaFileObject second(String atomic, String op) {
    return source(
        MIGRATIONS + ".M0002_concurrent",
        "package "
            + MIGRATIONS
            + ";\n"
            + "import static dev.migrata.annotations.migration.Op.Kind.*;\n"
            + "import dev.migrata.annotations.migration.*;\n"
            + "@Migration(app = \"library\", name = \"0002_concurrent\", "
            + atomic
            + "dependencies = @Dependency(app = \"library\", name = \"0001_initial\"), operations ="
            + " {\n"
            + "        "
            + op
            + "\n"
            + "    })\n"
            + "public final class M0002_concurrent {}\n");
  }

  private static final String ADD =
      "@Op(kind = ADD_INDEX_CONCURRENTLY, model = \"book\", index = @IndexDef(name ="
          + " \"book_title_idx\", fields = \"title\")),";

  @Test
  void aConcurrentIndexMatchingTheModelWritesNothingMore() {
    JavaFileObject m2 = second("atomic = false, ", ADD);
    Compilation c = compile(root, author(), book(INDEXED, BOOK_BODY), m1, m2);
    assertThat(c).succeeded();
    assertThat(files(root, MIGRATIONS)).containsExactly("M0001_initial.java");
  }

  @Test
  void removingItConcurrentlyMatchesAModelWithoutTheIndex() {
    JavaFileObject m2 = second("atomic = false, ", ADD);
    JavaFileObject m3 =
        source(
            MIGRATIONS + ".M0003_drop",
            "package "
                + MIGRATIONS
                + ";\n"
                + "import static dev.migrata.annotations.migration.Op.Kind.*;\n"
                + "import dev.migrata.annotations.migration.*;\n"
                + "@Migration(app = \"library\", name = \"0003_drop\", atomic = false,"
                + " dependencies = @Dependency(app = \"library\", name = \"0002_concurrent\"),"
                + " operations = @Op(kind = REMOVE_INDEX_CONCURRENTLY, model = \"book\","
                + " name = \"book_title_idx\"))\n"
                + "public final class M0003_drop {}\n");
    Compilation c = compile(root, author(), book(BOOK_BODY), m1, m2, m3);
    assertThat(c).succeeded();
    assertThat(files(root, MIGRATIONS)).containsExactly("M0001_initial.java");
  }

  @Test
  void inAnAtomicMigrationItIsAnErrorOnTheOperation() {
    JavaFileObject m2 = second("", ADD);
    Compilation c = compile(root, author(), book(INDEXED, BOOK_BODY), m1, m2);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E067] The AddIndexConcurrently operation of the migration"
                + " library.0002_concurrent cannot be executed inside a transaction, and the"
                + " migration is atomic. Set atomic = false on its @Migration")
        .inFile(m2)
        .onLine(OP_LINE);
    assertThat(c).hadErrorCount(1);
    assertThat(files(root, MIGRATIONS)).containsExactly("M0001_initial.java");
  }
}
