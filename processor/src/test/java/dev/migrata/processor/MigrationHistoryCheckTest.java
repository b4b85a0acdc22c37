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
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-edited migrations that javac accepts but whose history is wrong (issue 12): each is one
 * error on the attribute value or {@code @Op} at fault, never a follow-on error, and no
 * "corrective" migration is written.
 */
class MigrationHistoryCheckTest {
  /** The line of {@link #edited}'s {@code @Migration} (its app, name and dependencies). */
  private static final int HEADER_LINE = 5;

  /** The line of {@link #edited}'s operation. */
  private static final int OP_LINE = 6;

  private static final String DEP =
      "dependencies = @Dependency(app = \"library\", name = \"0001_initial\")";

  @TempDir Path root;
  private JavaFileObject m1;

  @BeforeEach
  void initialMigration() {
    assertThat(compile(root, author(), book(BOOK_BODY))).succeeded();
    m1 = migration(root, MIGRATIONS, "M0001_initial");
  }

  /** A migration class whose {@code @Migration} attributes are {@code header}, one {@code op}. */
  private static JavaFileObject edited(String className, String header, String op) {
    return source(
        MIGRATIONS + "." + className,
        "package "
            + MIGRATIONS
            + ";\n"
            + "import static dev.migrata.annotations.migration.Op.Kind.*;\n"
            + "import dev.migrata.annotations.OnDelete;\n"
            + "import dev.migrata.annotations.migration.*;\n"
            + "@Migration("
            + header
            + ", operations = {\n"
            + "        "
            + op
            + "\n"
            + "    })\n"
            + "public final class "
            + className
            + " {}\n");
  }

  private static JavaFileObject second(String op) {
    return edited("M0002_edited", "app = \"library\", name = \"0002_edited\", " + DEP, op);
  }

  private Compilation compileWith(JavaFileObject... migrations) {
    List<JavaFileObject> all = new ArrayList<>(List.of(author(), book(BOOK_BODY), m1));
    all.addAll(List.of(migrations));
    return compile(root, all.toArray(JavaFileObject[]::new));
  }

  /** One error, containing {@code message}, on {@code line} of {@code file}; nothing written. */
  private void refused(String message, JavaFileObject file, int line, JavaFileObject... all) {
    Compilation c = compileWith(all);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(message).inFile(file).onLine(line);
    assertThat(c).hadErrorCount(1);
    assertThat(files(root, MIGRATIONS)).containsExactly("M0001_initial.java");
  }

  private static String foreignKey(String to) {
    return "@Op(kind = ADD_FIELD, model = \"book\", field = @FieldDef(name = \"x\","
        + " type = \"ForeignKey\", to = \""
        + to
        + "\", onDeleteAction = OnDelete.CASCADE, nullable = true))";
  }

  @Test
  void aRelationToAModelTheAppDoesNotHaveIsAnErrorOnTheOp() {
    JavaFileObject m2 = second(foreignKey("library.publisher"));
    refused(
        "[migrata.E065] The field 'x' in the migration library.0002_edited points to"
            + " library.publisher, which is not a model at that point of the migration history of"
            + " app 'library'. Correct to, or add a @Dependency",
        m2,
        OP_LINE,
        m2);
  }

  @Test
  void aRelationIntoAnAppTheMigrationDoesNotDependOnIsAnError() {
    JavaFileObject m2 = second(foreignKey("shop.item"));
    refused("[migrata.E065] The field 'x' in the migration library.0002_edited", m2, OP_LINE, m2);
  }

  @Test
  void aRelationIntoAnAppOfAnotherModuleItDependsOnIsAccepted() {
    // The shop app is not part of this compile: its history is the runtime's to check.
    JavaFileObject m2 =
        edited(
            "M0002_edited",
            "app = \"library\", name = \"0002_edited\", dependencies = {@Dependency(app ="
                + " \"library\", name = \"0001_initial\"), @Dependency(app = \"shop\", name ="
                + " \"0001_initial\")}",
            "@Op(kind = RUN_SQL, sql = \"SELECT 1\")");
    JavaFileObject m3 =
        edited(
            "M0003_edited",
            "app = \"library\", name = \"0003_edited\", dependencies = @Dependency(app ="
                + " \"library\", name = \"0002_edited\")",
            foreignKey("shop.item"));
    Compilation c = compileWith(m2, m3);
    assertThat(c).hadErrorCount(0);
    // The hand-added field is not in Book, so the planner removes it: no error, just planning.
    assertThat(c.errors()).isEmpty();
  }

  @Test
  void aRelationToAModelALaterOperationCreatesIsAccepted() {
    JavaFileObject m2 =
        edited(
            "M0002_edited",
            "app = \"library\", name = \"0002_edited\", " + DEP,
            "@Op(kind = CREATE_MODEL, name = \"Shelf\", fields = {@FieldDef(name = \"id\","
                + " type = \"BigAutoField\", primaryKey = true), @FieldDef(name = \"next\","
                + " type = \"ForeignKey\", to = \"library.shelf\", onDeleteAction ="
                + " OnDelete.CASCADE, nullable = true)})");
    Compilation c = compileWith(m2);
    assertThat(c.errors()).isEmpty();
  }

