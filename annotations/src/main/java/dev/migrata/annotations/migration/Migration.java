package dev.migrata.annotations.migration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One migration: written by the processor into the source tree, committed, and editable by hand.
 *
 * <p>Everything a migration means lives in these annotation values (not in method bodies), so the
 * processor can replay history from sources, from class files of an earlier compile, or from a
 * jar, and the next compile honours a hand edit.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Migration {
  String app();

  /** The migration name, e.g. {@code 0002_book_rating}. */
  String name();

  Dependency[] dependencies() default {};

  /** Migrations this (squashed) migration replaces. */
  Dependency[] replaces() default {};

  /** Migrations that must run after this one (Django's {@code run_before}). */
  Dependency[] runBefore() default {};

  /** Whether this is an app's initial migration (for {@code --fake-initial}). */
  boolean initial() default false;

  /** Apply the whole migration in one transaction where the backend can roll back DDL. */
  boolean atomic() default true;

  /**
   * MySQL and MariaDB: whether this migration's schema statements carry online DDL clauses ({@link
   * OnlineDdl}); by default as the app ({@code @App(mysqlOnlineDdl)}) or the configuration says.
   * Not part of the migration's checksum: it changes how the statements run, not what they do.
   */
  OnlineDdl mysqlOnlineDdl() default OnlineDdl.DEFAULT;

  Op[] operations() default {};
}
