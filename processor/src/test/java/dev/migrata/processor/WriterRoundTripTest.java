package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.migrata.internal.operations.AddConstraint;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AddIndex;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.Operations;
import dev.migrata.internal.operations.RunSql;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.writer.MigrationWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * What the writer writes, javac reads back as the same annotation form: long values are broken to
 * keep every line within 100 columns (strings as concatenated literals, arrays one value per line),
 * enum members are typed, and single values use the singular members.
 */
class WriterRoundTripTest {
  private static final String LONG =
      "UPDATE library_book SET title = upper(title) WHERE title IS NOT NULL AND length(title) > 3"
          + " AND id IN (SELECT book_id FROM library_loan WHERE returned_on IS NULL)\nAND 1 = 1";

  /** Reads the {@code @Migration} of the compiled class back into its form. */
  @SupportedAnnotationTypes("*")
  static final class Reader extends AbstractProcessor {
    final List<Deconstructed> read = new ArrayList<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      for (Element e : round.getRootElements()) {
        var mirror = Mirrors.find(e, MigrationReader.MIGRATION);
        if (mirror != null) {
          read.add(MirrorDeconstructor.deconstruct(mirror));
        }
      }
      return false;
    }
  }

  private static Deconstructed form(List<Operation> ops) {
    return Deconstructed.builder("Migration")
        .put("app", "library")
        .put("name", "0002_long")
        .children("operations", Operations.deconstruct(ops))
        .build();
  }

  @Test
  void longValuesAreBrokenAndReadBackUnchanged() {
    FieldState author =
        FieldState.builder("author", "ForeignKey")
            .to("library.author")
            .onDelete("SET_NULL")
            .nullable(true)
            .comment("The author of the book, when there is one; a long comment to force a break")
            .build();
    List<Operation> ops =
        List.of(
            new RunSql(
                List.of(LONG, "SELECT 1"),
                List.of(LONG),
                false,
                List.of("postgresql", "sqlite", "mysql", "mariadb", "postgresql", "sqlite")),
            new AddField("book", author, true),
            new AddIndex(
                "book",
                new IndexState(
                    "book_title_published_author_long_name_idx",
                    List.of("title", "-published", "author", "isbn", "subtitle"),
                    true,
                    "title IS NOT NULL AND published IS NOT NULL")),
            new AddConstraint("book", ConstraintState.check("rating_range", LONG)),
            new CreateModel(
                "Shelf",
                List.of(FieldState.builder("id", "BigAutoField").primaryKey(true).build(), author),
                List.of(),
                List.of(),
                null,
                null,
                true));
    Deconstructed migration = form(ops);
    String text =
        MigrationWriter.write("com.example.library.migrations", "M0002_long", migration, ops);

    assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    assertThat(text)
        .contains("onDeleteAction = OnDelete.SET_NULL")
        .contains("import dev.migrata.annotations.OnDelete;")
        .contains("index = @IndexDef(")
        .contains("constraint = @ConstraintDef(")
        .doesNotContain("indexes =")
        .doesNotContain("constraints =");

    Reader reader = new Reader();
    Compilation c =
        javac()
            .withProcessors(reader)
            .compile(
                JavaFileObjects.forSourceString("com.example.library.migrations.M0002_long", text));
    assertThat(c).succeeded();
    assertThat(reader.read).hasSize(1);
    assertThat(reader.read.get(0)).isEqualTo(migration);
    assertThat(Operations.reconstruct(reader.read.get(0).children("operations"))).isEqualTo(ops);
  }
}
