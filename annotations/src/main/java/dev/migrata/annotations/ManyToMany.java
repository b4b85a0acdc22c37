package dev.migrata.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A many-to-many relation on a {@code Set<Target>} or {@code List<Target>} field: a join table
 * {@code <app>_<model>_<field>} unless {@link #through()} names a model.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToMany {
  /** A {@link Model} holding the two foreign keys; {@code void.class} for an automatic table. */
  Class<?> through() default void.class;

  /** The automatic join table's name. */
  String table() default "";

  String relatedName() default "";

  String helpText() default "";
}
