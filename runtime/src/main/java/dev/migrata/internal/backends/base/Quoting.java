package dev.migrata.internal.backends.base;

import dev.migrata.fields.CustomFieldTypes;
import dev.migrata.fields.DefaultMethods;
import dev.migrata.internal.state.DefaultLiteral;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.OrmOptions;
import dev.migrata.internal.state.ProjectState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Identifiers and values as one backend writes them in SQL (Django's {@code quote_name} and {@code
 * quote_value}): the identifier quote, string escapes, boolean spelling, and the literals of
 * defaults, which follow the backend's {@link Features} (native UUIDs, intervals, time zones).
 */
public final class Quoting {
  /** Date-times as every backend reads them: a space, not ISO's {@code T}; microseconds. */
  static final DateTimeFormatter SQL_DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  private final String vendor;
  private final char nameQuote;
  private final boolean backslashEscapes;
  private final String trueLiteral;
  private final String falseLiteral;
  private final Features features;

  /**
   * @param vendor the name custom field types are asked about ({@code Backend.vendor()})
   * @param nameQuote the identifier quote, {@code "} or {@code `}
   * @param backslashEscapes whether a backslash escapes in string literals (MySQL): it is doubled
   */
  public Quoting(
      String vendor,
      char nameQuote,
      boolean backslashEscapes,
      String trueLiteral,
      String falseLiteral,
      Features features) {
    this.vendor = vendor;
    this.nameQuote = nameQuote;
    this.backslashEscapes = backslashEscapes;
    this.trueLiteral = trueLiteral;
    this.falseLiteral = falseLiteral;
    this.features = features;
  }

  public String vendor() {
    return vendor;
  }

  /**
   * Quotes an identifier, always, with embedded quote characters doubled. Unlike Django's {@code
   * quote_name}, a name that already starts and ends with the quote is quoted again: names come
   * from model annotations, and passing {@code "x" (id int); DROP TABLE victim; CREATE TABLE "y"}
   * through verbatim would run it (issue 12).
   */
  public String name(String name) {
    String q = String.valueOf(nameQuote);
    return q + name.replace(q, q + q) + q;
  }

  public String string(String value) {
    String escaped = backslashEscapes ? value.replace("\\", "\\\\") : value;
    return "'" + escaped.replace("'", "''") + "'";
  }

  public String booleanLiteral(boolean value) {
    return value ? trueLiteral : falseLiteral;
  }

  /**
   * The SQL literal that fills existing rows when {@code field} is added or made non-null: its
   * literal default, or one value of its default method (Django calls a callable default once), or
   * {@code null} when it has neither.
   */
  public String effectiveDefault(ProjectState state, FieldState field) {
    if (field.defaultValue() != null) {
      return value(state, field, field.defaultValue());
    }
    if (field.defaultMethod() != null) {
      return value(state, field, DefaultMethods.call(field.defaultMethod()));
    }
    // Django's effective_default for what the ORM fills itself: now, or the empty string.
    String now = OrmOptions.nowMethod(field);
    if (now != null) {
      return value(state, field, DefaultMethods.call(now));
    }
    if (OrmOptions.fillsEmptyString(field)) {
      return value(state, field, "");
    }
    return null;
  }

  /**
   * The SQL literal for a field's {@code defaultValue}: numbers as they are, booleans as this
   * backend spells them, everything else a quoted string.
   */
  public String value(ProjectState state, FieldState field, String literal) {
    FieldType type = field.fieldType();
    if (type == FieldType.FOREIGN_KEY || type == FieldType.ONE_TO_ONE) {
      FieldState target = Fields.targetField(state, field);
      return target == null ? numberOrString(literal) : value(state, target, literal);
    }
    if (type == null) {
      String custom =
          CustomFieldTypes.load(field.type())
              .literal(vendor, literal, CustomFieldTypes.arguments(field.args()));
      return custom != null ? custom : string(literal);
    }
    switch (type.family()) {
      case BOOLEAN:
        return booleanLiteral(
            literal.equalsIgnoreCase("true") || literal.equals("1") || literal.equals("t"));
      case AUTO:
      case BIG_AUTO:
      case SMALL_INTEGER:
      case INTEGER:
      case BIG_INTEGER:
      case FLOAT:
      case DECIMAL:
        return numberOrString(literal);
      case DURATION:
        return durationLiteral(literal);
      case DATE_TIME:
        return awareDateTimeLiteral(DefaultLiteral.instant(literal));
      case LOCAL_DATE_TIME:
        return string(
            parseOrKeep(literal, s -> DefaultLiteral.localDateTime(s).format(SQL_DATE_TIME)));
      case UUID:
        return string(features.hasNativeUuidField() ? literal : literal.replace("-", ""));
      default:
        return string(literal);
    }
  }

  /**
   * An aware date-time default (written in migrations as ISO-8601 in UTC, as Django serializes it):
   * with its offset where columns keep one, else in UTC without an offset, as Django does on SQLite
   * and MySQL.
   */
  private String awareDateTimeLiteral(Instant instant) {
    String utc = instant.atOffset(ZoneOffset.UTC).format(SQL_DATE_TIME);
    return string(features.supportsTimezones() ? utc + "+00:00" : utc);
  }

  /**
   * A duration default (ISO-8601 in migrations, e.g. {@code PT1H}): an interval read from the ISO
   * text where the database has the type, else Django's {@code bigint} of microseconds.
   */
  private String durationLiteral(String literal) {
    String text = literal.trim();
    if (features.hasNativeDurationField()) {
      return string(text.matches("-?\\d+") ? text + " microseconds" : text) + "::interval";
    }
    if (NUMBER.matcher(text).matches()) {
      return text;
    }
    return Long.toString(DefaultLiteral.duration(text).toNanos() / 1000);
  }

  private static String parseOrKeep(String literal, UnaryOperator<String> f) {
    try {
      return f.apply(literal.trim());
    } catch (DateTimeParseException e) {
      return literal;
    }
  }

  private String numberOrString(String literal) {
    return NUMBER.matcher(literal.trim()).matches() ? literal.trim() : string(literal);
  }
}
