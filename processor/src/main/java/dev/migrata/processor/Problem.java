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
  UNKNOWN_INDEX_FIELD(
      "models.E012",
      Kind.ERROR,
      "@%s on %s names the field '%s', which is not a column of the model. Known fields: %s."),
  CONFLICTING_LEAVES(
      "migrata.E014",
      Kind.ERROR,
      "Conflicting migrations detected in app '%s': %s are both leaves of its migration history"
          + " (two branches were merged). Compile once with -Amigrata.merge=true to write a merge"
          + " migration (from Maven: mvn compile -Dmigrata.merge=true, with the pom's"
          + " <arg>-Amigrata.merge=${migrata.merge}</arg> shown in the README), or make one depend"
          + " on the other."),
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
          + " involved; -Amigrata.sourceRoot or a clean build may work around it."),
  // Invalid models (issues 8 and 12).
  MODEL_NOT_A_CLASS(
      "migrata.E023",
      Kind.ERROR,
      "@Model on %s is not supported, because it is %s: a model must be a class"
          + " (not an interface, enum, record or annotation type). Make %s a class, or remove"
          + " @Model."),
  MODEL_NOT_TOP_LEVEL(
      "migrata.E024",
      Kind.ERROR,
      "@Model on %s is not supported, because it is a nested class: a model must be"
          + " a top-level class of its app's package. Move %s to its own file, or remove @Model."),
  STATIC_COLUMN_FIELD(
      "migrata.E025",
      Kind.ERROR,
      "The field '%s' of %s is static, so it cannot be a column, yet it carries"
          + " @%s. Remove static, or remove the annotation."),
  ON_DELETE_MISSING(
      "migrata.E026",
      Kind.ERROR,
      "The relation '%s' of %s does not say what happens to its rows when the"
          + " referenced %s is deleted. Write @%s(onDelete = OnDelete.CASCADE) or one of the other"
          + " choices: CASCADE, PROTECT, RESTRICT, SET_NULL, SET_DEFAULT, DO_NOTHING."),
  FIELD_OPTION_ON_RELATION(
      "migrata.E027",
      Kind.ERROR,
      "@Field(%s) on the relation '%s' of %s has no effect on a relation. %s"),
  MAX_LENGTH_NOT_POSITIVE(
      "fields.E121",
      Kind.ERROR,
      "The maxLength of the field '%s' of %s must be a positive integer; it is %s."
          + " Write a positive maxLength, or remove it for a text column."),
  MAX_LENGTH_IGNORED(
      "fields.W122",
      Kind.WARNING,
      "The maxLength of the field '%s' of %s is ignored when used with %s." + " Remove it."),
  DECIMAL_PRECISION_NOT_POSITIVE(
      "fields.E133",
      Kind.ERROR,
      "The precision of the field '%s' of %s must be a positive integer; it is %s."),
  DECIMAL_SCALE_NEGATIVE(
      "fields.E131",
      Kind.ERROR,
      "The scale of the field '%s' of %s must be a non-negative integer; it is %s."),
  SCALE_ABOVE_PRECISION(
      "fields.E134",
      Kind.ERROR,
      "The precision of the field '%s' of %s must be greater than or equal to"
          + " its scale (%s < %s). Raise precision or lower scale."),
  ENUM_MAX_LENGTH_TOO_SHORT(
      "fields.E009",
      Kind.ERROR,
      "The maxLength %s of the field '%s' of %s is too small to fit the constant %s"
          + " of %s (%s characters). Raise maxLength to at least %s, or remove it."),
  DUPLICATE_COLUMN(
      "models.E007",
      Kind.ERROR,
      "The field '%s' of %s has the column name '%s', which is also the column of"
          + " %s. Give one of them another column name (column = \"...\") or rename it."),
  TWO_PRIMARY_KEYS(
      "models.E026",
      Kind.ERROR,
      "The model %s cannot have more than one primary key: '%s' and '%s' both say"
          + " primaryKey = true. Keep primaryKey on one, and a @Unique over both if they are a"
          + " composite key."),
  NULLABLE_PRIMARY_KEY(
      "fields.E007",
      Kind.ERROR,
      "Primary keys must not be nullable: the field '%s' of %s says primaryKey ="
          + " true and nullable = true. Remove nullable = true."),
  ID_NOT_PRIMARY_KEY(
      "models.E004",
      Kind.ERROR,
      "The name 'id' can only be used as a field name if the field also sets"
          + " primaryKey = true: %s gets an implicit 'id' key otherwise. Add primaryKey = true to"
          + " it, or rename the field."),
  DUPLICATE_TABLE(
      "models.E028",
      Kind.ERROR,
      "The table '%s' is used by multiple models: %s and %s. Give one of them"
          + " another table with @Model(table = \"...\")."),
  JOIN_TABLE_CLASH(
      "fields.E340",
      Kind.ERROR,
      "The join table '%s' of the many-to-many field '%s' of %s clashes with the"
          + " table of %s. Name another with @ManyToMany(table = \"...\"), or rename the model's"
          + " table."),
  TO_FIELD_NOT_UNIQUE(
      "fields.E311",
      Kind.ERROR,
      "The field '%s.%s' must be unique because it is referenced by the relation '%s'"
          + " (toField). Add unique = true to it, or point toField at a unique field."),
  SET_NULL_NOT_NULLABLE(
      "fields.E320",
      Kind.ERROR,
      "The relation '%s' of %s says onDelete = SET_NULL, but cannot be null. Add"
          + " nullable = true, or choose another onDelete."),
  RELATED_NAME_CLASH(
      "fields.E304",
      Kind.ERROR,
      "The relatedName \"%s\" of %s.%s clashes with the one of %s.%s: both are"
          + " reverse accessors on %s. Give one of them another relatedName."),
  INDEX_ON_MANY_TO_MANY(
      "models.E013",
      Kind.ERROR,
      "@%s on %s refers to the many-to-many field '%s', which has no column to"
          + " index. Remove it from the fields, or index the join model's columns instead."),
  INDEX_WITHOUT_FIELDS(
      "migrata.E028",
      Kind.ERROR,
      "@%s on %s has an empty field list. Name at least one field, or remove the" + " annotation."),
  DUPLICATE_INDEX_NAME(
      "models.E030",
      Kind.ERROR,
      "The name '%s' of @%s on %s is also the name of %s. Index and constraint"
          + " names must be unique across the project (PostgreSQL keeps them in one namespace per"
          + " schema); rename one."),
  NAME_REFUSED(
      "migrata.E029",
      Kind.ERROR,
      "The %s name \"%s\" cannot be used: %s. Choose a name every backend can" + " hold."),
  APP_LABEL_NOT_IDENTIFIER(
      "migrata.E030",
      Kind.ERROR,
      "The app label '%s' of package %s is not a valid identifier. Write"
          + " @App(\"label\") with letters, digits and underscores, not starting with a digit."),
  MIGRATIONS_PACKAGE_INVALID(
      "migrata.E031",
      Kind.ERROR,
      "@App(migrationsPackage = \"%s\") of package %s is not a package name."
          + " Write a dotted Java package name such as com.example.library.migrations."),
  DUPLICATE_APP_LABEL(
      "migrata.E032",
      Kind.ERROR,
      "Application labels aren't unique: '%s' is the label of both %s and %s. Give"
          + " one of them another label with @App(\"...\")."),
  SOURCE_ROOT_MISSING(
      "migrata.E033",
      Kind.ERROR,
      "The option -Amigrata.sourceRoot=%s names no directory. Pass the directory"
          + " holding your Java sources, or leave the option out."),
  UNRESOLVED_MODEL(
      "migrata.I003",
      Kind.NOTE,
      "Migrata wrote no migration for app '%s' because %s does not resolve; it plans the app"
          + " again once the compile errors are fixed."),
  TWO_RELATION_ANNOTATIONS(
      "migrata.E034",
      Kind.ERROR,
      "The field '%s' of %s carries more than one of @ForeignKey, @OneToOne and"
          + " @ManyToMany. Keep the one that says what the relation is."),
  // Hand-edited migrations: operation attributes and values (issues 8, 13).
  OP_ATTRIBUTE_NOT_TAKEN(
      "migrata.E035",
      Kind.ERROR,
      "The migration %s gives its %s operation the attribute '%s', which that kind does not"
          + " take: it would be ignored now and lost at the next squash. Remove it; %s takes: %s."),
  OP_ATTRIBUTE_MISSING(
      "migrata.E036",
      Kind.ERROR,
      "The migration %s has a %s operation without the attribute '%s', which that kind needs."
          + " Add it; %s takes: %s."),
  MIGRATION_VALUE_UNKNOWN(
      "migrata.E037", Kind.ERROR, "The %s = \"%s\" in the migration %s is not %s. Use one of: %s."),
  MIGRATION_FIELD_TYPE_UNKNOWN(
      "migrata.E038",
      Kind.ERROR,
      "The type = \"%s\" of field '%s' in the migration %s is neither a built-in field type nor a"
          + " class on the compile classpath implementing dev.migrata.fields.CustomFieldType."
          + " Correct it to one of %s, or add the class."),
  // Hand-edited migrations: history and raw SQL (issue 12).
  DUPLICATE_MIGRATION_NAME(
      "migrata.E060",
      Kind.ERROR,
      "The migration %s is declared twice, by %s and %s. Give this one another name (and the"
          + " @Dependency values that mean it), or delete the stale copy."),
  MIGRATION_ATTRIBUTE_EMPTY(
      "migrata.E061",
      Kind.ERROR,
      "The @Migration on %s has an empty %s, so no app can load it. Write the %s, as the"
          + " migrations Migrata writes do."),
  RUN_SQL_WITHOUT_SQL(
      "migrata.E062",
      Kind.ERROR,
      "The migration %s has a RUN_SQL operation without SQL, which does nothing. Write the"
          + " statements in sql, or remove the operation."),
  SELF_DEPENDENCY(
      "migrata.E063",
      Kind.ERROR,
      "The migration %s depends on itself, so it can never be applied. Remove that @Dependency,"
          + " or name the migration it follows."),
  DUPLICATE_CREATE_MODEL(
      "migrata.E064",
      Kind.ERROR,
      "The migration %s creates the model %s, which app '%s' already has at that point of the"
          + " migration history. Remove the operation, or delete the model before it."),
  RELATION_TO_UNKNOWN_MODEL(
      "migrata.E065",
      Kind.ERROR,
      "The field '%s' in the migration %s points to %s, which is not a model at that point of the"
          + " migration history of app '%s'. Correct to, or add a @Dependency on the migration"
          + " that creates it."),
  RAW_SQL_NOT_ONE_EXPRESSION(
      "migrata.E066",
      Kind.ERROR,
      "The %s of %s contains %s outside quotes, but it is pasted into the schema's SQL as one"
          + " expression. Write a single expression without statement separators or comments."),
  // Django's questioner asks these; javac cannot, and a wrong guess drops data.
  FIELD_LOOKS_RENAMED(
      "migrata.E050",
      Kind.ERROR,
      "Was %s.%s renamed to %s.%s (a %s)? The removed field '%s' has the same definition, and"
          + " Migrata cannot ask, so it writes no migration. Add renamedFrom = \"%s\" to '%s' to"
          + " rename the column and keep its data, or confirm that '%s' is removed (its data"
          + " dropped) with the compiler option -Amigrata.confirmRemove=%s."),
  MODEL_LOOKS_RENAMED(
      "migrata.E051",
      Kind.ERROR,
      "Was the model %s.%s renamed to %s? The deleted model %s has the same fields, and Migrata"
          + " cannot ask, so it writes no migration. Add @Model(renamedFrom = \"%s\") to %s to"
          + " rename the table and keep its rows, or confirm that %s is deleted (its rows"
          + " dropped) with the compiler option -Amigrata.confirmRemove=%s."),
  OPTION_NOT_BOOLEAN(
      "migrata.E052",
      Kind.ERROR,
      "The compiler option -A%s has the value '%s', which is neither true nor false; read as"
          + " false it would silently turn the switch off. Pass true or false. A value like"
          + " ${%s} means the pom passes a Maven property it does not define: add"
          + " <%s>false</%s> to its <properties>."),
  // W050: from 050 up, as this change's errors, so that parallel work takes no code twice.
  MIGRATION_SOURCE_DELETED(
      "migrata.W050",
      Kind.WARNING,
      "The migration %s (class %s) is left out of the history and the index because its source"
          + " %s was deleted; its class file is still in the class output. Run a clean build"
          + " (mvn clean compile) so that the jar does not ship it."),
  INDEXED_MIGRATION_GONE(
      "migrata.W051",
      Kind.WARNING,
      "The migration index of the previous compile names the migration %s, whose class %s no"
          + " longer exists (its source was deleted); it is left out of the index."),
  // Django's NotInTransactionMixin refuses these at migrate time; javac can say so first.
  CONCURRENT_OP_IN_ATOMIC_MIGRATION(
      "migrata.E067",
      Kind.ERROR,
      "The %s operation of the migration %s cannot be executed inside a transaction, and the"
          + " migration is atomic. Set atomic = false on its @Migration (and keep other"
          + " operations out of it, as nothing rolls back)."),
  // Issue 9, ORM-only options: E074-E077 and W055-W056 are this change's.
  AUTO_NOW_NOT_TEMPORAL(
      "migrata.E074",
      Kind.ERROR,
      "The field '%s' of %s has %s = true, but its type is %s: only date and time fields"
          + " (LocalDate, LocalTime, LocalDateTime, Instant, OffsetDateTime) are set to the"
          + " current time. Remove %s, or give the field a date or time type."),
  // Django's check of DateField, TimeField and DateTimeField.
  AUTO_NOW_EXCLUSIVE(
      "fields.E160",
      Kind.ERROR,
      "The options autoNow, autoNowAdd, and default are mutually exclusive. Only one of these"
          + " options may be present (field '%s' of %s): keep one of autoNow, autoNowAdd,"
          + " defaultValue and defaultMethod."),
  ORDERING_UNKNOWN_FIELD(
      "models.E015",
      Kind.ERROR,
      "The 'ordering' of %s refers to the nonexistent field, related field, or lookup '%s'."
          + " Name one of its fields (%s), with a leading - for descending order, or ? for"
          + " random order."),
  // Issue 11, JPA entities as models: E100-E119 and W070-W079 are this change's.
  JPA_USER_TYPE(
      "migrata.E100",
      Kind.ERROR,
      "The attribute '%s' of the entity %s has a Hibernate @Type (a UserType), whose column type"
          + " Migrata cannot know. Use an AttributeConverter (@Convert) to a basic type instead, or"
          + " mark the attribute @Transient and add its column with a RunSql migration."),
  JPA_UNKNOWN_CONVERTER(
      "migrata.E101",
      Kind.ERROR,
      "The converter of the attribute '%s' of the entity %s is no AttributeConverter<X, Y> with a"
          + " declared database type Y, so its column type is unknown. Name a class that implements"
          + " jakarta.persistence.AttributeConverter with both type arguments."),
  JPA_UNKNOWN_TYPE(
      "migrata.E102",
      Kind.ERROR,
      "The attribute '%s' of the entity %s has the type %s, which has no column type. Use a basic"
          + " type (String, a number, a date or time, an enum, byte[]), an @Embeddable, a relation,"
          + " a @Convert with an AttributeConverter, or mark it @Transient."),
  JPA_GENERATION_UNSUPPORTED(
      "migrata.E103",
      Kind.ERROR,
      "The id '%s' of the entity %s is generated with GenerationType.%s, which needs a sequence or"
          + " a generator table that Migrata does not create yet. Use"
          + " @GeneratedValue(strategy = GenerationType.IDENTITY) (an identity column), or assign"
          + " the id yourself."),
  JPA_TARGET_NOT_ENTITY(
      "migrata.E104",
      Kind.ERROR,
      "The relation '%s' of the entity %s points to %s, which is no @Entity or @Model. Point it to"
          + " an entity (use targetEntity for an interface type), or mark it @Transient."),
  JPA_ENTITY_INHERITANCE(
      "migrata.E105",
      Kind.ERROR,
      "The entity %s extends the entity %s: entity inheritance (@Inheritance) is not read yet. Make"
          + " the parent a @MappedSuperclass, or give the child its own table by composition."),
  JPA_ELEMENT_COLLECTION(
      "migrata.E106",
      Kind.ERROR,
      "The attribute '%s' of the entity %s is an @ElementCollection, whose collection table is not"
          + " read yet. Map the elements as an entity with a @ManyToOne to %2$s instead, or mark"
          + " the attribute @Transient and create the table with a RunSql migration."),
  JPA_UNKNOWN_INDEX_COLUMN(
      "migrata.E107",
      Kind.ERROR,
      "The column '%s' of an index or unique constraint in @Table of the entity %s is none of its"
          + " columns (%s). Name the column as it is in the table (columnList lists columns, not"
          + " attributes)."),
  JPA_NAMING_UNKNOWN(
      "migrata.E108",
      Kind.ERROR,
      "The option -Amigrata.jpa.naming=%s is unknown. Use spring (Spring Boot's default,"
          + " snake_case) or jpa (Hibernate's default, names as written)."),
  JPA_FORMULA(
      "migrata.W070",
      Kind.WARNING,
      "The attribute '%s' of the entity %s is a @Formula: Hibernate computes it with SQL, so it"
          + " has no column and Migrata creates none. Nothing to do, unless you meant a column:"
          + " then remove @Formula."),
  JPA_COLUMN_DEFINITION_IGNORED(
      "migrata.W071",
      Kind.WARNING,
      "The columnDefinition of the attribute '%s' of the entity %s is SQL for one database;"
          + " Migrata types the column from its Java type (%s) on every backend. Remove"
          + " columnDefinition, or use length, precision and scale.");

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
