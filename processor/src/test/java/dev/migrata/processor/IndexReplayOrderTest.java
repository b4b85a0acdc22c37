package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.files;
import static dev.migrata.processor.Compiling.migration;
import static dev.migrata.processor.MigrationGoldenTest.MIGRATIONS;
import static dev.migrata.processor.MigrationGoldenTest.author;
import static dev.migrata.processor.MigrationGoldenTest.book;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime index (and so the checksum a history row records) of a migration is the same whether
 * the compile that wrote it produced it or a later compile read its source back. Otherwise a
 * migration applied right after it was generated reads as "changed since applied" after the next
 * build. The operations here are those whose attributes the writer once put in another order than
 * {@code @Op} declares them: removals by name and renames.
 */
class IndexReplayOrderTest {
  @TempDir Path root;

  private static final String BEFORE =
      "  @Field(maxLength = 200) String title;\n"
          + "  @Field(maxLength = 13, nullable = true) String isbn;\n"
          + "  @Field(nullable = true) LocalDate published;\n"
          + "  @Field(defaultValue = \"0\") int rating;\n";
  private static final String BEFORE_TABLE =
      "@Index(fields = {\"title\"}, name = \"book_title_idx\")\n"
          + "@Index(fields = {\"rating\"}, name = \"book_rating_idx\")\n"
          + "@Check(name = \"rating_range\", condition = \"rating >= 0\")\n";
  private static final String AFTER =
      "  @Field(maxLength = 200) String title;\n"
          + "  @Field(maxLength = 13, nullable = true, renamedFrom = \"isbn\") String code;\n"
          + "  @Field(defaultValue = \"0\") int rating;\n";
  private static final String AFTER_TABLE =
      "@Index(fields = {\"rating\"}, name = \"book_stars_idx\")\n";

  @Test
  void removalsAndRenamesIndexAlikeWrittenAndReadBack() {
    assertThat(compile(root, author(), book(BEFORE_TABLE, BEFORE))).succeeded();
    List<JavaFileObject> sources = new ArrayList<>(List.of(author(), book(AFTER_TABLE, AFTER)));
    sources.add(migration(root, MIGRATIONS, "M0001_initial"));
    List<String> before = files(root, MIGRATIONS);

    Compilation written = compile(root, sources.toArray(JavaFileObject[]::new));
    assertThat(written).succeeded();
    List<String> added = new ArrayList<>(files(root, MIGRATIONS));
    added.removeAll(before);
    assertThat(added).isNotEmpty();
    for (String file : added) {
      sources.add(migration(root, MIGRATIONS, file.replace(".java", "")));
    }
    Compilation readBack = compile(root, sources.toArray(JavaFileObject[]::new));
    assertThat(readBack).succeeded();

    assertThat(files(root, MIGRATIONS)).as("nothing new").hasSize(before.size() + added.size());
    String index = index(written);
    assertThat(index)
        .contains(
            "REMOVE_FIELD", "REMOVE_INDEX", "REMOVE_CONSTRAINT", "RENAME_FIELD", "RENAME_INDEX");
    assertThat(index(readBack)).isEqualTo(index);
  }

  private static String index(Compilation c) {
    return c.generatedFiles().stream()
        .filter(f -> f.getName().endsWith("META-INF/migrata/index"))
        .map(
            f -> {
              try {
                return f.getCharContent(true).toString();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .findFirst()
        .orElseThrow();
  }
}
