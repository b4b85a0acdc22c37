package dev.migrata.internal.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value taken apart into its annotation form, as Django's {@code deconstruct()}: the simple
 * name of the migration annotation it is written as ({@code Op}, {@code FieldDef}, {@code
 * IndexDef}, {@code ConstraintDef}, {@code Migration}, {@code Dependency}) and its explicitly set
 * attributes, in the annotation's declaration order.
 *
 * <p>Attribute values are {@code String}, {@code Integer}, {@code Boolean}, {@code
 * List<String>}, {@code Deconstructed} or {@code List<Deconstructed>}; enum constants are kept as
 * their names. Absent attributes take the annotation's default. The processor reads annotation
 * mirrors into this form and writes it back as Java; the runtime index stores it as JSON; so each
 * operation needs only one {@code deconstruct} and one {@code reconstruct}.
 */
public final class Deconstructed {
  private final String type;
  private final Map<String, Object> values;

  public Deconstructed(String type, Map<String, Object> values) {
    this.type = type;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static Builder builder(String type) {
    return new Builder(type);
  }

  public String type() {
    return type;
  }

  public Map<String, Object> values() {
    return values;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public String string(String key, String fallback) {
    Object value = values.get(key);
    return value == null ? fallback : (String) value;
  }

  public int integer(String key, int fallback) {
    Object value = values.get(key);
    return value == null ? fallback : ((Number) value).intValue();
  }

  public boolean bool(String key, boolean fallback) {
    Object value = values.get(key);
    return value == null ? fallback : (Boolean) value;
  }

  @SuppressWarnings("unchecked")
  public List<String> strings(String key) {
    Object value = values.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof String s) {
      return List.of(s);
    }
    return (List<String>) value;
  }

  @SuppressWarnings("unchecked")
  public List<Deconstructed> children(String key) {
    Object value = values.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof Deconstructed d) {
      return List.of(d);
    }
    return (List<Deconstructed>) value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Deconstructed other && type.equals(other.type) && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, values);
  }

  @Override
  public String toString() {
    return "@" + type + values;
  }

  /** Collects attributes, skipping those equal to the annotation default. */
  public static final class Builder {
    private final String type;
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Builder(String type) {
      this.type = type;
    }

    /** Always sets the value (required attributes). */
    public Builder put(String key, Object value) {
      values.put(key, value);
      return this;
    }

    public Builder string(String key, String value) {
      if (value != null && !value.isEmpty()) {
        values.put(key, value);
      }
      return this;
    }

    /** For optional strings where "" is meaningful: written as a one-element array. */
    public Builder optionalString(String key, String value) {
      if (value != null) {
        values.put(key, List.of(value));
      }
      return this;
    }

    public Builder integer(String key, Integer value) {
      if (value != null && value != -1) {
        values.put(key, value);
      }
      return this;
    }

    public Builder bool(String key, boolean value, boolean fallback) {
      if (value != fallback) {
        values.put(key, value);
      }
      return this;
    }

    public Builder strings(String key, List<String> value) {
      if (value != null && !value.isEmpty()) {
        values.put(key, List.copyOf(value));
      }
      return this;
    }

    public Builder children(String key, List<Deconstructed> value) {
      if (value != null && !value.isEmpty()) {
        values.put(key, new ArrayList<>(value));
      }
      return this;
    }

    /** Lets {@code part} append its attributes (a value kept in a record of its own). */
    public Builder apply(java.util.function.UnaryOperator<Builder> part) {
      return part.apply(this);
    }

    public Deconstructed build() {
      return new Deconstructed(type, values);
    }
  }
}
