package dev.migrata.internal.backends.base;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import java.util.EnumMap;
import java.util.Map;

/**
 * The column type of each built-in field type on one backend, as a table (Django's {@code
 * data_types} and {@code data_types_suffix}). Types are templates: {@code {maxLength}}, {@code
 * {precision}} and {@code {scale}} come from the field. A reference to an auto key is declared as
 * the matching integer (Django's {@code AutoField.rel_db_type}), one to a positive integer as the
 * plain integer where the backend allows it; custom field types never reach
 * this table.
 */
public final class DataTypes {
  private final Map<FieldType, String> types = new EnumMap<>(FieldType.class);
  private final Map<FieldType, String> suffixes = new EnumMap<>(FieldType.class);
  private final Map<FieldType, String> checks = new EnumMap<>(FieldType.class);
  private String unsizedChar;
  private String unsizedCharError;
  private boolean relatedFieldsMatchType;

  /** Sets the column type of {@code fieldTypes}. */
  public DataTypes type(String columnType, FieldType... fieldTypes) {
    for (FieldType t : fieldTypes) {
      types.put(t, columnType);
    }
    return this;
  }

  /** Text after the rest of the column definition, e.g. {@code AUTOINCREMENT}. */
  public DataTypes suffix(String suffix, FieldType... fieldTypes) {
    for (FieldType t : fieldTypes) {
      suffixes.put(t, suffix);
    }
    return this;
  }

  /**
   * A check on every column of {@code fieldTypes} (Django's {@code data_type_check_constraints}),
   * with {@code {column}} for the quoted column name.
   */
  public DataTypes check(String condition, FieldType... fieldTypes) {
    for (FieldType t : fieldTypes) {
      checks.put(t, condition);
    }
    return this;
  }

  /** The type of a {@code CharField} without {@code maxLength}. */
  public DataTypes unsizedChar(String columnType) {
    unsizedChar = columnType;
    return this;
  }

  /** Where there is no unsized char type: the error, with {@code {field}} for the field name. */
  public DataTypes unsizedCharError(String message) {
    unsizedCharError = message;
    return this;
  }

  /**
   * A foreign key to a positive integer key is declared with the key's own type (MySQL's {@code
   * UNSIGNED}; Django's {@code related_fields_match_type}) instead of the plain integer.
   */
  public DataTypes relatedFieldsMatchType(boolean v) {
    relatedFieldsMatchType = v;
    return this;
  }

  /**
   * The column type of {@code field}, whose built-in type is {@code type}; a type with a Django
   * {@code max_length} default ({@code EmailField} 254, ...) takes it when the field has none.
   */
  public String of(FieldType type, FieldState field) {
    if (type == FieldType.CHAR && field.maxLength() == null) {
      if (unsizedChar == null) {
        throw new IllegalArgumentException(unsizedCharError.replace("{field}", field.name()));
      }
      return unsizedChar;
    }
    String template = types.get(type);
    if (template == null) {
      throw new IllegalArgumentException(
          "Field '" + field.name() + "' of type " + field.type() + " has no column.");
    }
    Integer maxLength = field.maxLength() != null ? field.maxLength() : type.defaultMaxLength();
    return template
        .replace("{maxLength}", String.valueOf(maxLength))
        .replace("{precision}", String.valueOf(field.precision()))
        .replace("{scale}", String.valueOf(field.scale()));
  }

  /**
   * The type a column referring to a key of {@code type} is declared as: the integer an auto key
   * counts in, else {@code null} (the key's own type).
   */
  public String rel(FieldType type, FieldState target) {
    if (type == FieldType.AUTO) {
      return of(FieldType.INTEGER, target);
    }
    if (type == FieldType.BIG_AUTO) {
      return of(FieldType.BIG_INTEGER, target);
    }
    if (type == FieldType.SMALL_AUTO) {
      return of(FieldType.SMALL_INTEGER, target);
    }
    // Django's PositiveIntegerRelDbTypeMixin: the plain integer, unless types must match.
    if (type.isPositive() && !relatedFieldsMatchType) {
      return of(type.family(), target);
    }
    return null;
  }

  /** The suffix of {@code type}'s columns, or {@code null}. */
  public String suffix(FieldType type) {
    return type == null ? null : suffixes.get(type);
  }

  /** The column check of {@code type}'s columns, with {@code {column}} to fill, or {@code null}. */
  public String check(FieldType type) {
    return type == null ? null : checks.get(type);
  }
}
