package dev.migrata.internal.migration;

import dev.migrata.internal.state.Deconstructed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Migrata's one JSON codec (RFC 8259, small and dependency-free because the runtime reads the index
 * with it at every start): the runtime index's operations, and the processor's JSONField defaults
 * in their one canonical form. Parsed values are {@code Map<String, Object>} (in written order),
 * {@code List<Object>}, {@code String}, {@link Num}, {@code Boolean} and {@code null}.
 */
public final class Json {
  private Json() {}

  /** A JSON number, kept as written (the grammar is checked), so it is written back unchanged. */
  public record Num(String text) {}

  /** Text that is not JSON: what is wrong, at which character (0-based). */
  public static final class SyntaxException extends IllegalArgumentException {
    private final String what;
    private final int position;

    SyntaxException(String what, int position) {
      super(what + " at character " + (position + 1), null);
      this.what = what;
      this.position = position;
    }

    public String what() {
      return what;
    }

    public int position() {
      return position;
    }
  }

  /**
   * The value {@code text} holds, which must be all JSON (whitespace around it aside).
   *
   * @throws SyntaxException saying what is wrong and where
   */
  public static Object parse(String text) {
    Parser p = new Parser(text);
    p.skipSpace();
    Object value = p.value();
    p.skipSpace();
    if (p.pos < text.length()) {
      throw p.error("unexpected text after the value");
    }
    return value;
  }

  /** Compact JSON: no whitespace, object keys in their map's order, minimal string escapes. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, false);
    return out.toString();
  }

  /**
   * The one canonical form of a value, so equivalent spellings compare (and are written) equal:
   * compact, object keys sorted at every depth (as Django's serializer sorts dict keys).
   */
  public static String canonical(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, true);
    return out.toString();
  }

  /** The index form of {@link Deconstructed} values: an object each, its type under {@code "@"}. */
  public static String writeDeconstructed(List<Deconstructed> values) {
    StringBuilder out = new StringBuilder();
    writeIndexValue(values, out);
    return out.toString();
  }

  /**
   * What {@code write(indexValue(value))} writes, character for character, without building the
   * maps and lists in between: the index and every checksum write each migration's operations.
   */
  private static void writeIndexValue(Object value, StringBuilder out) {
    if (value instanceof String s) {
      writeString(s, out);
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      out.append(value);
    } else if (value instanceof Deconstructed d) {
      if (d.type() == null || d.values().containsKey("@")) {
        write(indexValue(d), out, false); // the general way, for what no annotation declares
        return;
      }
      out.append("{\"@\":");
      writeString(d.type(), out);
      for (Map.Entry<String, Object> e : d.values().entrySet()) {
        out.append(',');
        writeString(e.getKey(), out);
        out.append(':');
        writeIndexValue(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeIndexValue(list.get(i), out);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("Cannot write " + value + " to the index.");
    }
  }

  /** Reads what {@link #writeDeconstructed} wrote. */
  static List<Deconstructed> readDeconstructed(String text) {
    Object value;
    try {
      value = parse(text);
    } catch (SyntaxException e) {
      throw malformed(e.position(), e.what());
    }
    if (!(value instanceof List<?> list)) {
      throw malformed(0, "expected '['");
    }
    List<Deconstructed> result = new ArrayList<>();
    for (Object o : list) {
      if (!(fromIndex(o) instanceof Deconstructed d)) {
        throw malformed(0, "an array of objects expected");
      }
      result.add(d);
    }
    return result;
  }

  private static IllegalArgumentException malformed(int position, String what) {
    return new IllegalArgumentException(
        "Malformed migration index at character " + position + ": " + what + ".");
  }

  private static Object indexValue(Object value) {
    if (value instanceof String || value instanceof Boolean) {
      return value;
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return new Num(value.toString());
    } else if (value instanceof Deconstructed d) {
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("@", d.type());
      d.values().forEach((k, v) -> object.put(k, indexValue(v)));
      return object;
    } else if (value instanceof List<?> list) {
      return list.stream().map(Json::indexValue).toList();
    }
    throw new IllegalArgumentException("Cannot write " + value + " to the index.");
  }

  /** Index values from parsed ones, converting the parser's own lists and maps in place. */
  @SuppressWarnings("unchecked")
  private static Object fromIndex(Object value) {
    if (value instanceof Num n) {
      try {
        return Integer.valueOf(n.text());
      } catch (NumberFormatException e) {
        throw malformed(0, "the number " + n.text() + " is not an integer");
      }
    } else if (value instanceof List<?> list) {
      // Loops, not replaceAll with a lambda: this reads the replay cache's state on a processor
      // cache hit, where each lambda is a class spun anew (a build tool loads Migrata per compile).
      ListIterator<Object> values = ((List<Object>) list).listIterator();
      while (values.hasNext()) {
        values.set(fromIndex(values.next()));
      }
      return list;
    } else if (value instanceof Map<?, ?> map) {
      Map<String, Object> values = (Map<String, Object>) map;
      if (!(values.remove("@") instanceof String type)) {
        throw malformed(0, "an object without its type");
      }
      for (Map.Entry<String, Object> e : values.entrySet()) {
        e.setValue(fromIndex(e.getValue()));
      }
      return new Deconstructed(type, values);
    } else if (value == null) {
      throw malformed(0, "null is not an index value");
    }
    return value;
  }

  /**
   * JSON as Python's {@code json.dumps} writes it by default (a space after {@code ,} and {@code
   * :}), which is what Django stores in a JSONField column.
   */
  public static String writeSpaced(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, false, true);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out, boolean sortKeys) {
    write(value, out, sortKeys, false);
  }

  private static void write(Object value, StringBuilder out, boolean sortKeys, boolean spaced) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else if (value instanceof Num n) {
      out.append(n.text());
    } else if (value instanceof String s) {
      writeString(s, out);
    } else if (value instanceof List<?> items) {
      out.append('[');
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          out.append(spaced ? ", " : ",");
        }
        write(items.get(i), out, sortKeys, spaced);
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : (sortKeys ? new TreeMap<>(map) : map).entrySet()) {
        if (!first) {
          out.append(spaced ? ", " : ",");
        }
        first = false;
        writeString((String) e.getKey(), out);
        out.append(spaced ? ": " : ":");
        write(e.getValue(), out, sortKeys, spaced);
      }
      out.append('}');
    } else {
      throw new IllegalArgumentException("Cannot write " + value + " as JSON.");
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

  /** Recursive descent over RFC 8259's grammar. */
  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    SyntaxException error(String what) {
      return new SyntaxException(what, pos);
    }

    void skipSpace() {
      while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
    }

    Object value() {
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
      Map<String, Object> map = new LinkedHashMap<>();
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
  }
}
