package dev.migrata.processor;

import static dev.migrata.processor.EndToEndTest.allSources;
import static dev.migrata.processor.EndToEndTest.javac;
import static dev.migrata.processor.EndToEndTest.migrationFiles;
import static dev.migrata.processor.EndToEndTest.writeIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.Db;
import dev.migrata.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 10: the migrations {@code @App(zeroDowntime = true)} writes for a check, a {@code NOT NULL}
 * and a foreign key on a table with rows, applied and unapplied by the CLI on real servers. On
 * PostgreSQL the constraints end validated under Django's names and the helper check is gone; on
 * MariaDB the same migrations give Django's normal schema (the check and the key exist, the column
 * is NOT NULL). Both directions, then forwards again.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(
    value = Db.Kind.class,
    names = {"POSTGRES", "MARIADB"})
class ZeroDowntimeMigrateTest {
  private static final String SRC = "src/com/example/library/";
  private static final String BOOK = "library_book";
  private static final String FK = "library_book_editor_id_03910eb0_fk_library_author_id";
  private static final String NOT_NULL_CHECK = "library_book_published_e95a41fe_notnull";

  @Parameter Db.Kind kind;
  @TempDir Path project;
  @TempDir Path dbDir;
  Db db;
  String out;

  @BeforeEach
  void createDatabase() {
    db = Db.create(kind, dbDir);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  private static String book(String annotations, String body) {
    return "package com.example.library;\n"
        + "import dev.migrata.annotations.*;\n"
        + "import java.time.LocalDate;\n"
        + annotations
        + "@Model\n"
        + "public class Book {\n"
        + "  @Field(maxLength = 200) String title;\n"
        + "  @ForeignKey(onDelete = OnDelete.CASCADE) Author author;\n"
        + body
        + "}\n";
  }

  private void compile(String book) {
    writeIn(
        project,
        SRC + "package-info.java",
        "@App(value = \"library\", zeroDowntime = true, backends = {\"postgresql\", \"mysql\"})\n"
            + "package com.example.library;\n"
            + "import dev.migrata.annotations.App;\n");
    writeIn(project, SRC + "Author.java", EndToEndTest.AUTHOR);
    writeIn(project, SRC + "Book.java", book);
    EndToEndTest.Result r = javac(project, allSources(project));
    assertThat(r.success()).as(r.messages(Diagnostic.Kind.ERROR)).isTrue();
    assertThat(r.messages(Diagnostic.Kind.WARNING)).doesNotContain("[safety.W");
  }

  @Test
  void theSafeFormMigratesForwardsAndBackwards() throws Exception {
    compile(book("", "  @Field(nullable = true) LocalDate published;\n"));
    assertThat(migrate()).as(out).isZero();
    db.exec(
        "INSERT INTO library_author (name) VALUES ('Ann')",
        "INSERT INTO library_book (title, author_id, published) VALUES ('A', 1, NULL)",
        "INSERT INTO library_book (title, author_id, published) VALUES ('B', 1, '2020-05-01')");

    String changed =
        book(
            "@Check(name = \"title_set\", condition = \"title <> ''\")\n",
            "  @Field(defaultValue = \"2000-01-01\") LocalDate published;\n"
                + "  @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true) Author editor;\n");
    compile(changed);
    List<String> files = migrationFiles(project);
    assertThat(files).hasSize(3);
    // sqlmigrate prints what will run: on PostgreSQL the validations, elsewhere Django's form.
    String later = files.get(2).substring(1).replace(".java", "");
    assertThat(run("sqlmigrate", "library", later)).as(out).isZero();
    if (kind == Db.Kind.POSTGRES) {
      assertThat(out)
          .contains("VALIDATE CONSTRAINT \"" + FK + "\"")
          .contains("VALIDATE CONSTRAINT \"title_set\"")
          .contains("SET NOT NULL");
    } else {
      assertThat(out)
          .contains("(no-op: VALIDATE CONSTRAINT runs on PostgreSQL only)")
          .contains("MODIFY `published` date NOT NULL")
          .doesNotContain("NOT VALID");
    }
    assertThat(migrate()).as(out).isZero();
    assertThat(out).contains("  Applying library.0002_").contains("  Applying library.0003_");

    // The models' schema, as Django's normal form gives it, on both servers.
    assertThat(db.rows("SELECT published FROM library_book ORDER BY title"))
        .containsExactly("2000-01-01", "2020-05-01");
    assertThat(nullable("published")).isEqualTo("NO");
    assertThat(constraints("FOREIGN KEY")).contains(FK);
    assertThat(constraints("CHECK")).contains("title_set").doesNotContain(NOT_NULL_CHECK);
    assertThatThrownBy(
            () ->
                db.exec("INSERT INTO library_book (title, author_id, editor_id) VALUES ('', 1, 1)"))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(
            () ->
                db.exec(
                    "INSERT INTO library_book (title, author_id, editor_id) VALUES ('C', 1, 9)"))
        .isInstanceOf(SQLException.class);
    if (kind == Db.Kind.POSTGRES) {
      assertThat(
              db.rows(
                  "SELECT conname || ':' || convalidated FROM pg_constraint WHERE conrelid ="
                      + " 'library_book'::regclass AND contype IN ('c', 'f') ORDER BY conname"))
          .contains("title_set:true", FK + ":true");
    }

    // The next compile replays them to the models: nothing more to write.
    compile(changed);
    assertThat(migrationFiles(project)).isEqualTo(files);

    // Backwards to 0001, then forwards again.
    assertThat(migrate("library", "0001")).as(out).isZero();
    assertThat(out).contains("  Unapplying library.0003_").contains("  Unapplying library.0002_");
    assertThat(nullable("published")).isEqualTo("YES");
    assertThat(db.columns(BOOK)).doesNotContain("editor_id");
    assertThat(constraints("CHECK")).doesNotContain("title_set", NOT_NULL_CHECK);
    assertThat(constraints("FOREIGN KEY")).doesNotContain(FK);
    assertThat(migrate()).as(out).isZero();
    assertThat(constraints("FOREIGN KEY")).contains(FK);
    assertThat(nullable("published")).isEqualTo("NO");
  }

  @Test
  void aColumnMadeAForeignKeyGetsItsConstraintBothWays() throws Exception {
    compile(book("", "  @Field(nullable = true, column = \"editor_id\") Long editor;\n"));
    assertThat(migrate()).as(out).isZero();
    db.exec(
        "INSERT INTO library_author (name) VALUES ('Ann')",
        "INSERT INTO library_book (title, author_id, editor_id) VALUES ('A', 1, 1)");

    String key =
        "  @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, index = false)"
            + " Author editor;\n";
    compile(book("", key));
    assertThat(migrationFiles(project)).hasSize(3);
    assertThat(migrate()).as(out).isZero();
    assertThat(constraints("FOREIGN KEY")).contains(FK);
    assertThatThrownBy(
            () ->
                db.exec(
                    "INSERT INTO library_book (title, author_id, editor_id) VALUES ('B', 1, 9)"))
        .isInstanceOf(SQLException.class);
    compile(book("", key));
    assertThat(migrationFiles(project)).hasSize(3);

    assertThat(migrate("library", "0001")).as(out).isZero();
    assertThat(constraints("FOREIGN KEY")).doesNotContain(FK);
    assertThat(db.rows("SELECT editor_id FROM library_book")).containsExactly("1");
    assertThat(migrate()).as(out).isZero();
    assertThat(constraints("FOREIGN KEY")).contains(FK);
  }

  @Test
  void aKeyPointedAtAnotherTableBothWays() throws Exception {
    writeIn(
        project,
        SRC + "Shelf.java",
        "package com.example.library;\n"
            + "import dev.migrata.annotations.*;\n"
            + "@Model\n"
            + "public class Shelf {\n"
            + "  @Field(maxLength = 50) String label;\n"
            + "}\n");
    String editor = "  @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true) %s editor;\n";
    compile(book("", editor.formatted("Author")));
    assertThat(migrate()).as(out).isZero();
    assertThat(constraints("FOREIGN KEY")).contains(FK);
    db.exec(
        "INSERT INTO library_author (name) VALUES ('Ann')",
        "INSERT INTO library_shelf (label) VALUES ('S')",
        "INSERT INTO library_book (title, author_id, editor_id) VALUES ('A', 1, 1)");

    compile(book("", editor.formatted("Shelf")));
    assertThat(migrationFiles(project)).hasSize(3);
    compile(book("", editor.formatted("Shelf"))); // replayed and linted quietly: nothing new
    assertThat(migrationFiles(project)).hasSize(3);
    assertThat(migrate()).as(out).isZero();
    assertThat(constraints("FOREIGN KEY"))
        .doesNotContain(FK)
        .anyMatch(n -> n.endsWith("_fk_library_shelf_id"));

    assertThat(migrate("library", "0001")).as(out).isZero();
    assertThat(constraints("FOREIGN KEY"))
        .contains(FK)
        .noneMatch(n -> n.endsWith("_fk_library_shelf_id"));
    assertThat(migrate()).as(out).isZero();
    assertThat(constraints("FOREIGN KEY")).doesNotContain(FK);
  }

  private String nullable(String column) throws SQLException {
    return db.rows(
            "SELECT is_nullable FROM information_schema.columns WHERE table_schema = "
                + schema()
                + " AND table_name = '"
                + BOOK
                + "' AND column_name = '"
                + column
                + "'")
        .get(0);
  }

  private List<String> constraints(String type) throws SQLException {
    return db.rows(
        "SELECT constraint_name FROM information_schema.table_constraints WHERE table_schema = "
            + schema()
            + " AND table_name = '"
            + BOOK
            + "' AND constraint_type = '"
            + type
            + "' ORDER BY constraint_name");
  }

  private String schema() {
    return kind == Db.Kind.POSTGRES ? "current_schema()" : "DATABASE()";
  }

  private int migrate(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("migrate"));
    command.addAll(List.of(args));
    return run(command.toArray(String[]::new));
  }

  /** A CLI command with this database's URL, on the scratch build's classes as a user runs it. */
  private int run(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(args));
    command.addAll(List.of("--url", db.url));
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    URL classes = project.resolve("classes").toUri().toURL();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, null)) {
      thread.setContextClassLoader(loader);
      PrintStream stream = new PrintStream(o, true, StandardCharsets.UTF_8);
      int code = Main.run(command.toArray(String[]::new), stream, stream, Map.of());
      out = o.toString(StandardCharsets.UTF_8);
      return code;
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
