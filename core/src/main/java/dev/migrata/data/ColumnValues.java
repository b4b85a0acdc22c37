package dev.migrata.data;

import dev.migrata.annotations.ChoiceValue;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Django's {@code get_db_prep_value} and {@code from_db_value} for the row API: a Java value is
 * bound in the form the field's column holds on each backend (the form the schema editor writes
 * defaults in), and read back as the field's Java type. JSON is JSON text ({@code jsonb} on
 * PostgreSQL); UUIDs are 32 hex digits where there is no UUID type; SQLite keeps dates and times
 * as ISO text; aware date-times are stored in UTC; durations are microseconds where there is no
 * interval type. Enums are stored by name and read back as that name (a historical model has no
 * enum classes).
 */
final class ColumnValues {
  /** Date-times as the schema editor writes them: a space, not ISO's {@code T}; microseconds. */
  private static final DateTimeFormatter SQL_DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

  /** ISO dates and times with a space or a {@code T}, optional fraction and offset. */
  private static final DateTimeFormatter READ_DATE_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  private static final Pattern PG_INTERVAL =
      Pattern.compile(
          "(?:(-?\\d+) years? ?)?(?:(-?\\d+) mons? ?)?(?:(-?\\d+) days? ?)?"
              + "(?:([-+])?(\\d+):(\\d\\d):(\\d\\d)(?:\\.(\\d{1,9}))?)?");

  private final String vendor;

  ColumnValues(String vendor) {
    this.vendor = vendor;
  }

  private boolean sqlite() {
    return "sqlite".equals(vendor);
  }

  private boolean postgres() {
    return "postgresql".equals(vendor);
  }

  /** Binds {@code value} for a column of {@code type} (null: a column Migrata has no type for). */
  void bind(PreparedStatement ps, int index, FieldState field, FieldType type, Object value)
      throws SQLException {
    if (value == null) {
      ps.setObject(index, null);
      return;
    }
    if (type == null) {
      ps.setObject(index, value instanceof Enum<?> e ? enumValue(e) : value);
      return;
    }
    if (type == FieldType.GENERIC_IP && postgres()) {
      ps.setObject(index, value.toString(), Types.OTHER); // untyped, so the server reads inet
      return;
    }
    switch (type.family()) {
      case JSON -> {
        String json = JsonText.write(value);
        if (postgres()) {
          ps.setObject(index, json, Types.OTHER); // untyped, so the server reads it as jsonb
        } else {
          ps.setString(index, json);
        }
      }
      case UUID -> {
        UUID uuid = value instanceof UUID u ? u : uuid(value.toString());
        if (postgres()) {
          ps.setObject(index, uuid);
        } else {
          ps.setString(index, uuid.toString().replace("-", ""));
        }
      }
      case CHAR, TEXT ->
          ps.setString(index, value instanceof Enum<?> e ? enumValue(e) : value.toString());
      case BOOLEAN -> ps.setBoolean(index, bool(value));
      case DECIMAL -> {
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        if (sqlite()) {
          ps.setString(index, d.toPlainString());
        } else {
          ps.setBigDecimal(index, d);
        }
      }
      case DATE -> {
        LocalDate d = value instanceof LocalDate l ? l : LocalDate.parse(value.toString());
        if (sqlite()) {
          ps.setString(index, d.toString());
        } else {
          ps.setObject(index, d);
        }
      }
      case TIME -> {
        LocalTime t = value instanceof LocalTime l ? l : LocalTime.parse(value.toString());
        if (sqlite()) {
          ps.setString(index, t.format(SQL_TIME));
        } else {
          ps.setObject(index, t);
        }
      }
      case LOCAL_DATE_TIME -> {
        LocalDateTime t = localDateTime(value);
        if (sqlite()) {
          ps.setString(index, t.format(SQL_DATE_TIME));
        } else {
          ps.setObject(index, t);
        }
      }
      case DATE_TIME -> {
        OffsetDateTime utc = utc(value);
        if (sqlite()) {
          ps.setString(index, utc.toLocalDateTime().format(SQL_DATE_TIME));
        } else if (postgres()) {
          ps.setObject(index, utc);
        } else {
          ps.setObject(index, utc.toLocalDateTime()); // datetime(6) holds UTC, as Django's
        }
      }
      case DURATION -> {
        long micros = micros(value instanceof Duration d ? d : Duration.parse(value.toString()));
        if (postgres()) {
          ps.setObject(index, micros + " microseconds", Types.OTHER);
        } else {
          ps.setLong(index, micros);
        }
      }
      case BINARY -> ps.setBytes(index, (byte[]) value);
      // An enum on an integer field (Django's IntegerChoices) stores its mapped integer.
      case SMALL_INTEGER, INTEGER, BIG_INTEGER -> ps.setObject(
          index, value instanceof Enum<?> e ? Long.valueOf(enumValue(e)) : value);
      default -> ps.setObject(index, value instanceof Enum<?> e ? enumValue(e) : value);
    }
  }

  /** What an enum constant stores: its {@code @ChoiceValue} value, else its name. */
  static String enumValue(Enum<?> constant) {
    try {
      ChoiceValue mapped =
          constant.getDeclaringClass().getField(constant.name()).getAnnotation(ChoiceValue.class);
      return mapped == null ? constant.name() : mapped.value();
    } catch (NoSuchFieldException e) {
      return constant.name();
    }
  }

