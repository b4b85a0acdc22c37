package dev.migrata.internal.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.internal.state.Deconstructed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one JSON codec: the index's operations and the canonical form of JSON defaults. */
class JsonTest {
  @Test
  void indexValuesRoundTripWithTheirTypeAndAttributeOrder() {
    Deconstructed field =
        Deconstructed.builder("FieldDef").put("type", "CharField").put("maxLength", 20).build();
    Deconstructed op =
        Deconstructed.builder("Op")
            .put("kind", "ADD_FIELD")
            .put("model", "book \"x\"\n\b")
            .put("preserveDefault", false)
            .put("field", field)
            .put("names", List.of("b", "a"))
            .build();
    String text = Json.writeDeconstructed(List.of(op));
    assertThat(text)
        .isEqualTo(
            "[{\"@\":\"Op\",\"kind\":\"ADD_FIELD\",\"model\":\"book \\\"x\\\"\\n\\b\","
                + "\"preserveDefault\":false,\"field\":{\"@\":\"FieldDef\",\"type\":\"CharField\","
                + "\"maxLength\":20},\"names\":[\"b\",\"a\"]}]");
    List<Deconstructed> back = Json.readDeconstructed(text);
    assertThat(back).containsExactly(op);
    assertThat(back.get(0).values().keySet())
        .containsExactly("kind", "model", "preserveDefault", "field", "names");
    assertThat(back.get(0).values().get("field")).isInstanceOf(Deconstructed.class);
  }

  @Test
  void malformedIndexTextSaysWhere() {
    assertThatThrownBy(() -> Json.readDeconstructed("[{\"@\":\"Op\",}]"))
        .hasMessage("Malformed migration index at character 11: a key in double quotes expected.");
    assertThatThrownBy(() -> Json.readDeconstructed("[{}]"))
        .hasMessageContaining("an object without its type");
  }

  @Test
  void canonicalFormSortsKeysAtEveryDepthAndKeepsNumbersAsWritten() {
    Object value = Json.parse(" {\"b\": {\"d\": null, \"c\": [1.50, -3e+2]}, \"a\": \"\\u00e9\"} ");
    assertThat(Json.canonical(value))
        .isEqualTo("{\"a\":\"é\",\"b\":{\"c\":[1.50,-3e+2],\"d\":null}}");
    assertThat(Json.write(value)).isEqualTo("{\"b\":{\"d\":null,\"c\":[1.50,-3e+2]},\"a\":\"é\"}");
    assertThat(new ArrayList<Object>(((Map<?, ?>) value).keySet())).containsExactly("b", "a");
  }

  @Test
  void syntaxErrorsNameTheCharacter() {
    assertThatThrownBy(() -> Json.parse("[1,]"))
        .isInstanceOf(Json.SyntaxException.class)
        .hasMessage("unexpected ']' at character 4");
    assertThatThrownBy(() -> Json.parse("{\"a\": 1, \"a\": 2}"))
        .hasMessage("the key \"a\" appears twice at character 10");
  }
}
