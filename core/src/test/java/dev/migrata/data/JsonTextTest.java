package dev.migrata.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonTextTest {
  enum Color {
    RED
  }

  @Test
  void writesWhatJsonDumpsWrites() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", List.of(1, 2.5, true));
    map.put("b", null);
    map.put("c", Color.RED);
    assertThat(JsonText.write(map)).isEqualTo("{\"a\": [1, 2.5, true], \"b\": null, \"c\": \"RED\"}");
    assertThat(JsonText.write("pen")).isEqualTo("\"pen\"");
    assertThat(JsonText.write(Set.of("x"))).isEqualTo("[\"x\"]");
    assertThat(JsonText.write(new int[] {1, 2})).isEqualTo("[1, 2]");
    assertThat(JsonText.write("a\"b\\c\n\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\"");
  }

  @Test
  void readsBackWhatItWrote() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("list", List.of("pen", 3L, new BigDecimal("-12.5"), false));
    map.put("nested", Map.of("k", "v \u00e9 \"q\""));
    map.put("none", null);
    assertThat(JsonText.parse(JsonText.write(map))).isEqualTo(map);
    assertThat(JsonText.parse(" [ ] ")).isEqualTo(List.of());
    assertThat(JsonText.parse("{}")).isEqualTo(Map.of());
    assertThat(JsonText.parse("\"\\u00e9\"")).isEqualTo("\u00e9");
    assertThat(JsonText.parse("null")).isNull();
    assertThat(JsonText.parse("[null]")).isEqualTo(Arrays.asList((Object) null));
  }

  @Test
  void refusesWhatIsNotJson() {
    assertThatThrownBy(() -> JsonText.write(UUID.randomUUID()))
        .hasMessageContaining("java.util.UUID is not JSON");
    assertThatThrownBy(() -> JsonText.write(Double.NaN)).hasMessageContaining("no number NaN");
    assertThatThrownBy(() -> JsonText.parse("[pen]")).hasMessageContaining("at character 2");
    assertThatThrownBy(() -> JsonText.parse("[1] x")).hasMessageContaining("unexpected text");
  }
}
