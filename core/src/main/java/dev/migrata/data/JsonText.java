package dev.migrata.data;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON text of a JSONField value, as Django's {@code json.dumps} / {@code json.loads}: maps,
 * lists, sets and arrays, strings (a string is a JSON string, not JSON text), numbers, booleans,
 * null and enums (by name). Reading gives {@code LinkedHashMap}, {@code ArrayList}, {@code String},
 * {@code Long} or {@code BigDecimal}, {@code Boolean} and null.
 */
final class JsonText {
  private JsonText() {}

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value);
    return out.toString();
  }

  static Object parse(String text) {
    Parser p = new Parser(text);
    Object value = p.value();
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("unexpected text after the value");
    }
    return value;
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof CharSequence || value instanceof Character) {
      writeString(out, value.toString());
    } else if (value instanceof Enum<?> e) {
      writeString(out, e.name());
    } else if (value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())
        || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
      throw new IllegalArgumentException("JSON has no number " + value + ".");
    } else if (value instanceof BigDecimal d) {
      out.append(d.toPlainString());
    } else if (value instanceof Number) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(first ? "" : ", ");
        first = false;
        writeString(out, String.valueOf(e.getKey()));
        out.append(": ");
        write(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof Iterable<?> items) {
      out.append('[');
      boolean first = true;
      for (Object item : items) {
        out.append(first ? "" : ", ");
        first = false;
        write(out, item);
      }
      out.append(']');
    } else if (value.getClass().isArray() && !(value instanceof byte[])) {
      List<Object> items = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        items.add(Array.get(value, i));
      }
      write(out, items);
    } else {
      throw new IllegalArgumentException(
          "A " + value.getClass().getName() + " is not JSON: give a JSONField maps, lists, sets,"
              + " strings, numbers, booleans or null.");
    }
  }

  private static void writeString(StringBuilder out, String s) {
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

  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    Object value() {
      skipSpace();
      if (pos >= text.length()) {
        throw error("unexpected end");
      }
      char c = text.charAt(pos);
      if (c == '{') {
        return object();
      } else if (c == '[') {
        return array();
      } else if (c == '"') {
        return string();
      } else if (text.startsWith("true", pos)) {
        pos += 4;
        return Boolean.TRUE;
      } else if (text.startsWith("false", pos)) {
        pos += 5;
        return Boolean.FALSE;
      } else if (text.startsWith("null", pos)) {
        pos += 4;
        return null;
      }
      return number();
    }

    private Object number() {
      int start = pos;
      while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
      String n = text.substring(start, pos);
      if (n.isEmpty()) {
        throw error("unexpected character '" + text.charAt(pos) + "'");
      }
      try {
        BigDecimal d = new BigDecimal(n);
        if (n.matches("-?\\d+")) {
          BigInteger i = d.toBigIntegerExact();
          return i.bitLength() < 64 ? (Object) i.longValue() : i;
        }
        return d;
      } catch (NumberFormatException | ArithmeticException e) {
        throw error("bad number '" + n + "'");
      }
    }

    private Map<String, Object> object() {
      pos++;
      Map<String, Object> values = new LinkedHashMap<>();
      skipSpace();
      if (peek() == '}') {
        pos++;
        return values;
      }
      while (true) {
        skipSpace();
        String key = string();
        skipSpace();
        expect(':');
        values.put(key, value());
        skipSpace();
        if (peek() == ',') {
          pos++;
        } else {
          expect('}');
          return values;
        }
      }
    }

    private List<Object> array() {
      pos++;
      List<Object> values = new ArrayList<>();
      skipSpace();
      if (peek() == ']') {
        pos++;
        return values;
      }
      while (true) {
        values.add(value());
        skipSpace();
        if (peek() == ',') {
          pos++;
        } else {
          expect(']');
          return values;
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        if (pos >= text.length()) {
          throw error("unterminated string");
        }
        char c = text.charAt(pos++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = text.charAt(pos++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> out.append(e);
        }
      }
    }

    private char peek() {
      if (pos >= text.length()) {
        throw error("unexpected end");
      }
      return text.charAt(pos);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException(
          "Not JSON at character " + pos + " (" + what + "): " + text);
    }
  }
}
