package dev.migrata.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The former Java name of a JPA entity or attribute, so the next migration renames it ({@code
 * RenameModel} / {@code RenameField}) instead of dropping and re-adding it. Renames are never
 * guessed: remove the annotation once the migration is written.
 *
 * <pre>{@code
 * @Entity
 * class Book {
 *   @RenamedFrom("published") LocalDate publishedOn;
 * }
 * }</pre>
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface RenamedFrom {
  /** The old class name (on a class) or attribute name (on a field). */
  String value();
}
