package dev.migrata.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a historical model: values by Java field name, as the field's Java type (JSON as
 * maps, lists, strings, numbers; UUID; LocalDate, LocalTime, LocalDateTime; aware date-times as
 * OffsetDateTime in UTC; Duration; BigDecimal; byte[]; Boolean; enums by name; numbers as JDBC
 * returned them).
 */
public final class Row {
  private final Map<String, Object> values;
  private final String primaryKey;

  Row(Map<String, Object> values, String primaryKey) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.primaryKey = primaryKey;
  }

  public Object get(String field) {
    if (!values.containsKey(field)) {
      throw new IllegalArgumentException("No field '" + field + "' in " + values.keySet() + ".");
    }
    return values.get(field);
  }

  public String getString(String field) {
    Object v = get(field);
    return v == null ? null : v.toString();
  }

  public Long getLong(String field) {
    Object v = get(field);
    return v == null ? null : v instanceof Number n ? n.longValue() : Long.valueOf(v.toString());
  }

  public Integer getInt(String field) {
    Long v = getLong(field);
    return v == null ? null : Math.toIntExact(v);
  }

  /** The primary key's value. */
  public Object pk() {
    return values.get(primaryKey);
  }

  public Map<String, Object> values() {
    return values;
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
