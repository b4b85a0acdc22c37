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
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @App(zeroDowntime = true)}: the safe PostgreSQL form the processor writes, compared with
 * golden files, and the output left as Django's without it.
 */
class ZeroDowntimeGoldenTest {
  private static final String INDEXED = "@Index(name = \"book_title_idx\", fields = \"title\")\n";

  @TempDir Path root;
  private JavaFileObject m1;

  @BeforeEach
  void initialMigration() {
    assertThat(compile(root, author(), book(BOOK_BODY))).succeeded();
    m1 = migration(root, MIGRATIONS, "M0001_initial");
  }

  private static JavaFileObject app(String attributes) {
    return source(
        LIB + ".package-info",
        "@App("
            + attributes
            + ")\npackage com.example.library;\nimport dev.migrata.annotations.App;\n");
  }

  @Test
  void anIndexAloneBecomesANonAtomicConcurrentMigration() {
    Compilation c =
        compile(
            root, List.of(), app("zeroDowntime = true"), author(), book(INDEXED, BOOK_BODY), m1);
    assertThat(c).succeeded();
    assertThat(files(root, MIGRATIONS))
        .containsExactly("M0001_initial.java", "M0002_book_book_title_idx.java");
    Golden.assertMatches(
        "library/zero-downtime/M0002_book_book_title_idx.java",
        written(root, MIGRATIONS, "M0002_book_book_title_idx"));
    // What it writes is the safe form: the lint has nothing to say about it.
    assertThat(c.diagnostics().toString()).doesNotContain("[safety.W101]");
  }

  @Test
  void anIndexNextToOtherChangesMovesToAMigrationOfItsOwn() {
    String body = BOOK_BODY + "  @Field(defaultValue = \"0\") int rating;\n";
    JavaFileObject shelf =
        source(
            LIB + ".Shelf",
            "package com.example.library;\n"
                + "import dev.migrata.annotations.*;\n"
                + "@Index(name = \"shelf_label_idx\", fields = \"label\")\n"
                + "@Model\n"
                + "public class Shelf {\n"
                + "  @Field(maxLength = 50) String label;\n"
                + "}\n");
    Compilation c =
        compile(
            root, List.of("-Amigrata.zeroDowntime=true"), author(), book(INDEXED, body), shelf, m1);
    assertThat(c).succeeded();
    List<String> written = files(root, MIGRATIONS);
    assertThat(written).hasSize(3);
    String second = written.get(1).replace(".java", "");
    String third = written.get(2).replace(".java", "");
    assertThat(third).isEqualTo("M0003_book_book_title_idx");
    // The new table's index stays in the normal migration: nobody writes to it yet.
    Golden.assertMatches(
        "library/zero-downtime/" + second + ".java", written(root, MIGRATIONS, second));
    Golden.assertMatches(
        "library/zero-downtime/" + third + ".java", written(root, MIGRATIONS, third));

    // They replay to the models: the next compile writes nothing more, and lints them quietly.
    Compilation again =
        compile(
            root,
            List.of("-Amigrata.zeroDowntime=true", "-Amigrata.safety=strict"),
            author(),
            book(INDEXED, body),
            shelf,
            m1,
            migration(root, MIGRATIONS, second),
            migration(root, MIGRATIONS, third));
    assertThat(again).succeeded();
    assertThat(files(root, MIGRATIONS)).isEqualTo(written);
  }

  @Test
  void withoutPostgresqlOrTheOptionTheOutputIsDjangos() {
    Compilation c =
        compile(
            root,
            List.of(),
            app("zeroDowntime = true, backends = {\"mysql\", \"sqlite\"}"),
            author(),
            book(INDEXED, BOOK_BODY),
            m1);
    assertThat(c).succeeded();
    String text = written(root, MIGRATIONS, "M0002_book_book_title_idx");
    assertThat(text).contains("kind = ADD_INDEX,").doesNotContain("atomic");
  }
}
