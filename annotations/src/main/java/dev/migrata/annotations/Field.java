package dev.migrata.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a field of a {@link Model} a column. Only fields with a Migrata annotation are columns.
 *
 * <p>Integer attributes use {@code -1} for "not set"; {@link #defaultValue()} is an array so that
 * "no default" (the empty array) differs from an empty-string default ({@code defaultValue = ""}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Field {
  /** The column name; defaults to the field name in snake_case. */
  String column() default "";

  boolean nullable() default false;

  boolean unique() default false;

  /** Creates an index on the column (Django's {@code db_index}). */
  boolean index() default false;

  boolean primaryKey() default false;

  /** For {@code String}: {@code varchar(maxLength)}; without it the column is {@code text}. */
  int maxLength() default -1;

  /** For {@code BigDecimal}: total digits (required). */
  int precision() default -1;

  /** For {@code BigDecimal}: digits after the decimal point (required). */
  int scale() default -1;

  /**
   * A literal parsed for the field's type that fills existing rows when the column is added; it is
   * not kept in the database (Django keeps defaults in Python). Write {@code defaultValue = "0"}.
   */
  String[] defaultValue() default {};

  /** An SQL expression kept in the database as the column default (Django's {@code db_default}). */
  String dbDefault() default "";

  /** A comment stored on the column where the backend supports it. */
  String comment() default "";

  /** The Java field name this field had before a rename. */
  String renamedFrom() default "";

  /** Documentation only; a change still produces a migration, as in Django. */
  String helpText() default "";

  /**
   * An explicit field type, as Django names them ({@code "TextField"}, {@code "BigIntegerField"},
   * ...), overriding the one derived from the Java type; or the qualified name of a custom field
   * type, a class implementing {@code dev.migrata.fields.CustomFieldType}. Migrations name the
   * custom class, so it must stay on the classpath for as long as a migration names it.
   */
  String type() default "";

  /**
   * A static method that gives the default, {@code "java.time.Instant::now"} (Django's callable
   * default such as {@code timezone.now}); existing rows get one value from it when the column is
   * added. The method must exist and take no arguments.
   */
  String defaultMethod() default "";

  /** Arguments of a custom field type, {@code "key=value"}, passed to it for every backend. */
  String[] args() default {};

  /** The human-readable name (Django's {@code verbose_name}); kept in state, no SQL. */
  String verboseName() default "";

  /** Forms accept an empty value (Django's {@code blank}); kept in state, no SQL. */
  boolean blank() default false;

  /** {@code false} hides the field from forms (Django's {@code editable}); no SQL. */
  boolean editable() default true;

  /**
   * Date and time fields: set to now on every save (Django's {@code auto_now}). No SQL; when the
   * column is added to existing rows, they get the current time at migrate time, as Django's.
   */
  boolean autoNow() default false;

  /**
   * Date and time fields: set to now when the row is created (Django's {@code auto_now_add}). No
   * SQL; when the column is added to existing rows, the migration gives them the current time (the
   * answer to Django's question, {@code timezone.now}).
   */
  boolean autoNowAdd() default false;

  /**
   * The allowed values with their labels, {@code "value=label"} ({@code "pt-br=Brazilian
   * Portuguese"}, {@code "=None"} for the empty value, {@code "1=One"} on an integer field); the
   * first {@code =} separates, and a bare {@code "value"} has no label. Values are parsed for the
   * field's type. Kept in the migration state (Django's {@code choices}): a change writes an {@code
   * AlterField} that runs no SQL. An enum field takes its choices from its constants instead (see
   * {@link ChoiceValue}).
   */
  String[] choices() default {};
}
