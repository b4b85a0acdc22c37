package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.files;
import static dev.migrata.processor.Compiling.migration;
import static dev.migrata.processor.Compiling.source;
import static dev.migrata.processor.MigrationGoldenTest.BOOK_BODY;
import static dev.migrata.processor.MigrationGoldenTest.LIB;
import static dev.migrata.processor.MigrationGoldenTest.MIGRATIONS;
import static dev.migrata.processor.MigrationGoldenTest.author;
import static dev.migrata.processor.MigrationGoldenTest.book;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile-time safety lint (issue 10): each rule by code and line on a hand-written migration
 * after an initial one, strict mode, silencing, the backends an app targets, and the rule on a
 * migration the processor writes.
 */
class SafetyLintTest {
  @TempDir Path root;
  private JavaFileObject m1;

  @BeforeEach
  void initialMigration() {
    assertThat(compile(root, author(), book(BOOK_BODY))).succeeded();
    m1 = migration(root, MIGRATIONS, "M0001_initial");
  }

  /** A second migration with one operation per line, each line starting with the given text. */
  private static JavaFileObject second(String classAnnotations, String... ops) {
    StringBuilder text =
        new StringBuilder(
            "package "
                + MIGRATIONS
                + ";\n"
                + "import static dev.migrata.annotations.migration.Op.Kind.*;\n"
                + "import dev.migrata.annotations.migration.*;\n"
                + classAnnotations
                + "@Migration(app = \"library\", name = \"0002_change\","
                + " dependencies = @Dependency(app = \"library\", name = \"0001_initial\"),"
                + " operations = {\n");
    for (String op : ops) {
      text.append("    ").append(op).append(",\n");
    }
    text.append("})\npublic final class M0002_change {}\n");
    return source(MIGRATIONS + ".M0002_change", text.toString());
  }

  private Compilation lint(List<String> options, JavaFileObject m2) {
    return compile(root, options, author(), book(BOOK_BODY), m1, m2);
  }

  private Compilation lint(JavaFileObject m2) {
    return lint(List.of(), m2);
  }

  /**
   * The safety warnings on the hand-written migration (a migration the processor writes to match
   * the models again has its own).
   */
  private static long safetyWarnings(Compilation c) {
    return c.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
        .filter(d -> d.getMessage(null).startsWith("[safety."))
        .filter(d -> d.getSource() != null && d.getSource().getName().contains("M0002_change"))
        .count();
  }

  private static final String ADD_INDEX =
      "@Op(kind = ADD_INDEX, model = \"book\", index = @IndexDef(name = \"book_title_idx\","
          + " fields = \"title\"))";
  private static final String REMOVE_INDEX =
      "@Op(kind = REMOVE_INDEX, model = \"book\", name = \"book_title_idx\")";

  @Test
  void anIndexOnAnExistingTable() {
    JavaFileObject m2 = second("", ADD_INDEX, REMOVE_INDEX);
    Compilation c = lint(m2);
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(
            "[safety.W101] The migration library.0002_change adds the index book_title_idx to the"
                + " existing table library_book. On PostgreSQL, CREATE INDEX holds a SHARE lock")
        .inFile(m2)
        .onLineContaining("kind = ADD_INDEX");
    assertThat(c).hadWarningContaining("ADD_INDEX_CONCURRENTLY in a migration with atomic = false");
    assertThat(safetyWarnings(c)).isEqualTo(1);
  }

