package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.files;
import static dev.migrata.processor.Compiling.migration;
import static dev.migrata.processor.Compiling.source;
import static dev.migrata.processor.Compiling.written;
import static dev.migrata.processor.MigrationGoldenTest.BOOK_BODY;
import static dev.migrata.processor.MigrationGoldenTest.LIB;
import static dev.migrata.processor.MigrationGoldenTest.MIGRATIONS;
import static dev.migrata.processor.MigrationGoldenTest.author;
import static dev.migrata.processor.MigrationGoldenTest.book;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @App(zeroDowntime = true)} for a check constraint, a foreign key and a {@code NOT NULL} on
 * an existing table (issue 10): the safe form the processor writes, compared with golden files; the
 * next compile replays it to the models (no corrective migration) and lints it quietly, also in
 * strict mode.
 */
class ZeroDowntimeConstraintsTest {
  static final String CHECKED = "@Check(name = \"title_set\", condition = \"title <> ''\")\n";
  static final String NOT_NULL_BODY =
      "  @Field(maxLength = 200) String title;\n"
          + "  @Field(defaultValue = \"2000-01-01\") LocalDate published;\n"
          + "  @ForeignKey(onDelete = OnDelete.CASCADE) Author author;\n";
  static final String EDITOR_BODY =
      BOOK_BODY + "  @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true) Author editor;\n";
  static final String GOLDEN = "library/zero-downtime/";

  @TempDir Path root;
  private JavaFileObject m1;

  @BeforeEach
  void initialMigration() {
    assertThat(compile(root, author(), book(BOOK_BODY))).succeeded();
    m1 = migration(root, MIGRATIONS, "M0001_initial");
  }

  static JavaFileObject app(String attributes) {
    return source(
        LIB + ".package-info",
        "@App("
            + attributes
            + ")\npackage com.example.library;\nimport dev.migrata.annotations.App;\n");
  }

  /**
   * Compiles {@code book} after the initial migration, checks the new migrations against their
   * golden files, then compiles again in strict mode with them and expects nothing new.
   */
  private List<String> writesSafely(String appAttributes, JavaFileObject book, String... expected) {
    JavaFileObject app = app(appAttributes);
    List<String> before = files(root, MIGRATIONS);
    List<JavaFileObject> sources = new ArrayList<>(List.of(app, author(), book));
    before.forEach(f -> sources.add(migration(root, MIGRATIONS, f.replace(".java", ""))));
    Compilation c = compile(root, List.of(), sources.toArray(JavaFileObject[]::new));
    assertThat(c).succeeded();
    List<String> written = files(root, MIGRATIONS);
    List<String> wanted = new ArrayList<>(before);
    for (String name : expected) {
      wanted.add(name + ".java");
    }
    assertThat(written).containsExactlyElementsOf(wanted);
    for (String name : expected) {
      Golden.assertMatches(GOLDEN + name + ".java", written(root, MIGRATIONS, name));
      sources.add(migration(root, MIGRATIONS, name));
    }
    // What it writes is the safe form: no lock warning for it on the way.
    assertThat(safetyWarnings(c)).isEmpty();

    Compilation again =
        compile(root, List.of("-Amigrata.safety=strict"), sources.toArray(JavaFileObject[]::new));
    assertThat(again).succeeded();
    assertThat(safetyWarnings(again)).isEmpty();
    assertThat(files(root, MIGRATIONS)).as("no corrective migration").isEqualTo(written);
    // The runtime's index (and so the checksum recorded when a migration is applied) is the same
    // whether it comes from the migration being written or from its source read back.
    assertThat(index(again)).isEqualTo(index(c));
    return written;
  }

