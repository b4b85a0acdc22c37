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
  MANY_TO_MANY("ManyToManyField"),
  // Django's further field types by name (issue 9); each stores as one of the types above
  // (family()), with its own column type on some backends.
  SMALL_AUTO("SmallAutoField"),
  POSITIVE_SMALL_INTEGER("PositiveSmallIntegerField"),
  POSITIVE_INTEGER("PositiveIntegerField"),
  POSITIVE_BIG_INTEGER("PositiveBigIntegerField"),
  EMAIL("EmailField"),
  URL("URLField"),
  SLUG("SlugField"),
  FILE("FileField"),
  IMAGE("ImageField"),
  GENERIC_IP("GenericIPAddressField"),
  /** Django's {@code FilePathField}: a {@code varchar(100)}; its path options are ORM-only. */
  FILE_PATH("FilePathField");

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
    return this == BIG_AUTO || this == AUTO || this == SMALL_AUTO;
  }

  /**
   * The type whose literals and values this one shares: a positive integer is its integer, the
   * string types by name are a {@code CharField}, {@code SmallAutoField} a small integer; every
   * other type is itself.
   */
  public FieldType family() {
    return switch (this) {
      case SMALL_AUTO, POSITIVE_SMALL_INTEGER -> SMALL_INTEGER;
      case POSITIVE_INTEGER -> INTEGER;
      case POSITIVE_BIG_INTEGER -> BIG_INTEGER;
      case EMAIL, URL, SLUG, FILE, IMAGE, FILE_PATH, GENERIC_IP -> CHAR;
      default -> this;
    };
  }

  /**
   * Whether the column is a {@code varchar(maxLength)} (on every backend but PostgreSQL's inet).
   */
  public boolean isSizedText() {
    return family() == CHAR;
  }

  /**
   * Django's {@code max_length} default of the type ({@code EmailField} 254, {@code URLField} 200,
   * {@code SlugField} 50, {@code FileField}/{@code ImageField}/{@code FilePathField} 100, {@code
   * GenericIPAddressField} 39), or {@code null}.
   */
  public Integer defaultMaxLength() {
    return switch (this) {
      case EMAIL -> 254;
      case URL -> 200;
      case SLUG -> 50;
      case FILE, IMAGE, FILE_PATH -> 100;
      case GENERIC_IP -> 39;
      default -> null;
    };
  }

  /**
   * {@code maxLength} as Django's {@code deconstruct()} keeps it, so equal fields compare equal:
   * {@code EmailField} always writes it (254 when not given), {@code URLField}, {@code SlugField}
   * and the file fields drop their default, {@code GenericIPAddressField} never has one.
   */
  public Integer deconstructedMaxLength(Integer maxLength) {
    return switch (this) {
      case EMAIL -> maxLength == null ? defaultMaxLength() : maxLength;
      case URL, SLUG, FILE, IMAGE, FILE_PATH ->
          defaultMaxLength().equals(maxLength) ? null : maxLength;
      case GENERIC_IP -> null;
      default -> maxLength;
    };
  }

  /** Django's {@code SlugField} has {@code db_index=True} unless told otherwise. */
  public boolean indexedByDefault() {
    return this == SLUG;
  }

  /** The positive integers, whose column has Django's {@code CHECK ("col" >= 0)}. */
  public boolean isPositive() {
    return this == POSITIVE_SMALL_INTEGER
        || this == POSITIVE_INTEGER
        || this == POSITIVE_BIG_INTEGER;
  }
}
