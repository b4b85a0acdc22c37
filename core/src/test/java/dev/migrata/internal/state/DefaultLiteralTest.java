package dev.migrata.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** The one reading of default literals, shared by the processor and the schema editors. */
class DefaultLiteralTest {
  private static String canonical(String type, String literal) {
    return DefaultLiteral.canonical(FieldState.builder("f", type).build(), literal);
  }

  @Test
  void canonicalFormsAsTheProcessorWritesThem() {
    assertThat(canonical("BooleanField", " TRUE ")).isEqualTo("true");
    assertThat(canonical("IntegerField", "007")).isEqualTo("7");
    assertThat(canonical("FloatField", " 1.50 ")).isEqualTo("1.50");
    assertThat(canonical("DateTimeField", "2024-01-01T10:00+02:00"))
        .isEqualTo("2024-01-01T08:00:00Z");
    assertThat(canonical("DurationField", "pt90m")).isEqualTo("PT1H30M");
    assertThat(canonical("UUIDField", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"))
        .isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    assertThat(canonical("JSONField", "{\"b\": 1, \"a\": [true]}"))
        .isEqualTo("{\"a\":[true],\"b\":1}");
    assertThat(canonical("CharField", " kept as written ")).isEqualTo(" kept as written ");
    assertThatThrownBy(() -> canonical("BooleanField", "yes")).hasMessage("write true or false.");
    assertThatThrownBy(() -> canonical("DateTimeField", "2024-01-01T10:00"))
        .isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void theTypedValuesTheSchemaEditorsUseReadTheSameLiterals() {
    String written = canonical("DateTimeField", "2024-01-01T10:00+02:00");
    assertThat(DefaultLiteral.instant(written))
        .isEqualTo(DefaultLiteral.instant(" 2024-01-01T10:00+02:00 "))
        .isEqualTo(Instant.parse("2024-01-01T08:00:00Z"));
    assertThat(DefaultLiteral.localDateTime(" 2024-01-01T10:00 "))
        .isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 0));
    assertThat(DefaultLiteral.duration(canonical("DurationField", "PT90M")))
        .isEqualTo(Duration.ofMinutes(90));
  }
}
