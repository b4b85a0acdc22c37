package dev.migrata.internal.migration;

import dev.migrata.internal.state.Deconstructed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of {@link Deconstructed} values used in the runtime index: an object per value,
 * with its annotation type under {@code "@"}. Small and dependency-free because the runtime reads
 * it at every start.
 */
final class Json {
  private Json() {}

  static String write(List<Deconstructed> values) {
    StringBuilder out = new StringBuilder();
    writeValue(out, values);
    return out.toString();
  }

  static List<Deconstructed> readList(String text) {
    Parser p = new Parser(text);
    Object value = p.value();
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("unexpected text after the value");
    }
    List<Deconstructed> result = new ArrayList<>();
    for (Object o : (List<?>) value) {
      result.add((Deconstructed) o);
    }
    return result;
  }

  private static void writeValue(StringBuilder out, Object value) {
    if (value instanceof String s) {
      writeString(out, s);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Deconstructed d) {
      out.append("{\"@\":");
      writeString(out, d.type());
      for (Map.Entry<String, Object> e : d.values().entrySet()) {
        out.append(',');
        writeString(out, e.getKey());
        out.append(':');
        writeValue(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeValue(out, list.get(i));
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("Cannot write " + value + " to the index.");
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
      }
      int start = pos;
      while (pos < text.length() && (text.charAt(pos) == '-' || Character.isDigit(text.charAt(pos)))) {
        pos++;
      }
      if (start == pos) {
        throw error("unexpected character '" + c + "'");
      }
      return Integer.parseInt(text.substring(start, pos));
    }

    private Deconstructed object() {
      pos++;
      Map<String, Object> values = new LinkedHashMap<>();
      String type = null;
      skipSpace();
      if (text.charAt(pos) == '}') {
        pos++;
        throw error("an object without its type");
      }
      while (true) {
        skipSpace();
        String key = string();
        skipSpace();
        expect(':');
        Object value = value();
        if (key.equals("@")) {
          type = (String) value;
        } else {
          values.put(key, value);
        }
        skipSpace();
        if (text.charAt(pos) == ',') {
          pos++;
        } else {
          expect('}');
          break;
        }
      }
      if (type == null) {
        throw error("an object without its type");
      }
      return new Deconstructed(type, values);
    }

    private List<Object> array() {
      pos++;
      List<Object> values = new ArrayList<>();
      skipSpace();
      if (text.charAt(pos) == ']') {
        pos++;
        return values;
      }
      while (true) {
        values.add(value());
        skipSpace();
        if (text.charAt(pos) == ',') {
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
        char c = text.charAt(pos++);
        if (c == '"') {
          return out.toString();
        }
        if (c == '\\') {
          char e = text.charAt(pos++);
          switch (e) {
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
              out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
              pos += 4;
            }
            default -> out.append(e);
          }
        } else {
          out.append(c);
        }
      }
    }

    private void expect(char c) {
      if (pos >= text.length() || text.charAt(pos) != c) {
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
      return new IllegalArgumentException("Malformed migration index at character " + pos + ": " + what + ".");
    }
  }
}
