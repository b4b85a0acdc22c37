package dev.migrata.internal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.optimizer.Optimizer;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelOptions;
import dev.migrata.internal.state.OrmOptions;
import dev.migrata.internal.state.ProjectState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ORM-only options in the state: replayed, replaced and folded as Django's options are. */
class OrmOptionsStateTest {
  private static final FieldState ID =
      FieldState.builder("id", "BigAutoField").primaryKey(true).build();

  private static ProjectState replay(Operation... operations) {
    ProjectState state = new ProjectState();
    for (Operation op : operations) {
      op.stateForwards("library", state);
    }
    return state;
  }

  @Test
  void alterModelOptionsReplacesEveryOptionAsDjangosAlterOptionKeys() {
    ProjectState state =
        replay(
            new CreateModel(
                "Book",
                List.of(ID),
                List.of(),
                List.of(),
                null,
                null,
                true,
                new ModelOptions("book", "books", List.of("-id"))),
            new AlterModelOptions("book", true, new ModelOptions(null, null, List.of("id"))));
    assertThat(state.require("library", "book").options())
        .isEqualTo(new ModelOptions(null, null, List.of("id")));
  }

  @Test
  void anOlderAlterModelOptionsWithOnlyManagedClearsNothingThatExistedThen() {
    ProjectState state =
        replay(
            new CreateModel("Book", List.of(ID), List.of(), List.of(), null, null, true),
            new AlterModelOptions("book", false));
    assertThat(state.require("library", "book").options()).isEqualTo(ModelOptions.NONE);
    assertThat(state.require("library", "book").managed()).isFalse();
  }

  @Test
  void theOneOffDefaultOfAnAddedFieldIsNotKept() {
    FieldState created =
        FieldState.builder("created", "DateTimeField")
            .defaultMethod("java.time.Instant::now")
            .orm(new OrmOptions(null, false, true, false, true))
            .build();
    ProjectState state =
        replay(
            new CreateModel("Book", List.of(ID), List.of(), List.of(), null, null, true),
            new AddField("book", created, false));
    FieldState kept = state.require("library", "book").field("created");
    assertThat(kept.defaultMethod()).isNull();
    assertThat(kept.orm().autoNowAdd()).isTrue();
  }

  @Test
  void optionsFoldIntoCreateModel() {
    List<Operation> folded =
        Optimizer.optimize(
            List.of(
                new CreateModel("Book", List.of(ID), List.of(), List.of(), null, null, true),
                new AlterModelOptions("book", true, new ModelOptions("livre", null, List.of()))),
            "library");
    assertThat(folded)
        .containsExactly(
            new CreateModel(
                "Book",
                List.of(ID),
                List.of(),
                List.of(),
                null,
                null,
                true,
                new ModelOptions("livre", null, List.of())));
  }

  @Test
  void fieldOptionsRoundTripThroughTheAnnotationForm() {
    FieldState f =
        FieldState.builder("title", "CharField")
            .maxLength(10)
            .orm(new OrmOptions("titre", true, false, true, false))
            .build();
    assertThat(f.deconstruct().values())
        .containsEntry("verboseName", "titre")
        .containsEntry("blank", true)
        .containsEntry("editable", false)
        .containsEntry("autoNow", true)
        .doesNotContainKey("autoNowAdd");
    assertThat(FieldState.reconstruct(f.deconstruct())).isEqualTo(f);
    FieldState plain = FieldState.builder("title", "CharField").build();
    assertThat(FieldState.reconstruct(plain.deconstruct()).orm()).isSameAs(OrmOptions.NONE);
  }
}
