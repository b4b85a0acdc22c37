package dev.migrata.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.migration.MigrationNames;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.DeleteModel;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.state.FieldState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Django's naming examples (django-behaviour section 4.5). */
class MigrationNamerTest {
  private static Operation create(String name) {
    return new CreateModel(name, List.of(FieldState.autoId()), List.of(), List.of(), null, null, true);
  }

  @Test
  void suggestsNamesAsDjango() {
    assertThat(MigrationNamer.suggest(List.of(create("Person")))).isEqualTo("person");
    assertThat(MigrationNamer.suggest(List.of(new DeleteModel("Person")))).isEqualTo("delete_person");
    assertThat(MigrationNamer.suggest(List.of(create("Person"), new DeleteModel("Animal"))))
        .isEqualTo("person_delete_animal");
    assertThat(
            MigrationNamer.suggest(
                List.of(
                    create("Person1"),
                    create("Person2"),
                    create("Person3"),
                    new DeleteModel("Person4"),
                    new DeleteModel("Person5"))))
        .isEqualTo("person1_person2_person3_delete_person4_and_more");
    assertThat(MigrationNamer.suggest(List.of(create("a".repeat(53))))).isEqualTo("a".repeat(53));
  }

  @Test
  void numbersFollowTheLeaf() {
    assertThat(MigrationNamer.name(null, true, null, List.of(create("Book"))))
        .isEqualTo("0001_initial");
    MigrationKey leaf = new MigrationKey("library", "0002_squashed_0003");
    assertThat(MigrationNamer.name(leaf, false, null, List.of(new DeleteModel("Book"))))
        .isEqualTo("0004_delete_book");
    assertThat(MigrationNamer.name(new MigrationKey("library", "0003_x"), false, "data_fix", List.of()))
        .isEqualTo("0004_data_fix");
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
