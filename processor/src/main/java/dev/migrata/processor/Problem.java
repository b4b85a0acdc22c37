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
  // E068-E073, W052-W054: Django's field types by name, default auto field, explicit choices.
  DEFAULT_AUTO_FIELD_UNKNOWN(
      "migrata.E068",
      Kind.ERROR,
      "The default auto field '%s' of %s is not one of AutoField, BigAutoField or SmallAutoField"
          + " (Django's DEFAULT_AUTO_FIELD). Write one of them, or leave it out for"
          + " BigAutoField."),
  FIELD_TYPE_DOES_NOT_FIT(
      "migrata.E069",
      Kind.ERROR,
      "The field '%s' of %s is declared as %s, which does not fit its Java type %s; %s is for"
          + " %s. Change the Java type, or choose another type."),
  DUPLICATE_CHOICE(
      "migrata.E070",
      Kind.ERROR,
      "The choice value '%s' of the field '%s' of %s is given twice. Give each choice its own"
          + " value."),
  INVALID_CHOICE(
      "migrata.E071",
      Kind.ERROR,
      "The choice '%s' of the field '%s' of %s is not a value of its type %s: %s Write"
          + " \"value=label\" with a value the column can hold."),
  CHOICES_ON_ENUM(
      "migrata.E072",
      Kind.ERROR,
      "The field '%s' of %s is an enum, whose constants are its choices, and also declares"
          + " choices. Remove choices, and map the constants to other values or labels with"
          + " @ChoiceValue(value = \"...\", label = \"...\") on each constant."),
  CHOICE_VALUES_REMOVED(
      "migrata.W052",
      Kind.WARNING,
      "The choices of the field '%s' of %s no longer include %s, and the migration changes no"
          + " rows: rows holding them keep them. If values were renamed (an enum constant given a"
          + " @ChoiceValue, say), add a RunSql or RunJava operation to this migration that updates"
          + " them."),
  AUTO_FIELD_NOT_PRIMARY_KEY(
      "fields.E100",
      Kind.ERROR,
      "AutoFields must set primary_key=True: the field '%s' of %s is declared as %s without"
          + " primaryKey = true. Add primaryKey = true, or use an integer type such as"
          + " IntegerField."),
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
  // Django's Index/UniqueConstraint raise ValueError for these; javac can say so at the annotation.
  INDEX_DETAIL_WITHOUT_NAME(
      "migrata.E078",
      Kind.ERROR,
      "@%s on %s uses %s, which needs a name, as Django requires (an index or constraint must be"
          + " named to use them). Add name = \"...\"."),
  OPCLASSES_MISMATCH(
      "migrata.E079",
      Kind.ERROR,
      "@%s on %s has %s operator class(es) for %s field(s). Give exactly one PostgreSQL operator"
          + " class name per field (Django: fields and opclasses must have the same number of"
          + " elements; none with expressions), each a plain name such as varchar_pattern_ops."),
  INDEX_EXPRESSION_UNREADABLE(
      "migrata.E080",
      Kind.ERROR,
      "The expression '%s' in @%s(expressions) on %s is not one Migrata reads. Write one"
          + " function over one field, such as Lower(email) (functions: %s; F(field) for the field"
          + " itself), optionally followed by .desc() or .asc()."),
  INDEX_FIELDS_AND_EXPRESSIONS(
      "migrata.E081",
      Kind.ERROR,
      "@%s on %s names both fields and expressions, which Django's Index and UniqueConstraint"
          + " refuse (they are mutually exclusive). Keep one of them; F(field) indexes a field"
          + " among expressions."),
  DEFERRABLE_UNIQUE_REFUSED(
      "migrata.E082",
      Kind.ERROR,
      "The deferrable @Unique on %s also uses %s; Django refuses a deferrable UniqueConstraint with"
          + " a condition, include, opclasses or expressions. Remove deferrable, or those."),
  INDEX_TYPE_UNIQUE(
      "migrata.E083",
      Kind.ERROR,
      "The @Index on %s has unique = true and type = %s; PostgreSQL's index classes of"
          + " django.contrib.postgres are never unique. Use @Unique for uniqueness, or drop the"
          + " type."),
  SKIPPED_ON_BACKEND(
      "migrata.W057",
      Kind.WARNING,
      "@%s %s on %s uses %s, which %s lack(s): as Django (%s), it is not created there. Restrict"
          + " the app with @App(backends = ...) if it never runs there, or drop that attribute."),
  IGNORED_ON_BACKEND(
      "migrata.W058",
      Kind.WARNING,
      "@%s %s on %s uses %s, which %s ignore(s): as Django (%s), the index is created there without"
          + " them. Restrict the app with @App(backends = ...) if it never runs there."),
  // E096-E099, W061-W063: the compile-time safety lint and zero-downtime output (issue 10).
  APP_BACKEND_UNKNOWN(
      "migrata.E096",
      Kind.ERROR,
      "@App(backends) of app '%s' names the backend '%s', which Migrata does not know. Name one"
          + " of postgresql, mysql (MariaDB included), sqlite."),
  SAFETY_OPTION_INVALID(
      "migrata.E097",
      Kind.ERROR,
      "The compiler option -Amigrata.safety has the value '%s'. Pass strict (safety warnings"
          + " fail the compile) or warn (the default)."),
  SAFETY_REASON_BLANK(
      "migrata.E098",
      Kind.ERROR,
      "The %s of the migration %s gives no reason. Say why the operation is safe on the live"
          + " database (\"the table holds 40 rows\"), so that a reviewer can judge it."),
  // The safety lint: one stable code per rule (README lists them). They say what locks what and
  // the safe recipe; -Amigrata.safety=strict reports them as errors.
  SAFETY_INDEX_ON_EXISTING_TABLE(
      "safety.W101",
      Kind.WARNING,
      "The migration %s adds the index %s to the existing table %s. %s%s"),
  SAFETY_CONSTRAINT_ON_EXISTING_TABLE(
      "safety.W102", Kind.WARNING, "The migration %s adds the %s to the existing table %s. %s%s"),
  SAFETY_NOT_NULL_ON_EXISTING_COLUMN(
      "safety.W103",
      Kind.WARNING,
      "The migration %s sets NOT NULL on the existing column %s of the table %s. %s%s"),
  SAFETY_REWRITING_TYPE_CHANGE(
      "safety.W104",
      Kind.WARNING,
      "The migration %s changes the column %s of the existing table %s from %s to %s. %s%s"),
  SAFETY_VOLATILE_DEFAULT(
      "safety.W105",
      Kind.WARNING,
      "The migration %s adds the column %s to the existing table %s with the volatile database"
          + " default %s. %s%s"),
  SAFETY_RENAME_OR_DROP("safety.W106", Kind.WARNING, "The migration %s %s. %s%s"),
  SAFETY_UNIQUE_ON_EXISTING_TABLE(
      "safety.W107",
      Kind.WARNING,
      "The migration %s adds the unique constraint %s to the existing table %s. %s%s"),
  SAFETY_IDENTIFIER_TOO_LONG(
      "safety.W108", Kind.WARNING, "The migration %s names the %s %s, which is %s. %s%s"),
  SAFETY_INDEX_KEY_TOO_LONG(
      "safety.W109",
      Kind.WARNING,
      "The migration %s adds the %s on %s of the table %s, whose key needs up to %d bytes on"
          + " MySQL and MariaDB (utf8mb4 takes 4 bytes per character). %s%s"),
  // django.contrib.postgres operations (issue 10): what PostgreSQL would refuse at migrate time.
  NOT_VALID_CONSTRAINT_NOT_CHECK(
      "migrata.E092",
      Kind.ERROR,
      "The ADD_CONSTRAINT_NOT_VALID operation of the migration %s adds the constraint '%s', which"
          + " is not a check constraint: NOT VALID (Django's AddConstraintNotValid) takes check"
          + " constraints only. Give the constraint a check, or use ADD_CONSTRAINT."),
  NONDETERMINISTIC_LIBC_COLLATION(
      "migrata.E093",
      Kind.ERROR,
      "The %s operation of the migration %s makes the collation '%s' nondeterministic with the"
          + " libc provider, which PostgreSQL refuses (nondeterministic collations need ICU). Set"
          + " provider = \"icu\", or remove deterministic = false."),
  // Model inheritance and generated columns (issue 9).
  PROXY_WITHOUT_CONCRETE_PARENT(
      "migrata.E084",
      Kind.ERROR,
      "Proxy model %s has no non-abstract model base class: @Model(proxy = true) stands for the"
          + " table of a @Model superclass, and %s extends none. Extend the @Model class it stands"
          + " for, or remove proxy = true."),
  PROXY_WITH_FIELDS(
      "models.E017",
      Kind.ERROR,
      "Proxy model '%s' contains model fields: '%s'. A proxy has no table of its own; declare the"
          + " field on %s, or remove proxy = true to make %s a multi-table child with a table."),
  PROXY_WITH_TABLE_OPTION(
      "migrata.E085",
      Kind.ERROR,
      "Proxy model %s cannot set %s: a proxy has no table of its own and uses the one of %s."
          + " Remove it from %s, or declare it on %s."),
  CHILD_WITH_PRIMARY_KEY(
      "migrata.E086",
      Kind.ERROR,
      "Field '%s' of %s sets primaryKey = true, but %s extends the model %s (multi-table"
          + " inheritance), whose link %s is the primary key of its table. Remove primaryKey ="
          + " true, or make %s a plain @Model that does not extend %s."),
  FIELD_CLASHES_WITH_PARENT(
      "models.E006",
      Kind.ERROR,
      "The field '%s' of %s clashes with the field '%s' from model '%s', which %s extends"
          + " (multi-table inheritance: the parent's fields are read through its table). Rename"
          + " the field of %s."),
  GENERATED_UNKNOWN_FIELD(
      "migrata.E087",
      Kind.ERROR,
      "The expression of the generated field '%s' on %s refers to {%s}, which is not a field of"
          + " %s. Write a field's Java name in braces; known fields: %s."),
  GENERATED_WITH_OPTION(
      "migrata.E088",
      Kind.ERROR,
      "The generated field '%s' on %s cannot set %s: the database computes its value"
          + " (Django's GeneratedField). Remove %s."),
  GENERATED_BAD_REFERENCE(
      "migrata.E089",
      Kind.ERROR,
      "The expression of the generated field '%s' on %s %s. Refer only to plain columns of %s"
          + " with {field}."),
  GENERATED_VIRTUAL_ON_POSTGRESQL(
      "fields.E221",
      Kind.ERROR,
      "PostgreSQL does not support non-persisted GeneratedFields: the generated field '%s' on %s"
          + " sets persisted = false, and app '%s' lists postgresql in @App(backends). Set"
          + " persisted = true (STORED), or take postgresql out of the app's backends."),
  GENERATED_VIRTUAL_NOT_PORTABLE(
      "migrata.W059",
      Kind.WARNING,
      "The generated field '%s' on %s sets persisted = false (VIRTUAL), which PostgreSQL does not"
          + " support: migrating app '%s' on PostgreSQL fails. Set persisted = true, or declare"
          + " @App(backends = {\"mysql\", \"sqlite\"}) if the app never runs on PostgreSQL."),
  GENERATED_RECREATED(
      "migrata.W060",
      Kind.WARNING,
      "The generated field '%s' on %s changes its %s, which no database alters in place (Django:"
          + " \"Modifying GeneratedFields is not supported\"): the migration removes the column"
          + " and adds it again, computing every row anew."),
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
      "The id '%s' of the entity %s is generated with GenerationType.%s, which Migrata cannot"
          + " create for it: TABLE needs Hibernate's generator table (hibernate_sequences), and"
          + " SEQUENCE or AUTO need a Long, Integer or Short key (AUTO a UUID too). Use"
          + " GenerationType.SEQUENCE or IDENTITY on a Long key, or assign the id yourself."),
  JPA_TARGET_NOT_ENTITY(
      "migrata.E104",
      Kind.ERROR,
      "The relation '%s' of the entity %s points to %s, which is no @Entity or @Model. Point it to"
          + " an entity (use targetEntity for an interface type), or mark it @Transient."),
  JPA_ENTITY_INHERITANCE(
      "migrata.E105",
      Kind.ERROR,
      "The entity %s extends %s of a SINGLE_TABLE hierarchy from another package: its columns"
          + " belong to the root's table, which the root's app (package %s) creates from the"
          + " entities of its own package only. Move the subclass to that package, or use"
          + " @Inheritance(strategy = InheritanceType.JOINED) on the root."),
  JPA_ELEMENT_COLLECTION(
      "migrata.E106",
      Kind.ERROR,
      "The attribute '%s' of the entity %s is an @ElementCollection of %s: Migrata reads"
          + " collections and maps of a basic type or an @Embeddable, with map keys of a basic"
          + " type other than an enum; not entities, nor enum, embeddable or entity keys."
          + " Map the elements as an entity with a @ManyToOne to %2$s instead (or a @OneToMany"
          + " for entities), or mark the attribute @Transient and create the table with RunSql."),
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
          + " columnDefinition, or use length, precision and scale."),
  // Issue 11, entity inheritance and relation details: E113-E115.
  JPA_TABLE_PER_CLASS_IDENTITY(
      "migrata.E113",
      Kind.ERROR,
      "The id '%s' of %s, the root of a TABLE_PER_CLASS hierarchy, is an identity column:"
          + " Hibernate refuses identity keys there, as every table of the hierarchy needs ids that"
          + " are unique across all of them. Assign the ids yourself (drop @GeneratedValue), or"
          + " use InheritanceType.JOINED or SINGLE_TABLE."),
  JPA_TARGET_WITHOUT_TABLE(
      "migrata.E114",
      Kind.ERROR,
      "The relation '%s' of the entity %s points to %s, the abstract root of a TABLE_PER_CLASS"
          + " hierarchy, which has no table a foreign key could reference. Point it to a concrete"
          + " subclass, or use InheritanceType.JOINED or SINGLE_TABLE on the root."),
  JPA_MAPS_ID_PART(
      "migrata.E115",
      Kind.ERROR,
      "The relation '%s' of the entity %s is @MapsId(\"%s\"), a part of a composite key, which"
          + " Migrata does not read. Use @MapsId without a value over a single @Id, or map the key"
          + " part as a basic column."),
  // Issue 11, Hibernate table extras and property access: E118-E119, W076-W077.
  JPA_EMPTY_SQL(
      "migrata.E118",
      Kind.ERROR,
      "The %s on %s of the entity %s has no SQL; Hibernate would write an empty constraint or"
          + " default. Write the SQL expression, or remove the annotation."),
  JPA_COMMENT_ON_IGNORED(
      "migrata.W076",
      Kind.WARNING,
      "The @Comment(on = \"%s\") on %s names a secondary table or another column, which Migrata"
          + " does not map, so no comment is written. Put the comment on the entity or attribute"
          + " it describes, without on."),
  JPA_PROPERTY_WITHOUT_SETTER(
      "migrata.E119",
      Kind.ERROR,
      "The entity %s uses property access, but its property '%s' has the getter %s() and no"
          + " setter %s; Hibernate cannot write it. Add the setter, or mark the getter"
          + " @Transient."),
  JPA_FIELD_MAPPING_IGNORED(
      "migrata.W077",
      Kind.WARNING,
      "The field '%s' of the entity %s carries @%s, but the entity uses property access (%s), so"
          + " JPA reads the getter's annotations and ignores the field's. Move @%s to the getter,"
          + " or annotate the field @Access(AccessType.FIELD)."),
  JPA_SEQUENCE_CONFLICT(
      "migrata.E109",
      Kind.ERROR,
      "The id of the entity %2$s draws from the sequence '%1$s' with initialValue %3$d and"
          + " allocationSize %4$d, but the entity %5$s declares that sequence with initialValue"
          + " %6$d and allocationSize %7$d; one sequence has one start and one increment. Give"
          + " both generators the same initialValue and allocationSize, or different"
          + " sequenceNames."),
  JPA_SEQUENCE_ALLOCATION(
      "migrata.E110",
      Kind.ERROR,
      "The sequence '%s' of the entity %s has allocationSize %d: Hibernate needs 1 or more (the"
          + " sequence's increment). Set allocationSize to 1 (no pooling) or more (50 by"
          + " default)."),
  // Issue 10, the safe form of foreign keys, checks and NOT NULL: E073, W053-W054 are this
  // change's.
  ZERO_DOWNTIME_FOREIGN_KEY_ON_SQLITE(
      "migrata.W053",
      Kind.WARNING,
      "The foreign key %s added to the existing table %s in %s keeps Django's form (ADD FOREIGN"
          + " KEY, which scans the table under a lock that blocks its writes on PostgreSQL)"
          + " although app '%s' asks for the zero-downtime form: SQLite, one of its backends,"
          + " cannot add a foreign key to an existing column without rebuilding the table, so no"
          + " form limited to PostgreSQL would be correct there. Declare @App(backends ="
          + " {\"postgresql\", \"mysql\"}) if the app never runs on SQLite, or add the key in a"
          + " quiet window."),
  // Issue 11, foreign key constraint names and db_constraint: E116-E117, W075.
  CONSTRAINT_NAME_WITHOUT_CONSTRAINT(
      "migrata.E116",
      Kind.ERROR,
      "The relation '%s' of %s has constraintName \"%s\" but dbConstraint = false: there is no"
          + " foreign key constraint to name. Remove constraintName, or remove dbConstraint ="
          + " false."),
  CONSTRAINT_NAME_TOO_LONG(
      "migrata.E117",
      Kind.ERROR,
      "The foreign key name '%s' of the relation '%s' of %s has %d characters; PostgreSQL keeps"
          + " 63 and MySQL refuses more than 64, so the database would hold another name than the"
          + " migration. Use a name of at most 63 characters."),
  JPA_FOREIGN_KEY_NAME_WITHOUT_CONSTRAINT(
      "migrata.W075",
      Kind.WARNING,
      "The foreign key name '%s' of the relation '%s' of the entity %s is ignored: the relation is"
          + " ConstraintMode.NO_CONSTRAINT, so there is no constraint to name (Hibernate ignores it"
          + " too). Remove name, or the NO_CONSTRAINT mode."),
  SET_DEFAULT_WITHOUT_DEFAULT(
      "fields.E321",
      Kind.ERROR,
      "The relation '%s' of %s says onDelete = SET_DEFAULT, but has no default. Add"
          + " @Field(dbDefault = \"...\") (the column default the database sets on delete) or"
          + " @Field(defaultValue = \"...\"), or choose another onDelete."),
  JPA_LOB_ON_POSTGRES(
      "migrata.W078",
      Kind.WARNING,
      "The attribute '%s' of the entity %s is @Lob, which Hibernate maps to a large object (oid) on"
          + " PostgreSQL, so ddl-auto=validate refuses the %s column Migrata creates there (MySQL,"
          + " MariaDB and SQLite are not affected). Replace @Lob with"
          + " @JdbcTypeCode(SqlTypes.%s), which Hibernate maps to that column.");

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
