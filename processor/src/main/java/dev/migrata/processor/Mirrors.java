package dev.migrata.processor;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Small helpers over annotation mirrors, which work for sources and class files alike. */
final class Mirrors {
  private Mirrors() {}

  static boolean isType(AnnotationMirror mirror, String qualifiedName) {
    Element type = mirror.getAnnotationType().asElement();
    return type instanceof TypeElement t && t.getQualifiedName().contentEquals(qualifiedName);
  }

  static AnnotationMirror find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (isType(mirror, qualifiedName)) {
        return mirror;
      }
    }
    return null;
  }

  /** The explicitly written value of {@code member}, or null. */
  static AnnotationValue value(AnnotationMirror mirror, String member) {
    if (mirror == null) {
      return null; // A JPA attribute may have no annotation at all.
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(member)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The value of {@code member}, explicit or default. */
  static AnnotationValue valueWithDefault(AnnotationMirror mirror, String member) {
    AnnotationValue explicit = value(mirror, member);
    if (explicit != null) {
      return explicit;
    }
    for (Element e : mirror.getAnnotationType().asElement().getEnclosedElements()) {
      if (e instanceof ExecutableElement m && m.getSimpleName().contentEquals(member)) {
        return m.getDefaultValue();
      }
    }
    return null;
  }
}
