package dev.migrata.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The default of a JSONField: a small recursive-descent JSON parser that checks the literal and
 * writes it in one canonical form, so equivalent spellings give byte-identical migrations: no
 * insignificant whitespace, object keys sorted (as Django's serializer sorts dict keys), set
 * elements sorted and distinct (Django sorts set items), strings with minimal escapes, numbers as
 * written.
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

  private final String text;
  private int pos;

  private JsonLiteral(String text) {
    this.text = text;
  }

  /**
   * The canonical form of {@code literal}.
   *
   * @throws IllegalArgumentException with a sentence saying what is wrong and how to write it
   */
  static String canonical(String literal, Container container, Element element) {
    JsonLiteral parser = new JsonLiteral(literal);
    Object value;
    try {
      parser.skipSpace();
      value = parser.value();
      parser.skipSpace();
      if (parser.pos < literal.length()) {
        throw parser.error("unexpected text after the value");
      }
    } catch (Syntax e) {
      throw new IllegalArgumentException(
          "it is not valid JSON (" + e.getMessage() + "). Write " + example(container) + ".");
    }
    switch (container) {
      case LIST:
      case SET:
        if (!(value instanceof List<?> items)) {
          throw new IllegalArgumentException(
              "a " + (container == Container.SET ? "Set" : "List") + " field needs a JSON array;"
                  + " write " + example(container) + ".");
        }
        for (Object item : items) {
          checkElement(item, element);
        }
        if (container == Container.SET) {
          TreeSet<String> sorted = new TreeSet<>();
          for (Object item : items) {
            sorted.add(write(item));
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
    return write(value);
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
        ok = item instanceof Num n && n.text.matches("-?\\d+");
        break;
      default:
        ok = item instanceof Num;
        break;
    }
    if (!ok) {
      String what = element.name().toLowerCase(java.util.Locale.ROOT);
      throw new IllegalArgumentException(
          "the value " + write(item) + " is not a JSON " + what
              + ", which the field's element type needs; write each value as a JSON " + what + ".");
    }
  }

  /** A JSON number, kept as written (it is already checked against the grammar). */
  private record Num(String text) {}

  private static final class Syntax extends RuntimeException {
    Syntax(String message) {
      super(message, null, false, false);
    }
  }

  private Syntax error(String what) {
    return new Syntax(what + " at character " + (pos + 1));
  }

  private void skipSpace() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private Object value() {
    if (pos >= text.length()) {
      throw error("a value is missing");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return keyword("true", Boolean.TRUE);
      case 'f':
        return keyword("false", Boolean.FALSE);
      case 'n':
        return keyword("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected '" + c + "'");
    }
  }

  private Object keyword(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected '" + text.charAt(pos) + "'");
    }
    pos += word.length();
    return value;
  }

  private Num number() {
    int start = pos;
    if (peek('-')) {
      pos++;
    }
    if (peek('0')) {
      pos++;
    } else if (!digits()) {
      throw error("a digit is missing");
    }
    if (peek('.')) {
      pos++;
      if (!digits()) {
        throw error("a digit is missing after '.'");
      }
    }
    if (peek('e') || peek('E')) {
      pos++;
      if (peek('+') || peek('-')) {
        pos++;
      }
      if (!digits()) {
        throw error("a digit is missing in the exponent");
      }
    }
    return new Num(text.substring(start, pos));
  }

  private boolean digits() {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    return pos > start;
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private String string() {
    pos++; // opening quote
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("a string is not closed");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        pos--;
        throw error("a control character must be escaped");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (pos >= text.length()) {
        throw error("an escape is not finished");
      }
      char e = text.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("a \\u escape needs four hex digits");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          } catch (NumberFormatException x) {
            throw error("a \\u escape needs four hex digits");
          }
          pos += 4;
        }
        default -> {
          pos -= 2;
          throw error("unknown escape '\\" + e + "'");
        }
      }
    }
  }

  private List<Object> array() {
    pos++; // [
    List<Object> items = new ArrayList<>();
    skipSpace();
    if (peek(']')) {
      pos++;
      return items;
    }
    while (true) {
      skipSpace();
      items.add(value());
      skipSpace();
      if (peek(',')) {
        pos++;
      } else if (peek(']')) {
        pos++;
        return items;
      } else {
        throw error("',' or ']' expected");
      }
    }
  }

  private Map<String, Object> object() {
    pos++; // {
    Map<String, Object> map = new TreeMap<>();
    skipSpace();
    if (peek('}')) {
      pos++;
      return map;
    }
    while (true) {
      skipSpace();
      if (!peek('"')) {
        throw error("a key in double quotes expected");
      }
      int keyAt = pos;
      String key = string();
      skipSpace();
      if (!peek(':')) {
        throw error("':' expected");
      }
      pos++;
      skipSpace();
      if (map.containsKey(key)) {
        pos = keyAt;
        throw error("the key " + write(key) + " appears twice");
      }
      map.put(key, value());
      skipSpace();
      if (peek(',')) {
        pos++;
      } else if (peek('}')) {
        pos++;
        return map;
      } else {
        throw error("',' or '}' expected");
      }
    }
  }

  private static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else if (value instanceof Num n) {
      out.append(n.text);
    } else if (value instanceof String s) {
      writeString(s, out);
    } else if (value instanceof List<?> items) {
      out.append('[');
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(items.get(i), out);
      }
      out.append(']');
    } else {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString((String) e.getKey(), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    }
  }

  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
