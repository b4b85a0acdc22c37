package dev.migrata.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one way diagnostics reach javac. It remembers whether an error was raised, because nothing
 * may be written once one has been: a half-written migration is worse than none.
 */
final class Reporter {
  private final Messager messager;
  private boolean errors;
  private int count;

  Reporter(Messager messager) {
    this.messager = messager;
  }

  void report(Problem problem, Element element, Object... args) {
    report(problem, element, null, null, args);
  }

  void report(
      Problem problem,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value,
      Object... args) {
    print(problem.kind(), problem.message(args), element, mirror, value);
  }

  /**
   * Reports {@code problem} as {@code kind} instead of its own: the safety lint's warnings are
   * errors under {@code -Amigrata.safety=strict}.
   */
  void reportAs(
      Diagnostic.Kind kind,
      Problem problem,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value,
      Object... args) {
    print(kind, problem.message(args), element, mirror, value);
  }

  /**
   * Reports {@code problem} under {@code code} instead of its own: the id a custom field type's
   * {@code @FieldTypeDeprecated}/{@code @FieldTypeRemoved} declares (blank means the default).
   */
  void reportWithId(
      String code,
      Problem problem,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value,
      Object... args) {
    String id = code == null || code.isBlank() ? problem.code() : code.trim();
    print(problem.kind(), problem.message(id, args), element, mirror, value);
  }

  private void print(
      Diagnostic.Kind kind,
      String message,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value) {
    if (kind == Diagnostic.Kind.ERROR) {
      errors = true;
    }
    if (element instanceof JpaProperty property) {
      element = property.getter(); // javac places diagnostics on its own elements only
      mirror = mirror != null && element.getAnnotationMirrors().contains(mirror) ? mirror : null;
    }
    count++;
    if (element == null) {
      messager.printMessage(kind, message);
    } else if (mirror == null) {
      messager.printMessage(kind, message, element);
    } else if (value == null) {
      messager.printMessage(kind, message, element, mirror);
    } else {
      messager.printMessage(kind, message, element, mirror, value);
    }
  }

  boolean hasErrors() {
    return errors;
  }

  /** How many diagnostics of any kind were reported so far. */
  int count() {
    return count;
  }
}