  @Test
  void aCheckAndAForeignKeyOnAnExistingTable() {
    JavaFileObject m2 =
        second(
            "",
            "@Op(kind = ADD_CONSTRAINT, model = \"book\", constraint = @ConstraintDef(name ="
                + " \"book_title_set\", check = \"title <> ''\"))",
            "@Op(kind = ADD_FIELD, model = \"author\", field = @FieldDef(name = \"mentor\", type"
                + " = \"ForeignKey\", to = \"library.author\", onDelete = \"SET_NULL\","
                + " nullable = true))");
    Compilation c = lint(m2);
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(
            "[safety.W102] The migration library.0002_change adds the check constraint"
                + " book_title_set to the existing table library_book. On PostgreSQL, ADD"
                + " CONSTRAINT ... CHECK scans every row of library_book under an ACCESS EXCLUSIVE"
                + " lock")
        .inFile(m2)
        .onLineContaining("kind = ADD_CONSTRAINT");
    assertThat(c)
        .hadWarningContaining(
            "[safety.W102] The migration library.0002_change adds the foreign key mentor_id (to"
                + " library_author) to the existing table library_author. On PostgreSQL, ADD"
                + " FOREIGN KEY takes a SHARE ROW EXCLUSIVE lock")
        .inFile(m2)
        .onLineContaining("name = \"mentor\"");
    assertThat(c).hadWarningContaining("ADD FOREIGN KEY copies library_author (ALGORITHM=COPY)");
  }

  @Test
  void aKeyWithoutConstraintIsOnlyItsIndexAndAddingTheConstraintLaterIsTheForeignKey() {
    String mentor =
        "@FieldDef(name = \"mentor\", type = \"ForeignKey\", to = \"library.author\","
            + " onDelete = \"DO_NOTHING\", nullable = true, index = true";
    JavaFileObject m2 =
        second(
            "",
            "@Op(kind = ADD_FIELD, model = \"author\", field = "
                + mentor
                + ", dbConstraint ="
                + " false))",
            "@Op(kind = ALTER_FIELD, model = \"author\", field = " + mentor + "))");
    Compilation c = lint(m2);
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(
            "[safety.W101] The migration library.0002_change adds the index of the column"
                + " mentor_id to the existing table library_author.")
        .inFile(m2)
        .onLineContaining("kind = ADD_FIELD");
    assertThat(c)
        .hadWarningContaining(
            "[safety.W102] The migration library.0002_change adds the foreign key mentor_id (to"
                + " library.author) to the existing table library_author. On PostgreSQL, ADD"
                + " FOREIGN KEY locks both tables")
        .inFile(m2)
        .onLineContaining("kind = ALTER_FIELD");
    assertThat(safetyWarnings(c)).isEqualTo(2);
  }

  @Test
  void notNullOnAnExistingColumn() {
    JavaFileObject m2 =
        second(
            "",
            "@Op(kind = ALTER_FIELD, model = \"book\", field = @FieldDef(name = \"published\","
                + " type = \"DateField\"))");
    Compilation c = lint(m2);
    assertThat(c)
        .hadWarningContaining(
            "[safety.W103] The migration library.0002_change sets NOT NULL on the existing column"
                + " published of the table library_book. On PostgreSQL, SET NOT NULL scans every"
                + " row")
        .inFile(m2)
        .onLineContaining("name = \"published\"");
    assertThat(c).hadWarningContaining("On MySQL and MariaDB, it rebuilds library_book");
  }

  @Test
  void aRewritingTypeChangeButNotAWideningVarchar() {
    JavaFileObject m2 =
        second(
            "",
            "@Op(kind = ALTER_FIELD, model = \"book\", field = @FieldDef(name = \"title\", type"
                + " = \"CharField\", maxLength = 100))",
            "@Op(kind = ALTER_FIELD, model = \"author\", field = @FieldDef(name = \"name\", type"
                + " = \"CharField\", maxLength = 150))");
    Compilation c = lint(m2);
    assertThat(c)
        .hadWarningContaining(
            "[safety.W104] The migration library.0002_change changes the column title of the"
                + " existing table library_book from CharField(maxLength = 200) to"
                + " CharField(maxLength = 100). On PostgreSQL, that rewrites the table")
        .inFile(m2)
        .onLineContaining("name = \"title\"");
    // 100 -> 150 characters grows a varchar: PostgreSQL keeps it, and on MySQL both lengths
    // need a 2-byte prefix (over 255 bytes in utf8mb4), so it stays in place too.
    assertThat(safetyWarnings(c)).isEqualTo(1);
  }

