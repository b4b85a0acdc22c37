package dev.migrata.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;

/**
 * Typed reads of annotation members, explicit or default, through mirrors (so class files of an
 * earlier compile read exactly like sources). A null mirror reads as all defaults of "nothing".
 */
final class AnnotationValues {
  private AnnotationValues() {}

  static String string(AnnotationMirror mirror, String member) {
    if (mirror == null) {
      return "";
    }
    AnnotationValue v = Mirrors.valueWithDefault(mirror, member);
    return v == null ? "" : String.valueOf(v.getValue());
  }

  static boolean bool(AnnotationMirror mirror, String member) {
    if (mirror == null) {
      return false;
    }
    AnnotationValue v = Mirrors.valueWithDefault(mirror, member);
    return v != null && Boolean.TRUE.equals(v.getValue());
  }

  /** An int member, or null when it is unset ({@code -1}, the annotations' "not set"). */
  static Integer optionalInt(AnnotationMirror mirror, String member) {
    if (mirror == null) {
      return null;
    }
    AnnotationValue v = Mirrors.valueWithDefault(mirror, member);
    if (v == null || !(v.getValue() instanceof Integer i) || i == -1) {
      return null;
    }
    return i;
  }

  static String enumName(AnnotationMirror mirror, String member) {
    AnnotationValue v = Mirrors.valueWithDefault(mirror, member);
    if (v != null && v.getValue() instanceof VariableElement constant) {
      return constant.getSimpleName().toString();
    }
    return null;
  }

  static List<String> strings(AnnotationMirror mirror, String member) {
    if (mirror == null) {
      return List.of();
    }
    AnnotationValue v = Mirrors.valueWithDefault(mirror, member);
    if (v == null) {
      return List.of();
    }
    if (v.getValue() instanceof List<?> items) {
      List<String> result = new ArrayList<>();
      for (Object item : items) {
        result.add(String.valueOf(((AnnotationValue) item).getValue()));
      }
      return result;
    }
    return List.of(String.valueOf(v.getValue()));
  }

  static String defaultValue(AnnotationMirror field) {
    List<String> values = strings(field, "defaultValue");
    return values.isEmpty() ? null : values.get(0);
  }

  /** Direct and container-held occurrences of a repeatable annotation. */
  static List<AnnotationMirror> repeated(Element element, String annotation) {
    List<AnnotationMirror> result = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (Mirrors.isType(mirror, annotation)) {
        result.add(mirror);
      } else if (Mirrors.isType(mirror, annotation + ".List")) {
        AnnotationValue value = Mirrors.value(mirror, "value");
        if (value != null && value.getValue() instanceof List<?> items) {
          for (Object item : items) {
            result.add((AnnotationMirror) ((AnnotationValue) item).getValue());
          }
        }
      }
    }
    return result;
  }

  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
