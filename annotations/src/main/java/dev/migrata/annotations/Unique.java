package dev.migrata.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A unique constraint over a {@link Model}'s fields (Java names). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Unique.List.class)
public @interface Unique {
  /** The fields (Java names, or column names); empty when over {@link #expressions()}. */
  String[] fields() default {};

  String name() default "";

  /** An SQL condition for a partial unique constraint. */
  String condition() default "";

  /**
   * Expressions that must be unique together instead of {@link #fields()}, in {@link
   * Index#expressions()}'s form ({@code "Lower(email)"}); needs a {@link #name()}.
   */
  String[] expressions() default {};

  /** Non-key fields of the unique index ({@code INCLUDE}, PostgreSQL); needs a {@link #name()}. */
  String[] include() default {};

  /** PostgreSQL operator classes, one per field; needs a {@link #name()}. */
  String[] opclasses() default {};

  /**
   * {@code false}: NULLs count as equal, so only one row may hold NULL ({@code NULLS NOT DISTINCT},
   * PostgreSQL 15+; Django skips the constraint elsewhere).
   */
  boolean nullsDistinct() default true;

  /**
   * A deferrable constraint (PostgreSQL; not with a condition, include, opclasses, expressions).
   */
  Deferrable deferrable() default Deferrable.NOT_DEFERRABLE;

  /** The message a violation reports (kept in the migration state only; no SQL). */
  String violationErrorMessage() default "";

  /** The error code a violation reports (kept in the migration state only; no SQL). */
  String violationErrorCode() default "";

  /** Holds repeated {@link Unique} annotations. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    Unique[] value();
  }
}
