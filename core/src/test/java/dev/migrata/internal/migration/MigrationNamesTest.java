package dev.migrata.internal.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.DeleteModel;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.state.FieldState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Django's naming examples (django-behaviour section 4.5), for every command that names. */
class MigrationNamesTest {
  private static Operation create(String name) {
    return new CreateModel(
        name, List.of(FieldState.autoId()), List.of(), List.of(), null, null, true);
  }

  @Test
  void suggestsNamesAsDjango() {
    assertThat(MigrationNames.suggest(List.of(create("Person")))).isEqualTo("person");
    assertThat(MigrationNames.suggest(List.of(new DeleteModel("Person"))))
        .isEqualTo("delete_person");
    assertThat(MigrationNames.suggest(List.of(create("Person"), new DeleteModel("Animal"))))
        .isEqualTo("person_delete_animal");
    assertThat(
            MigrationNames.suggest(
                List.of(
                    create("Person1"),
                    create("Person2"),
                    create("Person3"),
                    new DeleteModel("Person4"),
                    new DeleteModel("Person5"))))
        .isEqualTo("person1_person2_person3_delete_person4_and_more");
    assertThat(MigrationNames.suggest(List.of(create("a".repeat(53))))).isEqualTo("a".repeat(53));
    // Django: auto_<timestamp>; here a fixed word, so the same inputs give the same name.
    assertThat(MigrationNames.suggest(List.of())).isEqualTo("auto");
  }

  @Test
  void numbersFollowTheLeaf() {
    assertThat(MigrationNames.next(List.of(), null, false, List.of(create("Book"))))
        .isEqualTo("0001_initial");
    assertThat(MigrationNames.next(List.of("0001_initial"), null, true, List.of(create("Book"))))
        .isEqualTo("0002_initial");
    assertThat(
            MigrationNames.next(
                List.of("0002_squashed_0003"), null, false, List.of(new DeleteModel("Book"))))
        .isEqualTo("0004_delete_book");
    assertThat(MigrationNames.next(List.of("0003_x"), "data_fix", false, List.of()))
        .isEqualTo("0004_data_fix");
    assertThat(MigrationNames.next(List.of("0003_x"), null, false, List.of()))
        .isEqualTo("0004_auto");
    assertThat(MigrationNames.next(List.of("custom"), null, false, List.of()))
        .isEqualTo("0001_auto");
    assertThat(MigrationNames.next(List.of("0001_initial"), "x".repeat(120), false, List.of()))
        .isEqualTo("0002_" + "x".repeat(100));
  }

  @Test
  void mergeIsNumberedAfterTheHighestLeaf() {
    assertThat(MigrationNames.merge(List.of("0003_b", "0002_a"), null))
        .isEqualTo("0004_merge_0002_a_0003_b");
    assertThat(MigrationNames.merge(List.of("0002_a", "0002_b"), "join")).isEqualTo("0003_join");
    assertThat(
            MigrationNames.merge(List.of("0002_" + "a".repeat(30), "0002_" + "b".repeat(30)), null))
        .isEqualTo("0003_merge");
  }

  @Test
  void squashedNamesAsDjango() {
    assertThat(MigrationNames.squashed(null, "0005_x", null)).isEqualTo("0001_squashed_0005_x");
    assertThat(MigrationNames.squashed(null, "0005_x", "tidy")).isEqualTo("0001_tidy");
    assertThat(MigrationNames.squashed("0002_a", "0005_x", null))
        .isEqualTo("0002_a_squashed_0005_x");
    assertThat(MigrationNames.squashed("0002_a", "0005_x", "tidy")).isEqualTo("0002_tidy");
    // Not cut: the squash names what it replaces.
    String end = "0005_" + "y".repeat(100);
    assertThat(MigrationNames.squashed(null, end, null)).isEqualTo("0001_squashed_" + end);
  }

  @Test
  void parsesNumbersAsDjango() {
    assertThat(MigrationNames.parseNumber("0002_squashed_0003")).isEqualTo(3);
    assertThat(MigrationNames.parseNumber("0002_model2_squashed_0003_other4_squashed_0005_other6"))
        .isEqualTo(5);
    assertThat(MigrationNames.parseNumber("2_squashed_4")).isEqualTo(4);
    assertThat(MigrationNames.parseNumber("0002_auto_20380101_1112")).isEqualTo(2);
    assertThat(MigrationNames.parseNumber("no_number")).isNull();
  }

  @Test
  void classNameIsMPlusTheName() {
    assertThat(MigrationNames.className("0002_book_rating")).isEqualTo("M0002_book_rating");
  }
}
