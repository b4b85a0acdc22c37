package dev.migrata.processor;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
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
    ExecutableElement m = member(mirror.getAnnotationType().asElement(), member);
    return m == null ? null : m.getDefaultValue();
  }

  /**
   * The members of each annotation type by name. A model's fields read a dozen members of one
   * annotation type each, most of them unset; javac lists a type's members anew and decodes each
   * member's name for every comparison, so each unset member read decoded them all. Weak keys and
   * weak members: the map holds no compile's elements alive after it (a build daemon runs many).
   */
  private static final Map<Element, Map<String, WeakReference<ExecutableElement>>> MEMBERS =
      new WeakHashMap<>();

  private static ExecutableElement member(Element type, String name) {
    synchronized (MEMBERS) {
      Map<String, WeakReference<ExecutableElement>> members = MEMBERS.get(type);
      WeakReference<ExecutableElement> ref = members == null ? null : members.get(name);
      ExecutableElement found = ref == null ? null : ref.get();
      if (found != null || (members != null && ref == null)) {
        return found;
      }
      members = new HashMap<>();
      for (Element e : type.getEnclosedElements()) {
        if (e instanceof ExecutableElement m) {
          members.putIfAbsent(m.getSimpleName().toString(), new WeakReference<>(m));
        }
      }
      MEMBERS.put(type, members);
      ref = members.get(name);
      return ref == null ? null : ref.get();
    }
  }
}
