package dev.migrata.annotations.migration;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A named index as a migration records it; fields are Java names, {@code -} for descending. */
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface IndexDef {
  String name();

  String[] fields();

  boolean unique() default false;

  String condition() default "";
}
