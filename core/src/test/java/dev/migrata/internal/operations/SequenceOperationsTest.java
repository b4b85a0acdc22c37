package dev.migrata.internal.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.internal.migration.Json;
import dev.migrata.internal.optimizer.Optimizer;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.internal.state.SequenceState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sequence operations' state, names, canonical form and reductions. */
class SequenceOperationsTest {
  private static final SequenceState INVOICE = new SequenceState("invoice_seq", 1, 50);

  @Test
  void sequencesArePartOfTheAppsStateAndOfItsEquality() {
    ProjectState state = new ProjectState();
    ProjectState before = state.copy();
    new CreateSequence(INVOICE).stateForwards("billing", state);
    assertThat(state.sequence("billing", "invoice_seq")).isEqualTo(INVOICE);
    assertThat(state.sequences("billing")).containsExactly(INVOICE);
    assertThat(state.sequences("store")).isEmpty();
    assertThat(state).isNotEqualTo(before);
    assertThat(before.sequence("billing", "invoice_seq")).as("copies are apart").isNull();

    new AlterSequence("invoice_seq", 20).stateForwards("billing", state);
    assertThat(state.sequence("billing", "invoice_seq"))
        .isEqualTo(new SequenceState("invoice_seq", 1, 20));
    new DeleteSequence(INVOICE).stateForwards("billing", state);
    assertThat(state).isEqualTo(before);
  }

  @Test
  void alteringAnUnknownSequenceNamesIt() {
    assertThatThrownBy(
            () -> new AlterSequence("nope_seq", 5).stateForwards("billing", new ProjectState()))
        .hasMessage(
            "No sequence 'nope_seq' in app 'billing' at this point of the migration history.");
  }

  @Test
  void describesAndNamesAsDjangoWould() {
    assertThat(new CreateSequence(INVOICE).describe()).isEqualTo("Create sequence invoice_seq");
    assertThat(new CreateSequence(INVOICE).nameFragment()).isEqualTo("create_sequence_invoice_seq");
    assertThat(new DeleteSequence(INVOICE).nameFragment()).isEqualTo("delete_sequence_invoice_seq");
    assertThat(new AlterSequence("Invoice_SEQ", 5).nameFragment())
        .isEqualTo("alter_sequence_invoice_seq");
    assertThat(new AlterSequence("invoice_seq", 5).describe())
        .isEqualTo("Alter sequence invoice_seq (increment 5)");
  }

  @Test
  void theCanonicalJsonKeepsOnlyWhatDiffersFromTheDefaults() {
    assertThat(Json.writeDeconstructed(List.of(new CreateSequence(INVOICE).deconstruct())))
        .contains("\"kind\":\"CREATE_SEQUENCE\"")
        .contains("\"increment\":50")
        .doesNotContain("start");
    SequenceState plain = new SequenceState("s", 1, 1);
    assertThat(new CreateSequence(plain).deconstruct().values()).containsOnlyKeys("kind", "name");
    assertThat(Operations.reconstruct(new CreateSequence(plain).deconstruct()))
        .isEqualTo(new CreateSequence(plain));
  }

  @Test
  void theOptimizerFoldsOperationsOnOneSequence() {
    assertThat(
            Optimizer.optimize(
                List.of(new CreateSequence(INVOICE), new DeleteSequence(INVOICE)), "billing"))
        .isEmpty();
    assertThat(
            Optimizer.optimize(
                List.of(
                    new CreateSequence(INVOICE),
                    new DeleteModel("Other"),
                    new AlterSequence("invoice_seq", 10)),
                "billing"))
        .as("as Django's optimizer, the folded operation takes the later one's place")
        .containsExactly(
            new DeleteModel("Other"), new CreateSequence(new SequenceState("invoice_seq", 1, 10)));
    assertThat(
            Optimizer.optimize(
                List.of(new AlterSequence("a", 2), new AlterSequence("a", 3)), "billing"))
        .containsExactly(new AlterSequence("a", 3));
  }

  @Test
  void createIsReversible() {
    assertThat(new CreateSequence(INVOICE).reversible()).isTrue();
    assertThat(new DeleteSequence(INVOICE).reversible()).isTrue();
  }
}