  /**
   * EmailField, URLField, SlugField and the file fields are varchars on every backend: the lint
   * compares the columns, not the Django types' names.
   */
  @Test
  void aCharFieldBecomingAnEmailOrUrlFieldOfTheSameOrLongerVarcharIsNoRewrite() {
    JavaFileObject m2 =
        second(
            "",
            "@Op(kind = ALTER_FIELD, model = \"book\", field = @FieldDef(name = \"title\", type"
                + " = \"EmailField\", maxLength = 200))",
            "@Op(kind = ALTER_FIELD, model = \"author\", field = @FieldDef(name = \"name\", type"
                + " = \"URLField\"))");
    Compilation c = lint(m2);
    assertThat(c).succeeded();
    // (The migration the processor writes to undo them, back to CharField(100), does shrink.)
    assertThat(safetyWarnings(c)).isZero();
  }

  @Test
  void aCharFieldBecomingAShorterEmailFieldStillRewrites() {
    JavaFileObject m2 =
        second(
            "",
            "@Op(kind = ALTER_FIELD, model = \"author\", field = @FieldDef(name = \"name\", type"
                + " = \"URLField\"))",
            "@Op(kind = ALTER_FIELD, model = \"book\", field = @FieldDef(name = \"title\", type"
                + " = \"EmailField\", maxLength = 50))");
    Compilation c = lint(m2);
    assertThat(c)
        .hadWarningContaining(
            "[safety.W104] The migration library.0002_change changes the column title of the"
                + " existing table library_book from CharField(maxLength = 200) to"
                + " EmailField(maxLength = 50). On PostgreSQL, that rewrites the table")
        .inFile(m2)
        .onLineContaining("name = \"title\"");
    assertThat(safetyWarnings(c)).isEqualTo(1);
  }

  @Test
  void varcharToTextRewritesOnlyOnMysql() {
    JavaFileObject m2 =
        second(
            "",
            "@Op(kind = ALTER_FIELD, model = \"book\", field = @FieldDef(name = \"title\", type"
                + " = \"TextField\"))");
    Compilation c = lint(m2);
    assertThat(c)
        .hadWarningContaining(
            "from CharField(maxLength = 200) to TextField. On MySQL and MariaDB, it copies the"
                + " table (ALGORITHM=COPY)")
        .inFile(m2)
        .onLineContaining("name = \"title\"");
    assertThat(c.diagnostics().toString())
        .doesNotContain("TextField. On PostgreSQL, that rewrites");
  }

  @Test
  void aNewColumnWithAVolatileDefault() {
    JavaFileObject m2 =
        second(
            "",
            "@Op(kind = ADD_FIELD, model = \"book\", field = @FieldDef(name = \"token\", type ="
                + " \"UUIDField\", dbDefault = \"gen_random_uuid()\"))",
            "@Op(kind = ADD_FIELD, model = \"book\", field = @FieldDef(name = \"added\", type ="
                + " \"DateTimeField\", dbDefault = \"now()\"))");
    Compilation c = lint(m2);
    assertThat(c)
        .hadWarningContaining(
            "[safety.W105] The migration library.0002_change adds the column token to the"
                + " existing table library_book with the volatile database default"
                + " gen_random_uuid(). On PostgreSQL, gen_random_uuid() is volatile")
        .inFile(m2)
        .onLineContaining("name = \"token\"");
    // now() is stable: PostgreSQL evaluates it once and stores the value, without a rewrite.
    assertThat(safetyWarnings(c)).isEqualTo(1);
  }

