package dev.migrata.annotations.migration;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A named index as a migration records it; fields are Java names, {@code -} for descending. */
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface IndexDef {
  String name();

  String[] fields() default {};

  boolean unique() default false;

  String condition() default "";

  /** Indexed expressions instead of fields ({@code "Lower(email)"}). */
  String[] expressions() default {};

  /** PostgreSQL operator classes, one per field. */
  String[] opclasses() default {};

  /** Non-key fields of a covering index. */
  String[] include() default {};

  /** The access method (PostgreSQL's index classes). */
  dev.migrata.annotations.IndexType type() default dev.migrata.annotations.IndexType.DEFAULT;
}
