package dev.migrata.internal.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.operations.AddConstraint;
import dev.migrata.internal.operations.AddUniqueTogether;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Django 5.2 folds a new model's {@code AlterUniqueTogether} into its {@code CreateModel} across a
 * {@code CreateModel} that points at the model (a left reduction: the in-between one lets it
 * through, as it refers only to its own model), but not an {@code AddConstraint}, which Django's
 * {@code IndexOperation} says refers to every model.
 */
class UniqueTogetherFoldTest {
  private static final FieldState ID =
      FieldState.builder("id", "BigAutoField").primaryKey(true).build();
  private static final FieldState NAME =
      FieldState.builder("name", "CharField").maxLength(9).build();
  private static final FieldState AUTHOR =
      FieldState.builder("author", "ForeignKey").to("library.author").onDelete("CASCADE").build();
  private static final ConstraintState UNIQUE =
      ConstraintState.unique("library_author_name_0123abcd_uniq", List.of("name"), null);

  private static CreateModel author(List<ConstraintState> constraints) {
    return new CreateModel("Author", List.of(ID, NAME), List.of(), constraints, null, null, true);
  }

  private static final CreateModel BOOK =
      new CreateModel("Book", List.of(ID, AUTHOR), List.of(), List.of(), null, null, true);

  @Test
  void aUniqueTogetherFoldsLeftAcrossAModelPointingAtIt() {
    List<Operation> folded =
        Optimizer.optimize(
            List.of(author(List.of()), BOOK, new AddUniqueTogether("author", UNIQUE)), "library");
    assertThat(folded).containsExactly(author(List.of(UNIQUE)), BOOK);
  }

  @Test
  void anAddConstraintDoesNot() {
    List<Operation> input = List.of(author(List.of()), BOOK, new AddConstraint("author", UNIQUE));
    assertThat(Optimizer.optimize(input, "library")).isEqualTo(input);
  }

  @Test
  void itIsWrittenAsTheAddConstraintItStandsFor() {
    AddUniqueTogether together = new AddUniqueTogether("author", UNIQUE);
    assertThat(together.deconstruct()).isEqualTo(new AddConstraint("author", UNIQUE).deconstruct());
    assertThat(together.describe()).isEqualTo(together.asAddConstraint().describe());
  }
}
