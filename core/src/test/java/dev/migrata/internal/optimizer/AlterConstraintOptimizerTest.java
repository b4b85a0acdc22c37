package dev.migrata.internal.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.operations.AddConstraint;
import dev.migrata.internal.operations.AlterConstraint;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RemoveConstraint;
import dev.migrata.internal.state.ConstraintState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Django 5.2's reductions of AlterConstraint (test_optimizer's constraint cases). */
class AlterConstraintOptimizerTest {
  static final String APP = "migrations";

  static ConstraintState check(String message) {
    return new ConstraintState(
        "pony_weight_gt_0",
        List.of(),
        null,
        "weight > 0",
        List.of(),
        List.of(),
        List.of(),
        true,
        null,
        message,
        null);
  }

  private static List<Operation> optimize(Operation... ops) {
    return Optimizer.optimize(List.of(ops), APP);
  }

  @Test
  void addThenAlterIsTheAlteredAdd() {
    assertThat(
            optimize(
                new AddConstraint("pony", check("Too light.")),
                new AlterConstraint("pony", "pony_weight_gt_0", check("Far too light."))))
        .containsExactly(new AddConstraint("pony", check("Far too light.")));
  }

  @Test
  void alterThenAlterOrRemoveIsTheLaterOne() {
    assertThat(
            optimize(
                new AlterConstraint("pony", "pony_weight_gt_0", check("a")),
                new AlterConstraint("pony", "pony_weight_gt_0", check("b"))))
        .containsExactly(new AlterConstraint("pony", "pony_weight_gt_0", check("b")));
    assertThat(
            optimize(
                new AlterConstraint("pony", "pony_weight_gt_0", check("a")),
                new RemoveConstraint("pony", "pony_weight_gt_0")))
        .containsExactly(new RemoveConstraint("pony", "pony_weight_gt_0"));
  }

  @Test
  void anotherConstraintIsABoundary() {
    List<Operation> ops =
        List.of(
            new AlterConstraint("pony", "pony_weight_gt_0", check("a")),
            new RemoveConstraint("pony", "other"));
    assertThat(Optimizer.optimize(ops, APP)).isEqualTo(ops);
  }
}
