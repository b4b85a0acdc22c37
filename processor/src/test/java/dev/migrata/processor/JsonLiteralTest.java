package dev.migrata.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.processor.JsonLiteral.Container;
import dev.migrata.processor.JsonLiteral.Element;
import org.junit.jupiter.api.Test;

/** The JSONField default check and its one canonical form. */
class JsonLiteralTest {
  private static String any(String literal) {
    return JsonLiteral.canonical(literal, Container.ANY, null);
  }

  @Test
  void canonicalFormHasNoSpacesSortedKeysAndMinimalEscapes() {
    assertThat(any(" [ 1 , 2.50 , -3e+2 ] ")).isEqualTo("[1,2.50,-3e+2]");
    assertThat(any("{\"b\": {\"d\": null, \"c\": true}, \"a\": []}"))
        .isEqualTo("{\"a\":[],\"b\":{\"c\":true,\"d\":null}}");
    assertThat(any("\"\\u0061\\/\\\"\\\\\\n\\u0001\"")).isEqualTo("\"a/\\\"\\\\\\n\\u0001\"");
    assertThat(any("\"é ☃\"")).isEqualTo("\"é ☃\"");
    assertThat(any("false")).isEqualTo("false");
  }

  @Test
  void setsAreSortedAndDistinct() {
    assertThat(JsonLiteral.canonical("[\"b\", \"a\", \"b\"]", Container.SET, Element.STRING))
        .isEqualTo("[\"a\",\"b\"]");
    assertThat(JsonLiteral.canonical("[\"b\", \"a\"]", Container.LIST, Element.STRING))
        .isEqualTo("[\"b\",\"a\"]");
  }

  @Test
  void elementKindsAreChecked() {
    assertThat(JsonLiteral.canonical("{\"a\": 1, \"b\": null}", Container.MAP, Element.INTEGER))
        .isEqualTo("{\"a\":1,\"b\":null}");
    assertThatThrownBy(() -> JsonLiteral.canonical("[1.5]", Container.LIST, Element.INTEGER))
        .hasMessageContaining("the value 1.5 is not a JSON integer");
    assertThatThrownBy(() -> JsonLiteral.canonical("[\"x\"]", Container.LIST, Element.BOOLEAN))
        .hasMessageContaining("is not a JSON boolean");
  }

  @Test
  void invalidJsonSaysWhereAndHowToWriteIt() {
    assertThatThrownBy(() -> any("[1,]")).hasMessage(
        "it is not valid JSON (unexpected ']' at character 4). Write a JSON value such as"
            + " [\"a\", \"b\"] or {\"key\": 1}.");
    assertThatThrownBy(() -> any("{'a': 1}")).hasMessageContaining("a key in double quotes expected");
    assertThatThrownBy(() -> any("{\"a\": 1, \"a\": 2}")).hasMessageContaining("the key \"a\" appears twice");
    assertThatThrownBy(() -> any("[01]")).hasMessageContaining("',' or ']' expected at character 3");
    assertThatThrownBy(() -> any("[1] x")).hasMessageContaining("unexpected text after the value");
    assertThatThrownBy(() -> any("\"a")).hasMessageContaining("a string is not closed");
    assertThatThrownBy(() -> any("")).hasMessageContaining("a value is missing");
    assertThatThrownBy(() -> any("nul")).hasMessageContaining("unexpected 'n'");
  }
}