  @Test
  void renamesAndDropsOfColumnsAndTables() {
    JavaFileObject m2 =
        second(
            "",
            "@Op(kind = RENAME_FIELD, model = \"book\", oldName = \"title\", newName ="
                + " \"headline\")",
            "@Op(kind = REMOVE_FIELD, model = \"book\", name = \"published\")",
            "@Op(kind = RENAME_MODEL, name = \"Book\", newName = \"Volume\")",
            "@Op(kind = DELETE_MODEL, name = \"Volume\")");
    Compilation c = lint(List.of("-Amigrata.confirmRemove=library.book"), m2);
    assertThat(c)
        .hadWarningContaining(
            "[safety.W106] The migration library.0002_change renames the column title of the"
                + " table library_book to headline. Instances of the previous release")
        .inFile(m2)
        .onLineContaining("kind = RENAME_FIELD");
    assertThat(c)
        .hadWarningContaining(
            "[safety.W106] The migration library.0002_change drops the column published of the"
                + " table library_book.")
        .inFile(m2)
        .onLineContaining("kind = REMOVE_FIELD");
    assertThat(c)
        .hadWarningContaining("renames the table library_book to library_volume.")
        .inFile(m2)
        .onLineContaining("kind = RENAME_MODEL");
    assertThat(c)
        .hadWarningContaining("drops the table library_volume.")
        .inFile(m2)
        .onLineContaining("kind = DELETE_MODEL");
  }

  @Test
  void aUniqueConstraintOnAnExistingTable() {
    JavaFileObject m2 =
        second(
            "",
            "@Op(kind = ADD_CONSTRAINT, model = \"book\", constraint = @ConstraintDef(name ="
                + " \"book_title_uniq\", fields = \"title\"))",
            "@Op(kind = REMOVE_CONSTRAINT, model = \"book\", name = \"book_title_uniq\")");
    Compilation c = lint(m2);
    assertThat(c)
        .hadWarningContaining(
            "[safety.W107] The migration library.0002_change adds the unique constraint"
                + " book_title_uniq on (title) to the existing table library_book. On"
                + " PostgreSQL, it builds the unique index under an ACCESS EXCLUSIVE lock")
        .inFile(m2)
        .onLineContaining("kind = ADD_CONSTRAINT");
    assertThat(c).hadWarningContaining("UNIQUE USING INDEX");
  }

  @Test
  void aNameOverTheBackendsLimit() {
    String name = "book_" + "t".repeat(60) + "_idx";
    JavaFileObject m2 =
        second(
            "@dev.migrata.annotations.SafetyAssured(reason = \"the table is empty\")\n",
            "@Op(kind = ADD_INDEX, model = \"book\", index = @IndexDef(name = \""
                + name
                + "\", fields = \"title\"))",
            "@Op(kind = REMOVE_INDEX, model = \"book\", name = \"" + name + "\")");
    Compilation c = compile(root, List.of(), author(), book(BOOK_BODY), m1, m2);
    // Silenced: @SafetyAssured covers every rule of the migration.
    assertThat(safetyWarnings(c)).isZero();

    JavaFileObject loud =
        second(
            "",
            "@Op(kind = ADD_INDEX, model = \"book\", safetyAssured = \"small\", index ="
                + " @IndexDef(name = \""
                + name
                + "\", fields = \"title\"))",
            "@Op(kind = REMOVE_INDEX, model = \"book\", name = \"" + name + "\")",
            "@Op(kind = RENAME_INDEX, model = \"book\", oldName = \"book_x\", newName = \""
                + name
                + "\", scope = Op.Scope.DATABASE)");
    c = lint(loud);
    assertThat(c)
        .hadWarningContaining(
            "[safety.W108] The migration library.0002_change names the index "
                + name
                + ", which is 69 characters (69 bytes) long. MySQL and MariaDB refuse names over"
                + " 64 characters. PostgreSQL truncates names to 63 bytes")
        .inFile(loud)
        .onLineContaining("kind = RENAME_INDEX");
    assertThat(safetyWarnings(c)).isEqualTo(1);
  }

