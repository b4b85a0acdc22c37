package dev.migrata.internal.state;

/**
 * The options of a field that only Django's ORM and forms use (Django's {@code non_db_attrs} and
 * the date fields' {@code auto_now}/{@code auto_now_add}): kept in the state and written in
 * migrations as Django writes them, so a change makes an {@code AlterField}, but they never reach
 * the database. Data migrations read them through {@code HistoricalModel}.
 *
 * @param verboseName the human-readable name, or {@code null} for the one derived from the name
 * @param blank whether forms accept an empty value
 * @param editable {@code false} hides the field from forms
 * @param autoNow the ORM sets the field to now on every save
 * @param autoNowAdd the ORM sets the field to now when the row is created
 */
public record OrmOptions(
    String verboseName, boolean blank, boolean editable, boolean autoNow, boolean autoNowAdd) {

  /** Django's defaults: derived verbose name, not blank, editable, no automatic time. */
  public static final OrmOptions NONE = new OrmOptions(null, false, true, false, false);

  public OrmOptions {
    verboseName = verboseName == null || verboseName.isEmpty() ? null : verboseName;
  }

  /** Whether the ORM fills the field with the current time (either automatic option). */
  public boolean fillsNow() {
    return autoNow || autoNowAdd;
  }

  /**
   * The method whose value fills existing rows when an automatic date or time field is added
   * without a default: Django's {@code effective_default} ({@code timezone.now}, {@code
   * date.today}, ...) and the answer to its {@code auto_now_add} question. {@code null} when the
   * field is not one.
   */
  public static String nowMethod(FieldState field) {
    FieldType type = field.fieldType();
    if (!field.orm().fillsNow() || type == null) {
      return null;
    }
    return switch (type) {
      case DATE -> "java.time.LocalDate::now";
      case TIME -> "java.time.LocalTime::now";
      case LOCAL_DATE_TIME -> "java.time.LocalDateTime::now";
      case DATE_TIME -> "java.time.Instant::now";
      default -> null;
    };
  }

  /**
   * Whether existing rows get the empty string when the field is added: Django's {@code
   * effective_default} for a non-null {@code blank} field that allows empty strings.
   */
  public static boolean fillsEmptyString(FieldState field) {
    FieldType type = field.fieldType();
    return !field.nullable()
        && field.orm().blank()
        && (type == FieldType.CHAR || type == FieldType.TEXT);
  }

  /** Appends the options that differ from Django's defaults, in {@code FieldDef}'s order. */
  Deconstructed.Builder writeTo(Deconstructed.Builder b) {
    return b.string("verboseName", verboseName)
        .bool("blank", blank, false)
        .bool("editable", editable, true)
        .bool("autoNow", autoNow, false)
        .bool("autoNowAdd", autoNowAdd, false);
  }

  static OrmOptions readFrom(Deconstructed d) {
    OrmOptions read =
        new OrmOptions(
            d.string("verboseName", null),
            d.bool("blank", false),
            d.bool("editable", true),
            d.bool("autoNow", false),
            d.bool("autoNowAdd", false));
    return read.orNone();
  }

  /**
   * {@link #NONE} when these are Django's defaults, else these: one shared instance for the common
   * case. Compared member by member: the record's {@code equals} is linked on first use in each
   * class loader, and a build's processor runs in a new one per compile.
   */
  public OrmOptions orNone() {
    boolean none = verboseName == null && !blank && editable && !autoNow && !autoNowAdd;
    return none ? NONE : this;
  }
}
