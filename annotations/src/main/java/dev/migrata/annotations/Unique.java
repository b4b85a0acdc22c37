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
  String[] fields();

  String name() default "";

  /** An SQL condition for a partial unique constraint. */
  String condition() default "";

  /** Holds repeated {@link Unique} annotations. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    Unique[] value();
  }
}
