package dev.migrata.processor;

import javax.tools.Diagnostic.Kind;

/**
 * Every diagnostic the processor can raise, in one place (as MapStruct and Dagger keep theirs), so
 * the wording stays consistent and each one has a test. Messages are full sentences that say how to
 * fix the problem; {@code %s} placeholders are filled by {@link Reporter}.
 *
 * <p>Each message starts with a stable code in brackets, which users search for and may filter on,
 * so a code is never renumbered or reused: Django's system-check id where Django has a check for
 * the same mistake ({@code fields.E312}), otherwise Migrata's own ({@code migrata.E001}, {@code W}
 * for warnings, {@code I} for notes), numbered in the order the constants were added. A new
 * constant takes the next free number of its kind. README.md lists every code with its fix;
 * ProblemCatalogueTest keeps the two in step.
 */
enum Problem {
  NON_NULL_FIELD_WITHOUT_DEFAULT(
      "migrata.E001",
      Kind.ERROR,
      "It is impossible to add the non-nullable field '%s' to %s without a default, because the"
          + " database needs a value for the existing rows. Add @Field(defaultValue = \"...\") (or"
          + " dbDefault), or make the field nullable."),
  NULL_TO_NOT_NULL_WITHOUT_DEFAULT(
      "migrata.E002",
      Kind.ERROR,
      "It is impossible to change the nullable field '%s' on %s to non-nullable without a default,"
          + " because existing rows may hold NULL. Add @Field(defaultValue = \"...\") (or"
          + " dbDefault), or keep nullable = true."),
  TEMPORAL_FIELD_WITHOUT_DEFAULT(
      "migrata.E003",
      Kind.ERROR,
      "It is impossible to add the non-nullable date/time field '%s' to %s without a default,"
          + " because the database needs a value for the existing rows. Add"
          + " @Field(defaultMethod = \"java.time.Instant::now\") (Django's auto_now_add), a"
          + " defaultValue or dbDefault, or make the field nullable."),
  UNIQUE_CALLABLE_DEFAULT(
      "migrata.W001",
      Kind.WARNING,
      "The callable default of the unique field %s.%s is called once for all existing rows, so"
          + " it will not give them unique values. Fill the column with a RunSql or RunJava"
          + " operation, or add the field as nullable first."),
  DELETED_MODEL_REFERENCED(
      "migrata.E004",
      Kind.ERROR,
      "The model %s of app '%s' is deleted, but %s.%s still points at it. Remove or re-point"
          + " that relation in the same change, or keep the model."),
  CUSTOM_TYPE_UNKNOWN(
      "migrata.E005",
      Kind.ERROR,
      "The field '%s' names the field type '%s', which is neither a built-in field type nor a"
          + " class on the compile classpath implementing dev.migrata.fields.CustomFieldType."
          + " Correct @Field(type) or add the class."),
  CUSTOM_TYPE_DEPRECATED(
      "fields.W900", Kind.WARNING, "Field '%s' of %s uses the deprecated field type %s: %s%s"),
  CUSTOM_TYPE_REMOVED(
      "fields.E900",
      Kind.ERROR,
      "Field '%s' of %s uses the field type %s, which was removed: %s%s Historical"
          + " migrations that name it still load; change the field to another type."),
  DEFAULT_METHOD_UNKNOWN(
      "migrata.E006",
      Kind.ERROR,
      "The defaultMethod \"%s\" of field '%s' is not a public static method without parameters"
          + " on a class of the compile classpath. Write it as com.example.Type::method."),
  INVALID_DEFAULT(
      "migrata.E007", Kind.ERROR, "The defaultValue \"%s\" of field '%s' is not a valid %s: %s"),
  TO_FIELD_UNKNOWN(
      "fields.E312",
      Kind.ERROR,
      "The relation '%s' names toField = \"%s\", which is not a field of %s. Known fields: %s."),
  MERGE_WRITTEN(
      "migrata.I001", Kind.NOTE, "Migrata wrote merge migration %s to %s: it depends on %s."),
  UNKNOWN_TYPE(
      "migrata.E008",
      Kind.ERROR,
      "Migrata does not know how to store the Java type %s of field '%s'. Use a supported type"
          + " (boolean, short, int, long, float, double, BigDecimal, String, LocalDate, LocalTime,"
          + " LocalDateTime, Instant, OffsetDateTime, UUID, byte[], Duration, an enum, or a List,"
          + " Set or Map<String, ...> stored as JSON) or name the field type with"
          + " @Field(type = \"...\")."),
  JSON_MAP_KEY_NOT_STRING(
      "migrata.E009",
      Kind.ERROR,
      "The map type %s of field '%s' is stored as a JSON object, whose keys are strings. Declare"
          + " it as Map<String, ...>, or name another field type with @Field(type = \"...\")."),
  DECIMAL_WITHOUT_PRECISION(
      "fields.E132",
      Kind.ERROR,
      "The BigDecimal field '%s' needs a precision (Django's max_digits, the number of digits in"
          + " all). Write @Field(precision = 10, scale = 2) with the numbers you need."),
  DECIMAL_WITHOUT_SCALE(
      "fields.E130",
      Kind.ERROR,
      "The BigDecimal field '%s' needs a scale (Django's decimal_places, the digits after the"
          + " point). Write @Field(precision = 10, scale = 2) with the numbers you need."),
  NULLABLE_PRIMITIVE(
      "migrata.E010",
      Kind.ERROR,
      "The field '%s' has the primitive type %s, which cannot hold null, but says nullable = true."
          + " Use the boxed type (%s) or remove nullable = true."),
  RELATION_TARGET_NOT_MODEL(
      "fields.E300",
      Kind.ERROR,
      "The relation '%s' points to %s, which is not a @Model. Annotate %s with @Model or point"
          + " the relation at a model."),
  THROUGH_NOT_MODEL(
      "fields.E331",
      Kind.ERROR,
      "The @ManyToMany field '%s' names through = %s.class, which is not a @Model. Annotate %s"
          + " with @Model (with a @ForeignKey to each side), or remove through to get an automatic"
          + " join table."),
  MANY_TO_MANY_NOT_COLLECTION(
      "migrata.E011",
      Kind.ERROR,
      "The @ManyToMany field '%s' must be a Set<Target> or List<Target> of a @Model; it is %s."),
  MODEL_RENAMED_FROM_UNKNOWN(
      "migrata.E012",
      Kind.ERROR,
      "@Model(renamedFrom = \"%s\") on %s names no model of app '%s' in the migration history."
          + " Known models: %s. Correct the old class name or remove renamedFrom."),
  FIELD_RENAMED_FROM_UNKNOWN(
      "migrata.E013",
      Kind.ERROR,
      "The renamedFrom = \"%s\" on field '%s' names no field of model %s in the migration history,"
          + " or one that still exists. Known removed fields: %s. Correct the old field name or"
          + " remove renamedFrom."),
  LOOKS_LIKE_RENAME(
      "migrata.W002",
      Kind.WARNING,
      "The field '%s' on model %s has the same definition as the removed field '%s', so this looks"
          + " like a rename. Without renamedFrom Migrata removes '%s' and adds '%s', losing the"
          + " column's data; add renamedFrom = \"%s\" to rename it instead."),
  UNKNOWN_INDEX_FIELD(
      "models.E012",
      Kind.ERROR,
      "@%s on %s names the field '%s', which is not a column of the model. Known fields: %s."),
  CONFLICTING_LEAVES(
      "migrata.E014",
      Kind.ERROR,
      "Conflicting migrations detected in app '%s': %s are both leaves of its migration history"
          + " (two branches were merged). Compile once with -Amigrata.merge=true to write a merge"
          + " migration, or make one depend on the other."),
  INVALID_MIGRATION(
      "migrata.E015",
      Kind.ERROR,
      "The migration %s cannot be replayed: %s Correct the migration's annotation values."),
  RUN_JAVA_METHOD(
      "migrata.E016",
      Kind.ERROR,
      "The migration %s runs the RunJava method %s.%s, which %s. Declare it in that class as:"
          + " static void %s(dev.migrata.data.HistoricalModels apps,"
          + " dev.migrata.schema.SchemaEditor editor)"),
  MISSING_DEPENDENCY(
      "migrata.E017",
      Kind.ERROR,
      "The migration %s depends on %s, which does not exist. Correct its @Dependency or restore"
          + " the missing migration."),
  SOURCE_ROOT_UNKNOWN(
      "migrata.E018",
      Kind.ERROR,
      "Migrata cannot find the source directory to write the migration %s into. Pass the"
          + " compiler option -Amigrata.sourceRoot=<the directory holding your Java sources>."),
  MIGRATION_FILE_EXISTS(
      "migrata.E019",
      Kind.ERROR,
      "The migration file %s already exists but is not part of this compilation, so Migrata will"
          + " not overwrite it. Add it to the compilation (it belongs in the source tree) or"
          + " delete it if it is stale."),
  WRITE_FAILED(
      "migrata.E020",
      Kind.ERROR,
      "Migrata could not write %s: %s. Check that the directory is writable."),
  CHANGES_NOT_MIGRATED(
      "migrata.E021",
      Kind.ERROR,
      "Your models in app(s): %s have changes that are not yet reflected in a migration. Compile"
          + " without -Amigrata.check=true to write them:%s"),
  WOULD_WRITE("migrata.W003", Kind.WARNING, "Would write %s: %s"),
  MIGRATION_WRITTEN("migrata.I002", Kind.NOTE, "Migrata wrote migration %s to %s: %s"),
  INTERNAL_ERROR(
      "migrata.E022",
      Kind.ERROR,
      "Migrata failed unexpectedly (%s). Please report this with the models and migrations"
          + " involved; -Amigrata.sourceRoot or a clean build may work around it.");

  private final String code;
  private final Kind kind;
  private final String format;

  Problem(String code, Kind kind, String format) {
    this.code = code;
    this.kind = kind;
    this.format = format;
  }

  /** The stable code, {@code migrata.E001} or Django's {@code fields.E312}. */
  String code() {
    return code;
  }

  Kind kind() {
    return kind;
  }

  /** The message as printed: the code in brackets, then the sentence. */
  String message(Object... args) {
    return message(code, args);
  }

  /**
   * The message under another code: a custom field type's {@code @FieldTypeDeprecated(id)} names
   * its own, as Django's {@code system_check_deprecated_details} does.
   */
  String message(String code, Object... args) {
    return "[" + code + "] " + format(args);
  }

  String format(Object... args) {
    return String.format(format, args);
  }
}
