package dev.migrata.internal.state;

import dev.migrata.internal.migration.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/**
 * The one reading of a field's {@code defaultValue} literal, for the processor (which checks it and
 * writes it in one canonical form) and the runtime (which turns it into SQL), so that a literal the
 * compiler accepts is the value the database gets.
 */
public final class DefaultLiteral {
  private DefaultLiteral() {}

  /**
   * The one form a default of {@code f}'s type is written in, so an equivalent spelling causes no
   * migration: booleans lowercased, UUIDs lowercased, durations and aware date-times in ISO form
   * (UTC, as Django serializes aware datetimes), JSON compact with sorted keys.
   *
   * @throws IllegalArgumentException (or {@link DateTimeParseException}, {@link
   *     ArithmeticException}) saying what is wrong
   */
  public static String canonical(FieldState f, String value) {
    FieldType type = f.fieldType();
    if (type == null || f.isRelation()) {
      return value;
    }
    String v = value.trim();
    if (type.isPositive() && v.startsWith("-")) {
      throw new IllegalArgumentException(
          "it is negative, and a " + type.djangoName() + " holds 0 and up.");
    }
    switch (type.family()) {
      case BOOLEAN:
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
          return v.toLowerCase(Locale.ROOT);
        }
        throw new IllegalArgumentException("write true or false.");
      case SMALL_INTEGER:
        return String.valueOf(Short.parseShort(v));
      case INTEGER:
      case AUTO:
        return String.valueOf(Integer.parseInt(v));
      case BIG_INTEGER:
      case BIG_AUTO:
        return String.valueOf(Long.parseLong(v));
      case FLOAT:
        Double.parseDouble(v);
        return v;
      case DECIMAL:
        BigDecimal d = new BigDecimal(v);
        if (f.scale() != null && d.scale() > f.scale()) {
          throw new IllegalArgumentException("it has more than " + f.scale() + " decimal places.");
        }
        return d.toPlainString();
      case DATE:
        return LocalDate.parse(v).toString();
      case TIME:
        return LocalTime.parse(v).toString();
      case LOCAL_DATE_TIME:
        return localDateTime(v).toString();
      case DATE_TIME:
        return instant(v).toString();
      case UUID:
        return UUID.fromString(v).toString();
      case DURATION:
        return duration(v).toString();
      case JSON:
        return Json.canonical(Json.parse(value));
      case CHAR:
        if (!f.choices().isEmpty() && !f.choiceValues().contains(value)) {
          throw new IllegalArgumentException(
              "it is not one of the choices " + String.join(", ", f.choiceValues()) + ".");
        }
        if (f.maxLength() != null && value.length() > f.maxLength()) {
          throw new IllegalArgumentException("it is longer than maxLength " + f.maxLength() + ".");
        }
        return value;
      default:
        return value;
    }
  }

  /** An aware date-time: ISO-8601 with an offset ({@code +02:00}) or {@code Z}. */
  public static Instant instant(String literal) {
    String text = literal.trim();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.parse(text);
    }
  }

  /** A naive date-time, ISO-8601 without an offset. */
  public static LocalDateTime localDateTime(String literal) {
    return LocalDateTime.parse(literal.trim());
  }

  /** A duration, ISO-8601 ({@code PT1H}). */
  public static Duration duration(String literal) {
    return Duration.parse(literal.trim());
  }
}