  @Test
  void anIndexOverMysqlsKeyLengthEvenOnANewTable() {
    JavaFileObject m2 =
        second(
            "",
            "@Op(kind = CREATE_MODEL, name = \"Shelf\", fields = {@FieldDef(name = \"id\", type"
                + " = \"BigAutoField\", primaryKey = true), @FieldDef(name = \"label\", type ="
                + " \"CharField\", maxLength = 800, unique = true)})",
            "@Op(kind = DELETE_MODEL, name = \"Shelf\")");
    Compilation c = lint(List.of("-Amigrata.confirmRemove=library.shelf"), m2);
    assertThat(c)
        .hadWarningContaining(
            "[safety.W109] The migration library.0002_change adds the unique column label on"
                + " (label) of the table library_shelf, whose key needs up to 3200 bytes on MySQL"
                + " and MariaDB")
        .inFile(m2)
        .onLineContaining("kind = CREATE_MODEL");
    // Dropping a table created in the same migration breaks nothing that runs.
    assertThat(safetyWarnings(c)).isEqualTo(1);
  }

  @Test
  void nothingForATableCreatedInTheSameMigration() {
    JavaFileObject m2 =
        second(
            "",
            "@Op(kind = CREATE_MODEL, name = \"Shelf\", fields = {@FieldDef(name = \"id\", type"
                + " = \"BigAutoField\", primaryKey = true), @FieldDef(name = \"label\", type ="
                + " \"CharField\", maxLength = 80, nullable = true)})",
            "@Op(kind = ADD_INDEX, model = \"shelf\", index = @IndexDef(name = \"shelf_idx\","
                + " fields = \"label\"))",
            "@Op(kind = ALTER_FIELD, model = \"shelf\", field = @FieldDef(name = \"label\", type"
                + " = \"TextField\"))",
            "@Op(kind = DELETE_MODEL, name = \"Shelf\")");
    Compilation c = lint(List.of("-Amigrata.confirmRemove=library.shelf"), m2);
    assertThat(c).succeeded();
    assertThat(safetyWarnings(c)).isZero();
  }

  private static JavaFileObject initialPair(String name, String dependency, String op) {
    return migrationSource(name, "initial = true, ", dependency, op);
  }

  private static JavaFileObject migrationSource(
      String name, String initial, String dependency, String op) {
    String cls = "M" + name;
    return source(
        MIGRATIONS + "." + cls,
        "package "
            + MIGRATIONS
            + ";\n"
            + "import static dev.migrata.annotations.migration.Op.Kind.*;\n"
            + "import dev.migrata.annotations.migration.*;\n"
            + "@Migration(app = \"library\", name = \""
            + name
            + "\", "
            + initial
            + "dependencies = @Dependency(app = \"library\", name = \""
            + dependency
            + "\"), operations = {\n    "
            + op
            + "\n})\npublic final class "
            + cls
            + " {}\n");
  }

  @Test
  void initialMigrationsCountTheirTablesAsNewForEachOther() {
    JavaFileObject create =
        initialPair(
            "0002_change",
            "0001_initial",
            "@Op(kind = CREATE_MODEL, name = \"Shelf\", fields = @FieldDef(name = \"id\", type ="
                + " \"BigAutoField\", primaryKey = true))");
    JavaFileObject relate =
        initialPair(
            "0003_change",
            "0002_change",
            "@Op(kind = ADD_FIELD, model = \"shelf\", field = @FieldDef(name = \"book\", type ="
                + " \"ForeignKey\", to = \"library.book\", onDelete = \"CASCADE\", nullable ="
                + " true))");
    Compilation c =
        compile(
            root,
            List.of("-Amigrata.confirmRemove=library.shelf"),
            author(),
            book(BOOK_BODY),
            m1,
            create,
            relate);
    assertThat(c).succeeded();
    assertThat(
            c.warnings().stream()
                .filter(d -> d.getSource() != null && d.getSource().getName().contains("0003"))
                .toList())
        .isEmpty();
    // A later migration adding the same foreign key meets a table with rows.
    JavaFileObject later =
        migrationSource(
            "0003_change",
            "",
            "0002_change",
            "@Op(kind = ADD_FIELD, model = \"shelf\", field = @FieldDef(name = \"book\", type ="
                + " \"ForeignKey\", to = \"library.book\", onDelete = \"CASCADE\", nullable ="
                + " true))");
    c =
        compile(
            root,
            List.of("-Amigrata.confirmRemove=library.shelf"),
            author(),
            book(BOOK_BODY),
            m1,
            create,
            later);
    assertThat(c)
        .hadWarningContaining(
            "[safety.W102] The migration library.0003_change adds the foreign key")
        .inFile(later)
        .onLineContaining("name = \"book\"");
  }

