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

  /** Unique constraints: expressions instead of fields ({@code "Lower(email)"}). */
  String[] expressions() default {};

  /** Unique constraints: non-key fields of the unique index. */
  String[] include() default {};

  /** Unique constraints: PostgreSQL operator classes, one per field. */
  String[] opclasses() default {};

  /** Unique constraints: {@code false} for {@code NULLS NOT DISTINCT}. */
  boolean nullsDistinct() default true;

  /** Unique constraints: when a deferrable constraint is checked. */
  dev.migrata.annotations.Deferrable deferrable() default
      dev.migrata.annotations.Deferrable.NOT_DEFERRABLE;

  /** The message a violation reports (state only). */
  String violationErrorMessage() default "";

  /** The error code a violation reports (state only). */
  String violationErrorCode() default "";
}
