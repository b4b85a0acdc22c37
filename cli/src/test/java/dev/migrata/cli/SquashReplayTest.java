package dev.migrata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Fixtures;
import dev.migrata.SquashTest;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The replay squashmigrations makes before writing: the squash must rebuild the same state. */
class SquashReplayTest {
  private static MigrationDefinition squash(List<Operation> ops) {
    Fixtures.Builder b = Fixtures.migration("library", "0001_squashed_0005_remove_pages_add_year");
    for (MigrationDefinition m : SquashTest.originals()) {
      if (m.app().equals("library")) {
        b.replaces("library", m.name());
      }
    }
    return b.ops(ops.toArray(new Operation[0]));
  }

  private static List<Operation> libraryOperations() {
    List<Operation> ops = new ArrayList<>();
    SquashTest.originals().stream()
        .filter(m -> m.app().equals("library"))
        .forEach(m -> ops.addAll(m.operations()));
    return ops;
  }

  private static MigrationLoader loader() {
    return new MigrationLoader(SquashTest.originals(), Set.of(), true);
  }

  @Test
  void theOperationsAsTheyAreReplayToTheSameState() {
    assertThat(SquashReplay.differences(loader(), squash(libraryOperations()))).isNull();
  }

  @Test
  void aSquashThatLosesAnOperationIsNamedByWhatDiffers() {
    List<Operation> ops = libraryOperations();
    Operation last = ops.remove(ops.size() - 1);
    assertThat(last).isInstanceOf(AddField.class);
    assertThat(SquashReplay.differences(loader(), squash(ops)))
        .isEqualTo("model library.book differs in field year (missing)");
  }

  @Test
  void aSquashThatCannotBeReplayedSaysWhy() {
    List<Operation> ops = libraryOperations();
    ops.remove(0); // CreateModel Author: the AlterField on author has nothing to alter
    assertThat(SquashReplay.differences(loader(), squash(ops))).startsWith("replaying it fails: ");
  }
}
