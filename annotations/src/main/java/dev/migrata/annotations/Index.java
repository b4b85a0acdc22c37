package dev.migrata.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An index on a {@link Model}'s fields (Java names; a leading {@code -} for descending). Without a
 * name it is named as Django's {@code Index.set_name_with_model} does.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Index.List.class)
public @interface Index {
  String[] fields();

  String name() default "";

  boolean unique() default false;

  /** An SQL condition for a partial index. */
  String condition() default "";

  /** Holds repeated {@link Index} annotations. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    Index[] value();
  }
}