  private static String index(Compilation c) {
    return c.generatedFiles().stream()
        .filter(f -> f.getName().endsWith("META-INF/migrata/index"))
        .map(
            f -> {
              try {
                return f.getCharContent(true).toString();
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })
        .findFirst()
        .orElseThrow();
  }

  private static List<String> safetyWarnings(Compilation c) {
    return c.diagnostics().stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
        .map(d -> d.getMessage(null))
        .filter(m -> m.contains("[safety.W"))
        .toList();
  }

  @Test
  void aCheckIsAddedNotValidThenValidatedInANonAtomicMigration() {
    writesSafely(
        "zeroDowntime = true",
        book(CHECKED, BOOK_BODY),
        "M0002_book_title_set",
        "M0003_book_validate_title_set");
    String validate = written(root, MIGRATIONS, "M0003_book_validate_title_set");
    assertThat(validate).contains("atomic = false").contains("kind = VALIDATE_CONSTRAINT");
  }

  @Test
  void notNullIsSetThroughAValidatedCheck() {
    writesSafely(
        "zeroDowntime = true",
        book(NOT_NULL_BODY),
        "M0002_alter_book_published",
        "M0003_alter_book_published");
  }

  @Test
  void aForeignKeyIsAddedNotValidOnPostgresqlAndPlainOnMysql() {
    writesSafely(
        "zeroDowntime = true, backends = {\"postgresql\", \"mysql\"}",
        book(EDITOR_BODY),
        "M0002_book_editor",
        "M0003_book_validate_library_book_editor_id_03910eb0_fk_library_author_id");
  }

  @Test
  void aColumnBecomingAForeignKeyGetsItsConstraintNotValid() {
    String plain = BOOK_BODY + "  @Field(nullable = true, column = \"editor_id\") Long editor;\n";
    assertThat(compile(root, List.of(), author(), book(plain), m1)).succeeded();
    assertThat(files(root, MIGRATIONS))
        .containsExactly("M0001_initial.java", "M0002_book_editor.java");
    // Without index = false the key's index would be built as Django builds it (safety.W101).
    String key =
        BOOK_BODY
            + "  @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, index = false)"
            + " Author editor;\n";
    writesSafely(
        "zeroDowntime = true, backends = {\"postgresql\", \"mysql\"}",
        book(key),
        "M0003_alter_book_editor",
        "M0004_book_validate_library_book_editor_id_03910eb0_fk_library_author_id");
    // The column already is the key's: only the constraint is added.
    assertThat(written(root, MIGRATIONS, "M0003_alter_book_editor"))
        .doesNotContain("kind = ALTER_FIELD,\n            scope = DATABASE")
        .contains("scope = STATE");
  }

  @Test
  void aKeyPointedAtAnotherTableDropsTheOldConstraintAndAddsTheNewNotValid() {
    JavaFileObject shelf =
        source(
            LIB + ".Shelf",
            "package com.example.library;\n"
                + "import dev.migrata.annotations.*;\n"
                + "@Model\n"
                + "public class Shelf {\n"
                + "  @Field(maxLength = 50) String label;\n"
                + "}\n");
    String editor = "  @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true) %s editor;\n";
    assertThat(
            compile(
                root, List.of(), author(), shelf, book(BOOK_BODY + editor.formatted("Author")), m1))
        .succeeded();
    List<JavaFileObject> sources = new ArrayList<>();
    files(root, MIGRATIONS)
        .forEach(f -> sources.add(migration(root, MIGRATIONS, f.replace(".java", ""))));
    sources.addAll(
        List.of(
            app("zeroDowntime = true, backends = {\"postgresql\", \"mysql\"}"),
            author(),
            shelf,
            book(BOOK_BODY + editor.formatted("Shelf"))));
    Compilation c = compile(root, List.of(), sources.toArray(JavaFileObject[]::new));
    assertThat(c).succeeded();
    List<String> written = files(root, MIGRATIONS);
    assertThat(written).hasSize(4);
    String alter = written(root, MIGRATIONS, written.get(2).replace(".java", ""));
    // The database side alters the key into its plain column (the runtime drops the old constraint,
    // found by introspection), then adds the new one NOT VALID; the state side is Django's.
    assertThat(alter)
        .contains("kind = ALTER_FIELD,\n            scope = DATABASE")
        .contains("type = \"BigIntegerField\"")
        .contains("REFERENCES \\\"library_shelf\\\" (\\\"id\\\")")
        .contains("NOT VALID")
        .contains("to = \"library.shelf\"");
    assertThat(written(root, MIGRATIONS, written.get(3).replace(".java", "")))
        .contains("atomic = false")
        .contains("_fk_library_shelf_id");
  }

  @Test
  void aNamedForeignKeyIsAddedAndValidatedUnderItsName() {
    String body =
        BOOK_BODY
            + "  @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true,"
            + " constraintName = \"fk_book_editor\") Author editor;\n";
    Compilation c =
        compile(
            root,
            List.of(),
            app("zeroDowntime = true, backends = {\"postgresql\", \"mysql\"}"),
            author(),
            book(body),
            m1);
    assertThat(c).succeeded();
    assertThat(written(root, MIGRATIONS, "M0002_book_editor"))
        .contains("ADD CONSTRAINT \\\"fk_book_editor\\\" FOREIGN KEY")
        .contains("ADD CONSTRAINT `fk_book_editor` FOREIGN KEY")
        .contains("DROP FOREIGN KEY `fk_book_editor`")
        .contains("constraintName = \"fk_book_editor\"");
    assertThat(files(root, MIGRATIONS))
        .containsExactly(
            "M0001_initial.java",
            "M0002_book_editor.java",
            "M0003_book_validate_fk_book_editor.java");
  }

  @Test
  void aKeyWithoutConstraintNeedsNoSafeForm() {
    String body =
        BOOK_BODY
            + "  @ForeignKey(onDelete = OnDelete.DO_NOTHING, nullable = true, dbConstraint = false)"
            + " Author editor;\n";
    Compilation c =
        compile(
            root,
            List.of(),
            app("zeroDowntime = true, backends = {\"postgresql\", \"mysql\"}"),
            author(),
            book(body),
            m1);
    assertThat(c).succeeded();
    assertThat(written(root, MIGRATIONS, "M0002_book_editor"))
        .contains("kind = ADD_FIELD")
        .contains("dbConstraint = false")
        .doesNotContain("FOREIGN KEY")
        .doesNotContain("SEPARATE_DATABASE_AND_STATE");
    assertThat(files(root, MIGRATIONS))
        .containsExactly("M0001_initial.java", "M0002_book_editor.java");
  }

  @Test
  void aOneToOneOnAPostgresqlOnlyAppHasNoMysqlVariant() {
    String body =
        BOOK_BODY + "  @OneToOne(onDelete = OnDelete.SET_NULL, nullable = true) Author editor;\n";
    Compilation c =
        compile(
            root,
            List.of(),
            app("zeroDowntime = true, backends = \"postgresql\""),
            author(),
            book(body),
            m1);
    assertThat(c).succeeded();
    String text = written(root, MIGRATIONS, "M0002_book_editor");
    // The plain column keeps the key's uniqueness; only PostgreSQL's constraint is written.
    assertThat(text)
        .contains("type = \"BigIntegerField\"")
        .contains("unique = true")
        .contains("type = \"OneToOneField\"")
        .contains("NOT VALID")
        .doesNotContain("vendors = \"mysql\"");
    assertThat(files(root, MIGRATIONS)).hasSize(3);
  }

  @Test
  void aForeignKeyKeepsDjangosFormWhenTheAppTargetsSqlite() {
    Compilation c =
        compile(root, List.of(), app("zeroDowntime = true"), author(), book(EDITOR_BODY), m1);
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(
            "[migrata.W053] The foreign key editor_id added to the"
                + " existing table library_book in library.0002_book_editor keeps Django's form");
    assertThat(c).hadWarningContaining("[safety.W102]");
    assertThat(files(root, MIGRATIONS))
        .containsExactly("M0001_initial.java", "M0002_book_editor.java");
    assertThat(written(root, MIGRATIONS, "M0002_book_editor"))
        .contains("kind = ADD_FIELD")
        .doesNotContain("RUN_SQL")
        .doesNotContain("atomic");
  }

  @Test
  void withoutTheOptionTheOutputIsDjangos() {
    Compilation c = compile(root, List.of(), author(), book(CHECKED, NOT_NULL_BODY), m1);
    assertThat(c).succeeded();
    assertThat(files(root, MIGRATIONS)).hasSize(2);
    String text = written(root, MIGRATIONS, files(root, MIGRATIONS).get(1).replace(".java", ""));
    assertThat(text)
        .contains("kind = ADD_CONSTRAINT,")
        .contains("kind = ALTER_FIELD")
        .doesNotContain("NOT_VALID")
        .doesNotContain("RUN_SQL");
  }
}
