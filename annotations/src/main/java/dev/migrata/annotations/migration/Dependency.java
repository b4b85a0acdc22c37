package dev.migrata.annotations.migration;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A reference to a migration: {@code (app, name)}. */
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Dependency {
  String app();

  String name();
}
