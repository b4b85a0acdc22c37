package dev.migrata.annotations.migration;

import dev.migrata.annotations.OnDelete;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field as a migration records it (Django's deconstructed field). Integers use {@code -1} for
 * "not set"; {@link #defaultValue()} is empty for "no default".
 */
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface FieldDef {
  /** The Java field name. */
  String name();

  /** The field type, as Django names it: {@code CharField}, {@code ForeignKey}, ... */
  String type();

  /** The column name when it differs from the derived one. */
  String column() default "";

  boolean nullable() default false;

  boolean unique() default false;

  boolean index() default false;

  boolean primaryKey() default false;

  int maxLength() default -1;

  int precision() default -1;

  int scale() default -1;

  String[] defaultValue() default {};

  String dbDefault() default "";

  String comment() default "";

  String helpText() default "";

  /** The allowed values, {@code value} or {@code value=label} (an enum's or explicit ones). */
  String[] choices() default {};

  /** Relations: the target as {@code app.model}. */
  String to() default "";

  /** Relations: the target field when it is not the primary key. */
  String toField() default "";

  /**
   * Relations, as migrations written before {@link #onDeleteAction()} existed spell it: the name of
   * an {@link OnDelete} constant ({@code "CASCADE"}). Still read the same way (and checked), but
   * {@link #onDeleteAction()} is preferred: the compiler checks it.
   */
  String onDelete() default "";

  /**
   * Relations: what the database does to referring rows when the referenced row is deleted
   * (preferred over {@link #onDelete()}). The default is only the annotation's placeholder: a
   * relation's migration always writes this member.
   */
  OnDelete onDeleteAction() default OnDelete.DO_NOTHING;

  String relatedName() default "";

  /** Many-to-many: the model holding both foreign keys, as {@code app.model}. */
  String through() default "";

  /** Many-to-many: the automatic join table's explicit name. */
  String table() default "";

  /** A static method giving the default, {@code com.example.Clock::now} (a callable default). */
  String defaultMethod() default "";

  /** A custom field type's arguments, {@code key=value}. */
  String[] args() default {};

  /** Django's {@code verbose_name} (ORM only, no SQL). */
  String verboseName() default "";

  /** Django's {@code blank}: forms accept an empty value (ORM only, no SQL). */
  boolean blank() default false;

  /** Django's {@code editable} (ORM only, no SQL). */
  boolean editable() default true;

  /** Date and time fields: Django's {@code auto_now}, set to now on every save (no SQL). */
  boolean autoNow() default false;

  /** Date and time fields: Django's {@code auto_now_add}, set to now on creation (no SQL). */
  boolean autoNowAdd() default false;

  /**
   * Many-to-many: the id type of the automatic join table when it is not {@code BigAutoField} (the
   * app's default auto field when the join table was created).
   */
  String joinAutoField() default "";

  /**
   * The one-to-one key of a multi-table child to its parent ({@code <parent>_ptr}, Django's {@code
   * parent_link=True}).
   */
  boolean parentLink() default false;

  /**
   * A generated column's SQL expression, field names in braces (Django's {@code GeneratedField}).
   */
  String generated() default "";

  /** A generated column: {@code STORED} (true) or {@code VIRTUAL} (Django's {@code db_persist}). */
  boolean persisted() default true;

  /**
   * Relations: {@code false} for a foreign key column without a foreign key constraint (Django's
   * {@code db_constraint=False}).
   */
  boolean dbConstraint() default true;

  /** Relations: the foreign key constraint's explicit name, when not the derived one. */
  String constraintName() default "";
}
