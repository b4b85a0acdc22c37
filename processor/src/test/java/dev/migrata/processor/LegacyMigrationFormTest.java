package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.AutodetectorCompileTest.AUTHOR;
import static dev.migrata.processor.AutodetectorCompileTest.BOOK;
import static dev.migrata.processor.AutodetectorCompileTest.MIGRATIONS;
import static dev.migrata.processor.AutodetectorCompileTest.model;
import static dev.migrata.processor.AutodetectorCompileTest.money;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.files;
import static dev.migrata.processor.Compiling.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations written by the previous version ({@code onDelete = "CASCADE"}, AddIndex's {@code
 * indexes = @IndexDef(...)}, AddConstraint's {@code constraints = @ConstraintDef(...)}; kept under
 * {@code src/test/resources/legacy} as that version wrote them) still compile and replay to the
 * same state as the current form (the golden files): with the models they were written for, neither
 * makes the processor write a corrective migration.
 */
class LegacyMigrationFormTest {
  @TempDir Path root;

  private static String resource(String name) {
    try (InputStream in = LegacyMigrationFormTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A migration file as a source; the relations scenario's file holds class M0001_initial. */
  private static JavaFileObject migration(String dir, String file) {
    String className = file.startsWith("M0001") ? "M0001_initial" : file;
    return source(MIGRATIONS + "." + className, resource("/" + dir + "/library/" + file + ".java"));
  }

  private static JavaFileObject[] with(JavaFileObject[] models, JavaFileObject... migrations) {
    List<JavaFileObject> all = new ArrayList<>(Arrays.asList(models));
    all.addAll(Arrays.asList(migrations));
    return all.toArray(JavaFileObject[]::new);
  }

  private void assertReplaysToTheModels(JavaFileObject... sources) {
    Compilation c = compile(root, sources);
    assertThat(c).succeeded();
    // The safety lint warns about what the migrations do (an index on an existing table...);
    // replaying them must raise nothing else.
    assertThat(
            c.warnings().stream()
                .map(d -> d.getMessage(null))
                .filter(m -> !m.startsWith("[safety."))
                .toList())
        .isEmpty();
    assertThat(files(root, MIGRATIONS)).as("corrective migrations").isEmpty();
  }

  private static JavaFileObject[] relations() {
    return new JavaFileObject[] {
      model("Author", "@Model\n", AUTHOR),
      model("Tag", "@Model\n", "  @Field(maxLength = 20) String name;\n"),
      model("Book", "@Model\n", BOOK),
      model(
          "Edition", "@Model\n", "  @OneToOne(onDelete = OnDelete.CASCADE) Book book;\n"),
      money("")
    };
  }

  private static JavaFileObject[] authorWithOptions() {
    return new JavaFileObject[] {
      model(
          "Author",
          "@Model(table = \"authors\", comment = \"Writers\")\n"
              + "@Check(name = \"code_long\", condition = \"length(code) > 2\")\n"
              + "@Unique(name = \"live_code\", fields = \"code\", condition = \"code <> 'x'\")\n"
              + "@Index(name = \"code_idx\", fields = \"-code\", unique = true,"
              + " condition = \"code <> ''\")\n",
          AUTHOR.replace("unique = true", "unique = true, helpText = \"Short code\""))
    };
  }

  @Test
  void theLegacyFormIsReallyTheOldOne() {
    assertThat(resource("/legacy/library/M0001_relations.java"))
        .contains("onDelete = \"PROTECT\"")
        .doesNotContain("onDeleteAction");
    assertThat(
            resource(
                "/legacy/library/"
                    + "M0002_alter_author_table_comment_remove_author_code_set_and_more.java"))
        .contains("indexes = @IndexDef(")
        .contains("constraints = @ConstraintDef(");
    assertThat(resource("/golden/library/M0001_relations.java"))
        .contains("onDeleteAction = OnDelete.PROTECT")
        .doesNotContain("onDelete = \"");
  }

  @Test
  void stringOnDeleteReplaysAsTheTypedOne() {
    assertReplaysToTheModels(with(relations(), migration("legacy", "M0001_relations")));
    assertReplaysToTheModels(with(relations(), migration("golden", "M0001_relations")));
  }

  @Test
  void pluralIndexAndConstraintMembersReplayAsTheSingularOnes() {
    String m2 = "M0002_alter_author_table_comment_remove_author_code_set_and_more";
    JavaFileObject m1 =
        source(
            MIGRATIONS + ".M0001_initial",
            "package "
                + MIGRATIONS
                + ";\n"
                + "import static dev.migrata.annotations.migration.Op.Kind.CREATE_MODEL;\n"
                + "import dev.migrata.annotations.migration.*;\n"
                + "@Migration(app = \"library\", name = \"0001_initial\", initial = true,"
                + " operations = @Op(kind = CREATE_MODEL, name = \"Author\", fields = {\n"
                + "    @FieldDef(name = \"id\", type = \"BigAutoField\", primaryKey = true),\n"
                + "    @FieldDef(name = \"code\", type = \"CharField\", unique = true, maxLength ="
                + " 10)},\n"
                + "    constraints = @ConstraintDef(name = \"code_set\", check = \"code <>"
                + " ''\")))\n"
                + "public final class M0001_initial {}\n");
    assertReplaysToTheModels(with(authorWithOptions(), m1, migration("legacy", m2)));
    assertReplaysToTheModels(with(authorWithOptions(), m1, migration("golden", m2)));
  }

  @Test
  void theInitialGoldenScenarioReplaysInBothForms() {
    JavaFileObject[] models = {
      MigrationGoldenTest.author(),
      MigrationGoldenTest.book(
          "@Index(fields = {\"title\", \"published\"})\n"
              + "@Unique(fields = {\"title\", \"author\"})\n"
              + "@Check(name = \"rating_range\", condition = \"rating BETWEEN 0 AND 5\")\n",
          "  @ForeignKey(onDelete = OnDelete.CASCADE) Author author;\n"
              + "  @Field(maxLength = 200) String title;\n"
              + "  @Field(nullable = true) LocalDate published;\n"
              + "  @Field(defaultValue = \"0\") int rating;\n")
    };
    assertThat(resource("/legacy/library/M0001_initial.java")).contains("onDelete = \"CASCADE\"");
    assertReplaysToTheModels(with(models, migration("legacy", "M0001_initial")));
    assertReplaysToTheModels(with(models, migration("golden", "M0001_initial")));
  }
}
