package dev.migrata.processor;

import dev.migrata.internal.migration.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The default of a JSONField: the literal is parsed with the core's {@link Json} codec, checked
 * against the shape of the Java field, and written in its one canonical form, so equivalent
 * spellings give byte-identical migrations: no insignificant whitespace, object keys sorted (as
 * Django's serializer sorts dict keys), set elements sorted and distinct (Django sorts set items),
 * strings with minimal escapes, numbers as written.
 */
final class JsonLiteral {
  /** What the Java field holds, so the literal can be checked against it. */
  enum Container {
    /** Any JSON value ({@code @Field(type = "JSONField")} on another type). */
    ANY,
    LIST,
    SET,
    MAP
  }

  /** The JSON kind each element (list, set) or value (map) must have; null for any. */
  enum Element {
    STRING,
    INTEGER,
    NUMBER,
    BOOLEAN
  }

  private JsonLiteral() {}

  /**
   * The canonical form of {@code literal}.
   *
   * @throws IllegalArgumentException with a sentence saying what is wrong and how to write it
   */
  static String canonical(String literal, Container container, Element element) {
    Object value;
    try {
      value = Json.parse(literal);
    } catch (Json.SyntaxException e) {
      throw new IllegalArgumentException(
          "it is not valid JSON (" + e.getMessage() + "). Write " + example(container) + ".");
    }
    switch (container) {
      case LIST:
      case SET:
        if (!(value instanceof List<?> items)) {
          throw new IllegalArgumentException(
              "a "
                  + (container == Container.SET ? "Set" : "List")
                  + " field needs a JSON array;"
                  + " write "
                  + example(container)
                  + ".");
        }
        for (Object item : items) {
          checkElement(item, element);
        }
        if (container == Container.SET) {
          TreeSet<String> sorted = new TreeSet<>();
          for (Object item : items) {
            sorted.add(Json.canonical(item));
          }
          return "[" + String.join(",", sorted) + "]";
        }
        break;
      case MAP:
        if (!(value instanceof Map<?, ?> map)) {
          throw new IllegalArgumentException(
              "a Map field needs a JSON object; write " + example(container) + ".");
        }
        for (Object item : map.values()) {
          checkElement(item, element);
        }
        break;
      default:
        break;
    }
    return Json.canonical(value);
  }

  private static String example(Container container) {
    switch (container) {
      case LIST:
      case SET:
        return "a JSON array such as [] or [\"a\", \"b\"]";
      case MAP:
        return "a JSON object such as {} or {\"key\": 1}";
      default:
        return "a JSON value such as [\"a\", \"b\"] or {\"key\": 1}";
    }
  }

  private static void checkElement(Object item, Element element) {
    if (element == null || item == null) {
      return;
    }
    boolean ok;
    switch (element) {
      case STRING:
        ok = item instanceof String;
        break;
      case BOOLEAN:
        ok = item instanceof Boolean;
        break;
      case INTEGER:
        ok = item instanceof Json.Num n && n.text().matches("-?\\d+");
        break;
      default:
        ok = item instanceof Json.Num;
        break;
    }
    if (!ok) {
      String what = element.name().toLowerCase(Locale.ROOT);
      throw new IllegalArgumentException(
          "the value "
              + Json.canonical(item)
              + " is not a JSON "
              + what
              + ", which the field's element type needs; write each value as a JSON "
              + what
              + ".");
    }
  }
}
