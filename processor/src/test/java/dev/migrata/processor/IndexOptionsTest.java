package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.migration;
import static dev.migrata.processor.Compiling.source;
import static dev.migrata.processor.MigrationGoldenTest.BOOK_BODY;
import static dev.migrata.processor.MigrationGoldenTest.LIB;
import static dev.migrata.processor.MigrationGoldenTest.MIGRATIONS;
import static dev.migrata.processor.MigrationGoldenTest.author;
import static dev.migrata.processor.MigrationGoldenTest.book;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationIndex;
import dev.migrata.internal.writer.MigrationWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the processor carries into the runtime's index besides the operations (issue 10): the
 * checksum without {@code @Op(safetyAssured)} and {@code @SafetyAssured}, and MySQL's online DDL by
 * app ({@code @App(mysqlOnlineDdl = true)}) and by migration ({@code @Migration(mysqlOnlineDdl =
 * ...)}).
 */
class IndexOptionsTest {
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

  /** A hand-written second migration: an index on the existing book table. */
  private static JavaFileObject second(
      String classAnnotations, String migrationAttributes, String opAttributes) {
    return source(
        MIGRATIONS + ".M0002_title_idx",
        "package "
            + MIGRATIONS
            + ";\n"
            + "import static dev.migrata.annotations.migration.Op.Kind.*;\n"
            + "import dev.migrata.annotations.migration.*;\n"
            + classAnnotations
            + "@Migration(app = \"library\", name = \"0002_title_idx\","
            + " dependencies = @Dependency(app = \"library\", name = \"0001_initial\")"
            + migrationAttributes
            + ", operations = {\n"
            + "    @Op(kind = ADD_INDEX, model = \"book\""
            + opAttributes
            + ", index = @IndexDef(name = \"book_title_idx\", fields = \"title\")),\n"
            + "    @Op(kind = REMOVE_INDEX, model = \"book\", name = \"book_title_idx\"),\n"
            + "})\npublic final class M0002_title_idx {}\n");
  }

  /** The index the compile wrote, by migration name. */
  private static Map<String, MigrationDefinition> index(Compilation c) {
    assertThat(c).succeeded();
    JavaFileObject file =
        c.generatedFile(StandardLocation.CLASS_OUTPUT, "", MigrationIndex.RESOURCE).orElseThrow();
    try {
      Map<String, MigrationDefinition> byName = new TreeMap<>();
      for (MigrationDefinition m :
          MigrationIndex.read(file.getCharContent(true).toString(), "test")) {
        byName.put(m.name(), m);
      }
      return byName;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, MigrationDefinition> compileWith(JavaFileObject... more) {
    JavaFileObject[] sources = new JavaFileObject[more.length + 3];
    sources[0] = author();
    sources[1] = book(BOOK_BODY);
    sources[2] = m1;
    System.arraycopy(more, 0, sources, 3, more.length);
    return index(compile(root, sources));
  }

  @Test
  void aSafetyReasonIsNotPartOfTheChecksumTheIndexStores() {
    String plain = compileWith(second("", "", "")).get("0002_title_idx").checksum();
    String assured =
        compileWith(
                second(
                    "@dev.migrata.annotations.SafetyAssured(reason = \"40 rows\")\n",
                    "",
                    ", safetyAssured = \"a small table\""))
            .get("0002_title_idx")
            .checksum();
    String online =
        compileWith(app("mysqlOnlineDdl = true"), second("", ", mysqlOnlineDdl = OnlineDdl.ON", ""))
            .get("0002_title_idx")
            .checksum();

    assertThat(assured).isEqualTo(plain);
    // Nor is MySQL's online DDL: it says how the statements run, not what they change.
    assertThat(online).isEqualTo(plain);
  }

  @Test
  void onlineDdlTravelsByAppAndByMigration() {
    Map<String, MigrationDefinition> byApp =
        compileWith(app("mysqlOnlineDdl = true"), second("", "", ""));
    assertThat(byApp.get("0001_initial").appOnlineDdl()).isTrue();
    assertThat(byApp.get("0001_initial").ownOnlineDdl()).isNull();
    assertThat(byApp.get("0001_initial").mysqlOnlineDdl(false)).isTrue();

    Map<String, MigrationDefinition> off =
        compileWith(
            app("mysqlOnlineDdl = true"), second("", ", mysqlOnlineDdl = OnlineDdl.OFF", ""));
    assertThat(off.get("0002_title_idx").ownOnlineDdl()).isFalse();
    // The migration's own setting wins over its app's and the configuration's.
    assertThat(off.get("0002_title_idx").mysqlOnlineDdl(true)).isFalse();
    assertThat(off.get("0001_initial").mysqlOnlineDdl(false)).isTrue();

    Map<String, MigrationDefinition> on =
        compileWith(second("", ", mysqlOnlineDdl = OnlineDdl.ON", ""));
    assertThat(on.get("0002_title_idx").mysqlOnlineDdl(false)).isTrue();
    assertThat(on.get("0001_initial").appOnlineDdl()).isFalse();
    assertThat(on.get("0001_initial").mysqlOnlineDdl(false)).isFalse();
    assertThat(on.get("0001_initial").mysqlOnlineDdl(true)).isTrue();
  }

  @Test
  void aRewrittenMigrationKeepsItsOwnSetting() {
    MigrationDefinition m =
        compileWith(second("", ", mysqlOnlineDdl = OnlineDdl.OFF", "")).get("0002_title_idx");
    // What optimizemigration and squashmigrations write back from the index.
    String text = MigrationWriter.write(MIGRATIONS, "M0002_title_idx", m.deconstruct(), List.of());
    assertThat(text)
        .contains("mysqlOnlineDdl = OnlineDdl.OFF,")
        .contains("import dev.migrata.annotations.migration.OnlineDdl;");
  }
}