  @Test
  void twoMigrationsWithOneNameAreAnErrorOnTheNameOfTheLaterClass() {
    JavaFileObject a = second("@Op(kind = RUN_SQL, sql = \"SELECT 1\")");
    JavaFileObject b =
        edited(
            "M0002_copy",
            "app = \"library\", name = \"0002_edited\", " + DEP,
            "@Op(kind = RUN_SQL, sql = \"SELECT 2\")");
    refused(
        "[migrata.E060] The migration library.0002_edited is declared twice, by"
            + " com.example.library.migrations.M0002_copy and"
            + " com.example.library.migrations.M0002_edited.",
        a,
        HEADER_LINE,
        b,
        a);
  }

  @Test
  void anEmptyNameIsAnError() {
    JavaFileObject m2 =
        edited(
            "M0002_edited",
            "app = \"library\", name = \"\", " + DEP,
            "@Op(kind = RUN_SQL," + " sql = \"SELECT 1\")");
    refused(
        "[migrata.E061] The @Migration on com.example.library.migrations.M0002_edited has an"
            + " empty name, so no app can load it.",
        m2,
        HEADER_LINE,
        m2);
  }

  @Test
  void anEmptyAppIsAnError() {
    JavaFileObject m2 =
        edited(
            "M0002_edited",
            "app = \"\", name = \"0002_edited\", " + DEP,
            "@Op(kind = RUN_SQL," + " sql = \"SELECT 1\")");
    refused("[migrata.E061] The @Migration on", m2, HEADER_LINE, m2);
  }

  @Test
  void runSqlWithoutSqlIsAnError() {
    JavaFileObject m2 = second("@Op(kind = RUN_SQL, sql = {})");
    refused(
        "[migrata.E062] The migration library.0002_edited has a RUN_SQL operation without SQL",
        m2,
        OP_LINE,
        m2);
  }

  @Test
  void runSqlWithBlankSqlIsAnError() {
    JavaFileObject m2 = second("@Op(kind = RUN_SQL, sql = \" \")");
    refused("[migrata.E062]", m2, OP_LINE, m2);
  }

  @Test
  void aDependencyOnItselfIsAnErrorOnThatDependency() {
    JavaFileObject m2 =
        edited(
            "M0002_edited",
            "app = \"library\", name = \"0002_edited\", dependencies = {@Dependency(app ="
                + " \"library\", name = \"0001_initial\"), @Dependency(app = \"library\", name ="
                + " \"0002_edited\")}",
            "@Op(kind = RUN_SQL, sql = \"SELECT 1\")");
    refused(
        "[migrata.E063] The migration library.0002_edited depends on itself", m2, HEADER_LINE, m2);
  }

  @Test
  void creatingAModelThatExistsIsAnErrorOnTheOp() {
    JavaFileObject m2 =
        second(
            "@Op(kind = CREATE_MODEL, name = \"Book\", fields = {@FieldDef(name = \"id\","
                + " type = \"BigAutoField\", primaryKey = true)})");
    refused(
        "[migrata.E064] The migration library.0002_edited creates the model Book, which app"
            + " 'library' already has at that point of the migration history.",
        m2,
        OP_LINE,
        m2);
  }

  @Test
  void removingAFieldThatDoesNotExistIsAnErrorOnTheOp() {
    JavaFileObject m2 = second("@Op(kind = REMOVE_FIELD, model = \"book\", name = \"nope\")");
    refused(
        "[migrata.E015] The migration library.0002_edited cannot be replayed: No field 'nope'",
        m2,
        OP_LINE,
        m2);
  }

  @Test
  void alteringAFieldThatDoesNotExistIsAnErrorOnTheOp() {
    JavaFileObject m2 =
        second(
            "@Op(kind = ALTER_FIELD, model = \"book\", field = @FieldDef(name = \"nope\","
                + " type = \"IntegerField\"))");
    refused("[migrata.E015]", m2, OP_LINE, m2);
  }

  @Test
  void renamingAFieldThatDoesNotExistIsAnErrorOnTheOp() {
    JavaFileObject m2 =
        second("@Op(kind = RENAME_FIELD, model = \"book\", oldName = \"nope\", newName = \"n\")");
    refused("[migrata.E015]", m2, OP_LINE, m2);
  }

  @Test
  void deletingAModelThatDoesNotExistIsAnErrorOnTheOp() {
    JavaFileObject m2 = second("@Op(kind = DELETE_MODEL, name = \"Nope\")");
    refused(
        "[migrata.E015] The migration library.0002_edited cannot be replayed: No model 'Nope'",
        m2,
        OP_LINE,
        m2);
  }
}
