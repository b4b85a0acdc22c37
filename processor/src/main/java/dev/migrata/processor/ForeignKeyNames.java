package dev.migrata.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * The checks of an explicit foreign key constraint name ({@code @ForeignKey(constraintName)}, JPA's
 * {@code @ForeignKey(name)}), the same for models and entities.
 */
final class ForeignKeyNames {
  /**
   * PostgreSQL silently truncates identifiers beyond 63 bytes and MySQL refuses more than 64: a
   * longer name would not be the one the migration records, so the drift check and later
   * alterations could not find it.
   */
  static final int MAX_LENGTH = 63;

  private ForeignKeyNames() {}

  /** False (reported, E117) when {@code name} is longer than every backend keeps. */
  static boolean fits(
      Reporter reporter,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value,
      String name,
      String field,
      Object model) {
    if (name.length() <= MAX_LENGTH) {
      return true;
    }
    reporter.report(
        Problem.CONSTRAINT_NAME_TOO_LONG,
        element,
        mirror,
        value,
        name,
        field,
        model,
        name.length());
    return false;
  }
}
