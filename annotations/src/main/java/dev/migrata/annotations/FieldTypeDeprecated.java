package dev.migrata.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a custom field type as deprecated, as Django's {@code system_check_deprecated_details}:
 * every model that still uses it compiles with a warning ({@code fields.W900} unless {@link #id()}
 * says otherwise). Migrations that name the type keep working.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FieldTypeDeprecated {
  /** What is wrong; defaults to "{@code <Class>} has been deprecated." */
  String message() default "";
  /** What to use instead. */
  String hint() default "";
  String id() default "fields.W900";
}
