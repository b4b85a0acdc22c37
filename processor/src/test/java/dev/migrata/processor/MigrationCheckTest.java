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
 * Hand-edited migrations: an attribute the operation's kind does not take, a missing required one,
 * and typos in string values javac cannot check are errors on the line of that value, and no
 * (corrective) migration is written.
 */
class MigrationCheckTest {
  /** The line of {@link #edited}'s operation. */
  private static final int OP_LINE = 8;

  private static final String RATING = "  @Field(defaultValue = \"0\") int rating;\n";

  @TempDir Path root;
  private JavaFileObject m1;

  @BeforeEach
  void initialMigration() {
    assertThat(compile(root, author(), book(BOOK_BODY))).succeeded();
    m1 = migration(root, MIGRATIONS, "M0001_initial");
  }

  /** A second migration whose one operation is {@code op}, alone on line {@link #OP_LINE}. */
  private static JavaFileObject edited(String op) {
    return source(
        MIGRATIONS + ".M0002_edited",
        "package "
            + MIGRATIONS
            + ";\n"
            + "import static dev.migrata.annotations.migration.Op.Kind.*;\n"
            + "import dev.migrata.annotations.OnDelete;\n"
            + "import dev.migrata.annotations.migration.*;\n"
            + "@Migration(app = \"library\", name = \"0002_edited\",\n"
            + "    dependencies = @Dependency(app = \"library\", name = \"0001_initial\"),\n"
            + "    operations = {\n"
            + "        "
            + op
            + "\n"
            + "    })\n"
            + "public final class M0002_edited {}\n");
  }

  private Compilation compileWith(String bookBody, JavaFileObject m2) {
    return compile(root, author(), book(bookBody), m1, m2);
  }

  private void assertNothingWritten() {
    assertThat(files(root, MIGRATIONS)).containsExactly("M0001_initial.java");
  }

  @Test
  void aCorrectHandEditCompilesAndWritesNothing() {
    JavaFileObject m2 =
        edited(
            "@Op(kind = ADD_FIELD, model = \"book\", field = @FieldDef(name = \"rating\","
                + " type = \"IntegerField\", defaultValue = \"0\"))");
    Compilation c = compileWith(BOOK_BODY + RATING, m2);
    assertThat(c).succeeded();
    assertNothingWritten();
  }

  @Test
  void anAttributeTheKindDoesNotTakeIsAnErrorOnIt() {
    JavaFileObject m2 =
        edited(
            "@Op(kind = ADD_FIELD, model = \"book\", field = @FieldDef(name = \"rating\","
                + " type = \"IntegerField\", defaultValue = \"0\"), sql = \"SELECT 1\")");
    Compilation c = compileWith(BOOK_BODY + RATING, m2);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E035] The migration library.0002_edited gives its ADD_FIELD operation the"
                + " attribute 'sql', which that kind does not take")
        .inFile(m2)
        .onLine(OP_LINE);
    assertThat(c).hadErrorContaining("ADD_FIELD takes: model, field, preserveDefault.");
    assertThat(c).hadErrorCount(1);
    assertNothingWritten();
  }

  @Test
  void aMissingRequiredAttributeIsAnError() {
    JavaFileObject m2 = edited("@Op(kind = REMOVE_FIELD, model = \"book\")");
    Compilation c = compileWith(BOOK_BODY, m2);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E036] The migration library.0002_edited has a REMOVE_FIELD operation without"
                + " the attribute 'name', which that kind needs. Add it; REMOVE_FIELD takes: model,"
                + " name.")
        .inFile(m2)
        .onLine(OP_LINE);
    assertThat(c).hadErrorCount(1);
    assertNothingWritten();
  }

  @Test
  void aMisspelledFieldTypeIsAnErrorOnIt() {
    JavaFileObject m2 =
        edited(
            "@Op(kind = ADD_FIELD, model = \"book\", field = @FieldDef(name = \"rating\","
                + " type = \"IntegerFeld\", defaultValue = \"0\"))");
    Compilation c = compileWith(BOOK_BODY + RATING, m2);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E038] The type = \"IntegerFeld\" of field 'rating' in the migration"
                + " library.0002_edited is neither a built-in field type nor a class on the compile"
                + " classpath")
        .inFile(m2)
        .onLine(OP_LINE);
    assertThat(c).hadErrorCount(1);
    assertNothingWritten();
  }

  @Test
  void aMisspelledOnDeleteIsAnErrorOnIt() {
    JavaFileObject m2 =
        edited(
            "@Op(kind = ALTER_FIELD, model = \"book\", field = @FieldDef(name = \"author\","
                + " type = \"ForeignKey\", index = true, to = \"library.author\","
                + " onDelete = \"CASCDE\"))");
    Compilation c = compileWith(BOOK_BODY, m2);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E037] The onDelete = \"CASCDE\" in the migration library.0002_edited is not"
                + " an OnDelete constant. Use one of: CASCADE, PROTECT, RESTRICT, SET_NULL,"
                + " SET_DEFAULT, DO_NOTHING.")
        .inFile(m2)
        .onLine(OP_LINE);
    assertThat(c).hadErrorCount(1);
    assertNothingWritten();
  }

  @Test
  void theOldStringOnDeleteStillReadsWhenSpelledRight() {
    JavaFileObject m2 =
        edited(
            "@Op(kind = ALTER_FIELD, model = \"book\", field = @FieldDef(name = \"author\","
                + " type = \"ForeignKey\", index = true, to = \"library.author\","
                + " onDelete = \"CASCADE\"))");
    assertThat(compileWith(BOOK_BODY, m2)).succeeded();
    assertNothingWritten();
  }

  @Test
  void anUnknownVendorIsAnErrorOnIt() {
    JavaFileObject m2 =
        edited("@Op(kind = RUN_SQL, sql = \"SELECT 1\", vendors = {\"sqlite\", \"oracle\"})");
    Compilation c = compileWith(BOOK_BODY, m2);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E037] The vendors = \"oracle\" in the migration library.0002_edited is not a"
                + " backend. Use one of: sqlite, postgresql, mysql, mariadb.")
        .inFile(m2)
        .onLine(OP_LINE);
    assertThat(c).hadErrorCount(1);
    assertNothingWritten();
  }
}
