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

/**
 * Django's contrib.postgres operations other than the concurrent index ones in hand-written
 * migrations (issue 10): accepted, replayed into the state, and refused where PostgreSQL would.
 */
class PostgresOpsCheckTest {
  /** The line of {@link #second}'s first operation. */
  private static final int OP_LINE = 5;

  private static final String CHECKED =
      "@Check(name = \"title_set\", condition = \"title <> ''\")\n";

  @TempDir Path root;
  private JavaFileObject m1;

  @BeforeEach
  void initialMigration() {
    assertThat(compile(root, author(), book(BOOK_BODY))).succeeded();
    m1 = migration(root, MIGRATIONS, "M0001_initial");
  }

  private static JavaFileObject second(String... ops) {
    return source(
        MIGRATIONS + ".M0002_pg",
        "package "
            + MIGRATIONS
            + ";\n"
            + "import static dev.migrata.annotations.migration.Op.Kind.*;\n"
            + "import dev.migrata.annotations.migration.*;\n"
            + "@Migration(app = \"library\", name = \"0002_pg\", dependencies = @Dependency(app ="
            + " \"library\", name = \"0001_initial\"), operations = {\n"
            + "        "
            + String.join("\n        ", ops)
            + "\n"
            + "    })\n"
            + "public final class M0002_pg {}\n");
  }

  private static final String NOT_VALID =
      "@Op(kind = ADD_CONSTRAINT_NOT_VALID, model = \"book\", constraint = @ConstraintDef(name ="
          + " \"title_set\", check = \"title <> ''\")),";
  private static final String VALIDATE =
      "@Op(kind = VALIDATE_CONSTRAINT, model = \"book\", name = \"title_set\"),";

  @Test
  void aNotValidCheckThenItsValidationMatchTheModelsCheck() {
    JavaFileObject m2 =
        second(
            NOT_VALID,
            VALIDATE,
            "@Op(kind = CREATE_EXTENSION, name = \"pg_trgm\"),",
            "@Op(kind = CREATE_COLLATION, name = \"case_insensitive\", locale ="
                + " \"und-u-ks-level2\", provider = \"icu\", deterministic = false),",
            "@Op(kind = REMOVE_COLLATION, name = \"old\", locale = \"de_DE\"),");
    Compilation c = compile(root, author(), book(CHECKED, BOOK_BODY), m1, m2);
    assertThat(c).succeeded();
    assertThat(files(root, MIGRATIONS)).containsExactly("M0001_initial.java");
  }

  @Test
  void withoutTheNotValidOperationTheCheckIsStillToAdd() {
    JavaFileObject m2 = second("@Op(kind = CREATE_EXTENSION, name = \"hstore\"),");
    Compilation c = compile(root, author(), book(CHECKED, BOOK_BODY), m1, m2);
    assertThat(c).succeeded();
    assertThat(files(root, MIGRATIONS)).hasSize(2).contains("M0001_initial.java");
  }

  @Test
  void aNotValidUniqueConstraintIsAnError() {
    JavaFileObject m2 =
        second(
            "@Op(kind = ADD_CONSTRAINT_NOT_VALID, model = \"book\", constraint = @ConstraintDef("
                + "name = \"title_uniq\", fields = \"title\")),");
    Compilation c = compile(root, author(), book(BOOK_BODY), m1, m2);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E092] The ADD_CONSTRAINT_NOT_VALID operation of the migration"
                + " library.0002_pg adds the constraint 'title_uniq', which is not a check"
                + " constraint")
        .inFile(m2)
        .onLine(OP_LINE);
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aNondeterministicLibcCollationIsAnError() {
    JavaFileObject m2 =
        second(
            "@Op(kind = CREATE_COLLATION, name = \"ci\", locale = \"en_US\", deterministic ="
                + " false),");
    Compilation c = compile(root, author(), book(BOOK_BODY), m1, m2);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E093] The CREATE_COLLATION operation of the migration library.0002_pg"
                + " makes the collation 'ci' nondeterministic with the libc provider")
        .inFile(m2)
        .onLine(OP_LINE);
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void anUnknownCollationProviderIsAnError() {
    JavaFileObject m2 =
        second(
            "@Op(kind = CREATE_COLLATION, name = \"ci\", locale = \"en\", provider = \"icu4j\"),");
    Compilation c = compile(root, author(), book(BOOK_BODY), m1, m2);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining("[migrata.E037] The provider = \"icu4j\" in the migration")
        .inFile(m2)
        .onLine(OP_LINE);
  }
}
