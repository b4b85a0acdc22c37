package dev.migrata.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationIndex;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.Operations;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelOptions;
import dev.migrata.internal.state.ModelState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The replay cache's model form against {@code CreateModel}'s, which it stands for: written alike
 * and read back to the same model, without the operation classes.
 */
class CachedStateTest {
  private static ModelState model(
      String name, ModelOptions options, List<String> bases, boolean proxy, boolean managed) {
    Map<String, FieldState> fields = new LinkedHashMap<>();
    fields.put("id", FieldState.builder("id", "BigAutoField").primaryKey(true).build());
    fields.put(
        "author",
        FieldState.builder("author", "ForeignKey")
            .to("library.author")
            .onDelete("SET_NULL")
            .nullable(true)
            .comment("The author")
            .build());
    return new ModelState(
        "library",
        name,
        fields,
        List.of(new IndexState("book_author_idx", List.of("author", "-id"), true, "id > 0")),
        List.of(
            ConstraintState.check("id_positive", "id > 0"),
            ConstraintState.unique("one_author", List.of("author"), null)),
        managed ? "library_book" : null,
        managed ? "Books" : null,
        managed,
        options,
        bases,
        proxy);
  }

  private static final List<ModelState> MODELS =
      List.of(
          model("Book", ModelOptions.NONE, List.of(), false, true),
          model(
              "Novel",
              new ModelOptions("novel", "novels", List.of("-id", "author")),
              List.of("library.book"),
              false,
              false),
          model("Cheap", ModelOptions.NONE, List.of("library.book"), true, true));

  @Test
  void aModelIsWrittenAsItsCreateModel() {
    for (ModelState m : MODELS) {
      assertThat(CachedState.write(m)).isEqualTo(CreateModel.of(m).deconstruct());
    }
  }

  @Test
  void aModelReadsBackAsCreateModelRebuildsIt() {
    for (ModelState m : MODELS) {
      Deconstructed stored = throughTheIndexForm(CachedState.write(m));
      ModelState read = CachedState.read("library", stored);
      assertThat(read).isEqualTo(m);
      assertThat(read)
          .isEqualTo(((CreateModel) Operations.reconstruct(stored)).toModelState("library"));
    }
  }

  /** {@code op} written and read back in the index's line form, as the cache stores it. */
  private static Deconstructed throughTheIndexForm(Deconstructed op) {
    MigrationDefinition state =
        new MigrationDefinition(
            new MigrationKey("library", "state"),
            "-",
            List.of(),
            List.of(),
            List.of(),
            false,
            true,
            () -> List.of(op));
    String text = MigrationIndex.write(List.of(state));
    return MigrationIndex.read(text, "test").get(0).deconstructedOperations().get(0);
  }

  @Test
  void anotherOperationOrAnUnknownAttributeIsNotAModel() {
    Deconstructed book = CachedState.write(MODELS.get(0));
    Map<String, Object> other = new LinkedHashMap<>(book.values());
    other.put("kind", "DELETE_MODEL");
    Map<String, Object> unknown = new LinkedHashMap<>(book.values());
    unknown.put("scope", "STATE");
    for (Deconstructed bad :
        List.of(new Deconstructed("Op", other), new Deconstructed("Op", unknown))) {
      assertThatThrownBy(() -> CachedState.read("library", bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
