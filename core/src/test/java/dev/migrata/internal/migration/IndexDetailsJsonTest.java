package dev.migrata.internal.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.operations.AddConstraint;
import dev.migrata.internal.operations.AddIndex;
import dev.migrata.internal.operations.AlterConstraint;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.Operations;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.IndexState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runtime's index stores operations as JSON: every index and constraint detail survives. */
class IndexDetailsJsonTest {
  @Test
  void everyDetailReadsBackTheSame() {
    ConstraintState unique =
        new ConstraintState(
            "u",
            List.of("code"),
            null,
            null,
            List.of(),
            List.of("name"),
            List.of("varchar_pattern_ops"),
            false,
            "IMMEDIATE",
            "Taken.",
            "taken");
    List<Operation> ops =
        List.of(
            new AddIndex(
                "account",
                new IndexState(
                    "i",
                    List.of(),
                    false,
                    "code <> ''",
                    List.of("Lower(email).desc()"),
                    List.of(),
                    List.of("name"),
                    "BRIN")),
            new AddConstraint("account", unique),
            new AlterConstraint("account", "u", unique),
            new AddConstraint(
                "account",
                new ConstraintState(
                    "c",
                    List.of(),
                    null,
                    "code <> ''",
                    List.of(),
                    List.of(),
                    List.of(),
                    true,
                    null,
                    "A code.",
                    null)));
    List<Deconstructed> forms = ops.stream().map(Operation::deconstruct).toList();
    List<Deconstructed> back = Json.readDeconstructed(Json.writeDeconstructed(forms));
    assertThat(back.stream().map(Operations::reconstruct).toList()).isEqualTo(ops);
  }
}
