package dev.migrata.internal.state;

import java.util.HashMap;
import java.util.Map;

/** The built-in field types, named as Django's field classes. */
public enum FieldType {
  BIG_AUTO("BigAutoField"),
  AUTO("AutoField"),
  BOOLEAN("BooleanField"),
  SMALL_INTEGER("SmallIntegerField"),
  INTEGER("IntegerField"),
  BIG_INTEGER("BigIntegerField"),
  FLOAT("FloatField"),
  DECIMAL("DecimalField"),
  CHAR("CharField"),
  TEXT("TextField"),
  DATE("DateField"),
  TIME("TimeField"),
  /** A time-zone aware date-time ({@code Instant}, {@code OffsetDateTime}). */
  DATE_TIME("DateTimeField"),
  /** A naive date-time ({@code LocalDateTime}). */
  LOCAL_DATE_TIME("LocalDateTimeField"),
  UUID("UUIDField"),
  BINARY("BinaryField"),
  DURATION("DurationField"),
  /** Lists, sets and maps ({@code List}, {@code Set}, {@code Map<String, ?>}) stored as JSON. */
  JSON("JSONField"),
  FOREIGN_KEY("ForeignKey"),
  ONE_TO_ONE("OneToOneField"),
  MANY_TO_MANY("ManyToManyField");

  private static final Map<String, FieldType> BY_NAME = new HashMap<>();

  static {
    for (FieldType type : values()) {
      BY_NAME.put(type.djangoName, type);
    }
  }

  private final String djangoName;

  FieldType(String djangoName) {
    this.djangoName = djangoName;
  }

  /** The name written in migrations, e.g. {@code CharField}. */
  public String djangoName() {
    return djangoName;
  }

  /** The type named {@code name} in a migration, or {@code null} if it is not a built-in type. */
  public static FieldType byName(String name) {
    return BY_NAME.get(name);
  }

  public boolean isRelation() {
    return this == FOREIGN_KEY || this == ONE_TO_ONE || this == MANY_TO_MANY;
  }

  /** Whether the field has a column in its model's table (many-to-many fields do not). */
  public boolean hasColumn() {
    return this != MANY_TO_MANY;
  }

  public boolean isAuto() {
    return this == BIG_AUTO || this == AUTO;
  }
}
