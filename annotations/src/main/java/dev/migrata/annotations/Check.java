package dev.migrata.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A check constraint on a {@link Model}: an SQL condition every row must satisfy. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Check.List.class)
public @interface Check {
  String name();

  String condition();

  /** The message a violation reports (kept in the migration state only; no SQL). */
  String violationErrorMessage() default "";

  /** The error code a violation reports (kept in the migration state only; no SQL). */
  String violationErrorCode() default "";

  /** Holds repeated {@link Check} annotations. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    Check[] value();
  }
}
