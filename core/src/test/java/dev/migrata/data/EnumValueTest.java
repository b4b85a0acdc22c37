package dev.migrata.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.annotations.ChoiceValue;
import org.junit.jupiter.api.Test;

/** What a data migration stores for an enum constant: its {@code @ChoiceValue}, else its name. */
class EnumValueTest {
  enum Language {
    @ChoiceValue(value = "pt-br", label = "Brazilian Portuguese")
    PT_BR,
    EN
  }

  @Test
  void mappedConstantsStoreTheirValue() {
    assertThat(ColumnValues.enumValue(Language.PT_BR)).isEqualTo("pt-br");
    assertThat(ColumnValues.enumValue(Language.EN)).isEqualTo("EN");
  }
}
