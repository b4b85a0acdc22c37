package dev.migrata.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a class as a model: a database table whose migrations Migrata generates. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Model {
  /** The table name; defaults to {@code <app>_<lowercased class name>}. */
  String table() default "";

  /** A comment stored on the table where the backend supports it. */
  String comment() default "";

  /** The simple class name this model had before a rename, in the same app. */
  String renamedFrom() default "";

  /**
   * {@code false} keeps the model in the migration state without creating or altering its table.
   */
  boolean managed() default true;

  /** The human-readable name (Django's {@code verbose_name}); kept in state, no SQL. */
  String verboseName() default "";

  /** Its plural (Django's {@code verbose_name_plural}); kept in state, no SQL. */
  String verboseNamePlural() default "";

  /**
   * The default ordering (Django's {@code ordering}): Java field names, {@code "-published"} for
   * descending, {@code "?"} for random; kept in state, no SQL.
   */
  String[] ordering() default {};

  /**
   * A proxy model (Django's {@code proxy = True}): a second class over its {@code @Model}
   * superclass's table, kept in the migration state with no table of its own and no SQL. It
   * declares no fields.
   */
  boolean proxy() default false;
}
