package dev.migrata.annotations.migration;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A named constraint: unique over {@link #fields()}, or a check when {@link #check()} is set. */
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface ConstraintDef {
  String name();

  /** Unique constraints: the fields (Java names). */
  String[] fields() default {};

  /** Unique constraints: an SQL condition for a partial constraint. */
  String condition() default "";

  /** Check constraints: the SQL condition. */
  String check() default "";
}
