package dev.migrata.processor;

import static dev.migrata.processor.AnnotationValues.bool;
import static dev.migrata.processor.AnnotationValues.optionalInt;
import static dev.migrata.processor.AnnotationValues.string;
import static dev.migrata.processor.AnnotationValues.strings;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Django's field system checks that need only one field's annotations: numbers that must be
 * positive, an enum that must fit its maxLength, and {@code @Field} options that a relation would
 * silently ignore. Each returns false when it reported an error.
 */
final class OptionChecks {
  /** {@code @Field} members a relation does not read, with where the option belongs instead. */
  private static final List<String[]> NOT_ON_RELATIONS =
      List.of(
          new String[] {"column", "Write it on the relation annotation: column = \"...\"."},
          new String[] {"nullable", "Write it on the relation annotation: nullable = true."},
          new String[] {"index", "Write it on the relation annotation: index = false."},
          new String[] {"unique", "Use @OneToOne for a unique relation."},
          new String[] {"primaryKey", "Remove it; a relation cannot be the primary key."},
          new String[] {"maxLength", "Remove it; the column has the type of the target's key."},
          new String[] {"precision", "Remove it; the column has the type of the target's key."},
          new String[] {"scale", "Remove it; the column has the type of the target's key."},
          new String[] {"type", "Remove it; the column has the type of the target's key."},
          new String[] {"args", "Remove it; the column has the type of the target's key."});

  private OptionChecks() {}

  static boolean relationFieldOptions(
      Reporter reporter,
      VariableElement element,
      AnnotationMirror field,
      String name,
      String model) {
    if (field == null) {
      return true;
    }
    boolean ok = true;
    for (String[] option : NOT_ON_RELATIONS) {
      AnnotationValue value = Mirrors.value(field, option[0]);
      if (value != null) {
        reporter.report(
            Problem.FIELD_OPTION_ON_RELATION,
            element,
            field,
            value,
            option[0],
            name,
            model,
            option[1]);
        ok = false;
      }
    }
    return ok;
  }

  /** maxLength, precision and scale: fields.E121, E131, E133 and E134. */
  static boolean numbers(
      Reporter reporter,
      VariableElement element,
      AnnotationMirror field,
      String name,
      String model) {
    boolean ok = true;
    Integer maxLength = optionalInt(field, "maxLength");
    if (maxLength != null && maxLength <= 0) {
      reporter.report(
          Problem.MAX_LENGTH_NOT_POSITIVE,
          element,
          field,
          Mirrors.value(field, "maxLength"),
          name,
          model,
          maxLength);
      ok = false;
    }
    Integer precision = optionalInt(field, "precision");
    Integer scale = optionalInt(field, "scale");
    if (precision != null && precision <= 0) {
      reporter.report(
          Problem.DECIMAL_PRECISION_NOT_POSITIVE,
          element,
          field,
          Mirrors.value(field, "precision"),
          name,
          model,
          precision);
      ok = false;
    }
    if (scale != null && scale < 0) {
      reporter.report(
          Problem.DECIMAL_SCALE_NEGATIVE,
          element,
          field,
          Mirrors.value(field, "scale"),
          name,
          model,
          scale);
      ok = false;
    }
    if (ok && precision != null && scale != null && scale > precision) {
      reporter.report(
          Problem.SCALE_ABOVE_PRECISION,
          element,
          field,
          Mirrors.value(field, "scale"),
          name,
          model,
          precision,
          scale);
      ok = false;
    }
    return ok;
  }

  /** An explicit maxLength must hold every constant of the enum (Django's fields.E009). */
  static boolean enumFits(
      Reporter reporter,
      VariableElement element,
      AnnotationMirror field,
      String name,
      String model,
      TypeMirror type,
      List<String> constants) {
    Integer maxLength = optionalInt(field, "maxLength");
    if (maxLength == null || maxLength <= 0) {
      return true;
    }
    String longest = "";
    for (String c : constants) {
      if (c.length() > longest.length()) {
        longest = c;
      }
    }
    if (longest.length() <= maxLength) {
      return true;
    }
    reporter.report(
        Problem.ENUM_MAX_LENGTH_TOO_SHORT,
        element,
        field,
        Mirrors.value(field, "maxLength"),
        maxLength,
        name,
        model,
        longest,
        type,
        longest.length(),
        longest.length());
    return false;
  }

  /**
   * Whether a relation may point at {@code field} with toField: it is the primary key, unique, a
   * one-to-one, or alone in an unconditional {@code @Unique} of its model (Django's fields.E311).
   */
  static boolean isUnique(Element field, TypeElement model) {
    AnnotationMirror f = Mirrors.find(field, ModelReader.FIELD);
    if (f != null && (bool(f, "unique") || bool(f, "primaryKey"))) {
      return true;
    }
    if (Mirrors.find(field, ModelReader.ONE_TO_ONE) != null) {
      return true;
    }
    String name = field.getSimpleName().toString();
    for (AnnotationMirror unique : AnnotationValues.repeated(model, ModelReader.UNIQUE)) {
      if (strings(unique, "fields").equals(List.of(name))
          && string(unique, "condition").isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