  /** Reads column {@code index} as the Java type of a field of {@code type}. */
  Object read(ResultSet rs, int index, FieldState field, FieldType type) throws SQLException {
    if (type == null) {
      return rs.getObject(index);
    }
    if (type == FieldType.GENERIC_IP) {
      return rs.getString(index);
    }
    switch (type.family()) {
      case JSON -> {
        String text = rs.getString(index);
        return text == null ? null : JsonText.parse(text);
      }
      case UUID -> {
        Object v = rs.getObject(index);
        return v == null || v instanceof UUID ? v : uuid(v.toString());
      }
      case BOOLEAN -> {
        Object v = rs.getObject(index);
        return v == null ? null : bool(v);
      }
      case DECIMAL -> {
        String text = rs.getString(index);
        if (text == null) {
          return null;
        }
        BigDecimal d = new BigDecimal(text);
        return field.scale() == null ? d : d.setScale(field.scale(), RoundingMode.HALF_EVEN);
      }
      case DATE -> {
        return sqlite() ? parse(rs.getString(index), LocalDate::parse)
            : rs.getObject(index, LocalDate.class);
      }
      case TIME -> {
        return sqlite() ? parse(rs.getString(index), LocalTime::parse)
            : rs.getObject(index, LocalTime.class);
      }
      case LOCAL_DATE_TIME -> {
        return sqlite() ? parse(rs.getString(index), ColumnValues::localDateTime)
            : rs.getObject(index, LocalDateTime.class);
      }
      case DATE_TIME -> {
        if (postgres()) {
          OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
          return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (sqlite()) {
          return parse(rs.getString(index), ColumnValues::utc);
        }
        LocalDateTime t = rs.getObject(index, LocalDateTime.class);
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
      }
      case DURATION -> {
        if (postgres()) {
          return parse(rs.getString(index), ColumnValues::interval);
        }
        long micros = rs.getLong(index);
        return rs.wasNull() ? null : Duration.of(micros, ChronoUnit.MICROS);
      }
      case BINARY -> {
        return rs.getBytes(index);
      }
      default -> {
        return rs.getObject(index);
      }
    }
  }

  private interface Parse {
    Object apply(String text);
  }

  private static Object parse(String text, Parse parse) {
    return text == null ? null : parse.apply(text.trim());
  }

  private static UUID uuid(String text) {
    String hex = text.replace("-", "");
    if (hex.length() != 32) {
      throw new IllegalArgumentException("Not a UUID: '" + text + "'.");
    }
    return new UUID(
        Long.parseUnsignedLong(hex.substring(0, 16), 16),
        Long.parseUnsignedLong(hex.substring(16), 16));
  }

  private static boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      return n.longValue() != 0;
    }
    String s = value.toString().trim();
    return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("t") || s.equals("1");
  }

  private static LocalDateTime localDateTime(Object value) {
    if (value instanceof LocalDateTime t) {
      return t;
    }
    return LocalDateTime.from(READ_DATE_TIME.parse(value.toString().trim()));
  }

  /** An aware date-time in UTC; text without an offset is UTC already (how it is stored). */
  private static OffsetDateTime utc(Object value) {
    if (value instanceof OffsetDateTime t) {
      return t.withOffsetSameInstant(ZoneOffset.UTC);
    }
    if (value instanceof ZonedDateTime t) {
      return t.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
    if (value instanceof Instant t) {
      return t.atOffset(ZoneOffset.UTC);
    }
    String text = value.toString().trim();
    if (EPOCH_MILLIS.matcher(text).matches()) {
      // Hibernate's SQLite dialect (and the SQLite JDBC driver) store an instant as epoch millis.
      return Instant.ofEpochMilli(Long.parseLong(text)).atOffset(ZoneOffset.UTC);
    }
    var parsed = READ_DATE_TIME.parse(text);
    LocalDateTime local = LocalDateTime.from(parsed);
    if (!parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
      return local.atOffset(ZoneOffset.UTC);
    }
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS));
    return local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{9,}");

  private static long micros(Duration d) {
    return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1000);
  }

  /**
   * PostgreSQL's interval output (IntervalStyle {@code postgres}, the default), e.g. {@code 1 day
   * -02:03:04.5}; months count 30 days and years 365.25 as PostgreSQL's own epoch extraction.
   */
  private static Duration interval(String text) {
    Matcher m = PG_INTERVAL.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("Not a PostgreSQL interval: '" + text + "'.");
    }
    long days = 0;
    if (m.group(1) != null) {
      days += Math.round(Long.parseLong(m.group(1)) * 365.25);
    }
    if (m.group(2) != null) {
      days += Long.parseLong(m.group(2)) * 30;
    }
    if (m.group(3) != null) {
      days += Long.parseLong(m.group(3));
    }
    Duration d = Duration.ofDays(days);
    if (m.group(5) != null) {
      String fraction = m.group(8) == null ? "0" : (m.group(8) + "000000000").substring(0, 9);
      Duration time =
          Duration.ofHours(Long.parseLong(m.group(5)))
              .plusMinutes(Long.parseLong(m.group(6)))
              .plusSeconds(Long.parseLong(m.group(7)))
              .plusNanos(Long.parseLong(fraction));
      d = "-".equals(m.group(4)) ? d.minus(time) : d.plus(time);
    }
    return d;
  }
}
