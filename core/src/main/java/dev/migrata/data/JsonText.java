package dev.migrata.data;

import dev.migrata.internal.migration.Json;
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
 * {@code Long} or {@code BigDecimal}, {@code Boolean} and null. The text itself is Migrata's one
 * codec ({@link Json}); this class only maps Java values onto its model and back.
 */
final class JsonText {
  private JsonText() {}

  static String write(Object value) {
    return Json.writeSpaced(toJson(value));
  }

  static Object parse(String text) {
    return fromJson(Json.parse(text));
  }

  private static Object toJson(Object value) {
    if (value == null || value instanceof Boolean) {
      return value;
    } else if (value instanceof CharSequence || value instanceof Character) {
      return value.toString();
    } else if (value instanceof Enum<?> e) {
      return e.name();
    } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())
        || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
      throw new IllegalArgumentException("JSON has no number " + value + ".");
    } else if (value instanceof BigDecimal d) {
      return new Json.Num(d.toPlainString());
    } else if (value instanceof Number) {
      return new Json.Num(value.toString());
    } else if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), toJson(v)));
      return out;
    } else if (value instanceof Iterable<?> items) {
      List<Object> out = new ArrayList<>();
      items.forEach(item -> out.add(toJson(item)));
      return out;
    } else if (value.getClass().isArray() && !(value instanceof byte[])) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        out.add(toJson(Array.get(value, i)));
      }
      return out;
    }
    throw new IllegalArgumentException(
        "A " + value.getClass().getName() + " is not JSON: give a JSONField maps, lists, sets,"
            + " strings, numbers, booleans or null.");
  }

  private static Object fromJson(Object value) {
    if (value instanceof Json.Num n) {
      BigDecimal d = new BigDecimal(n.text());
      if (n.text().matches("-?\\d+")) {
        BigInteger i = d.toBigIntegerExact();
        return i.bitLength() < 64 ? (Object) i.longValue() : i;
      }
      return d;
    } else if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, fromJson(v)));
      return out;
    } else if (value instanceof List<?> items) {
      List<Object> out = new ArrayList<>();
      items.forEach(item -> out.add(fromJson(item)));
      return out;
    }
    return value;
  }
}
