package dev.migrata.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a custom field type as removed, as Django's {@code system_check_removed_details}: a model
 * that uses it is a compile error ({@code fields.E900} unless {@link #id()} says otherwise), while
 * historical migrations that name it still load and replay. Keep the class (its column types) for
 * as long as a migration names it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FieldTypeRemoved {
  /** What is wrong; defaults to "{@code <Class>} has been removed except for support in historical migrations." */
  String message() default "";
  /** What to use instead. */
  String hint() default "";
  String id() default "fields.E900";
}
