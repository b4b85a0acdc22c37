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
  /**
   * The fields (Java names, or column names such as {@code author_id}); a leading {@code -} for
   * descending. Empty when the index is over {@link #expressions()}.
   */
  String[] fields() default {};

  String name() default "";

  boolean unique() default false;

  /** An SQL condition for a partial index. */
  String condition() default "";

  /**
   * Expressions indexed instead of {@link #fields()} (Django's {@code Index(*expressions)}): each
   * is a field (Java or column name) under one function, {@code "Lower(email)"}, {@code
   * "Upper(name)"}, {@code "Length(title)"}, {@code "Abs(balance)"}, or {@code "F(created)"} for
   * the field itself, optionally followed by {@code .desc()} or {@code .asc()}. Needs a {@link
   * #name()}. MariaDB has no expression indexes, so Django skips the index there.
   */
  String[] expressions() default {};

  /**
   * PostgreSQL operator classes, one per field ({@code "varchar_pattern_ops"}); needs a {@link
   * #name()}. Other backends ignore them, as Django's.
   */
  String[] opclasses() default {};

  /**
   * Non-key fields of a covering index ({@code INCLUDE (...)}, PostgreSQL); needs a {@link
   * #name()}. Other backends create the index without them, as Django's.
   */
  String[] include() default {};

  /** The access method ({@code GIN}, {@code GiST}, ...; PostgreSQL only). */
  IndexType type() default IndexType.DEFAULT;

  /** Holds repeated {@link Index} annotations. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    Index[] value();
  }
}