  @Test
  void strictMakesThemErrorsAndWritesNothing() {
    JavaFileObject m2 = second("", ADD_INDEX, REMOVE_INDEX);
    Compilation c = lint(List.of("-Amigrata.safety=strict"), m2);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining("[safety.W101] The migration library.0002_change adds the index")
        .inFile(m2)
        .onLineContaining("kind = ADD_INDEX");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void anOpReasonSilencesItsOperationOnly() {
    JavaFileObject m2 =
        second(
            "",
            "@Op(kind = ADD_INDEX, model = \"book\", safetyAssured = \"40 rows\", index ="
                + " @IndexDef(name = \"book_title_idx\", fields = \"title\"))",
            "@Op(kind = REMOVE_FIELD, model = \"book\", name = \"published\")",
            "@Op(kind = ADD_FIELD, model = \"book\", field = @FieldDef(name = \"published\", type"
                + " = \"DateField\", nullable = true))",
            REMOVE_INDEX);
    Compilation c = lint(List.of("-Amigrata.safety=strict"), m2);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[safety.W106]").inFile(m2).onLineContaining("REMOVE_FIELD");
  }

  @Test
  void aBlankReasonIsAnError() {
    JavaFileObject m2 =
        second(
            "",
            "@Op(kind = ADD_INDEX, model = \"book\", safetyAssured = \" \", index ="
                + " @IndexDef(name = \"book_title_idx\", fields = \"title\"))",
            REMOVE_INDEX);
    Compilation c = lint(m2);
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E098] The @Op(safetyAssured) of the migration library.0002_change gives no"
                + " reason.")
        .inFile(m2)
        .onLineContaining("kind = ADD_INDEX");
  }

  @Test
  void anInvalidSafetyLevelIsAnError() {
    Compilation c =
        compile(root, List.of("-Amigrata.safety=strikt"), author(), book(BOOK_BODY), m1);
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E097] The compiler option -Amigrata.safety has the value 'strikt'. Pass"
                + " strict");
  }

  private static JavaFileObject packageInfo(String app) {
    return source(
        LIB + ".package-info",
        app + "\npackage com.example.library;\nimport dev.migrata.annotations.App;\n");
  }

  @Test
  void backendsNarrowTheRules() {
    JavaFileObject sqliteOnly = packageInfo("@App(backends = \"sqlite\")");
    JavaFileObject m2 = second("", ADD_INDEX, REMOVE_INDEX);
    Compilation c = compile(root, List.of(), sqliteOnly, author(), book(BOOK_BODY), m1, m2);
    assertThat(c).succeeded();
    assertThat(safetyWarnings(c)).isZero();

    JavaFileObject unknown = packageInfo("@App(backends = {\"sqlite\", \"oracle\"})");
    c = compile(root, List.of(), unknown, author(), book(BOOK_BODY), m1);
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E096] @App(backends) of app 'library' names the backend 'oracle', which"
                + " Migrata does not know.")
        .inFile(unknown)
        .onLineContaining("oracle");
  }

  @Test
  void aWrittenMigrationIsLintedOnTheModel() {
    JavaFileObject indexed =
        book("@Index(name = \"book_title_idx\", fields = \"title\")\n", BOOK_BODY);
    Compilation c = compile(root, List.of(), author(), indexed, m1);
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(
            "[safety.W101] The migration library.0002_book_book_title_idx adds the index"
                + " book_title_idx to the existing table library_book.")
        .inFile(indexed)
        .onLineContaining("public class Book");
    assertThat(files(root, MIGRATIONS))
        .containsExactly("M0001_initial.java", "M0002_book_book_title_idx.java");
  }
}
