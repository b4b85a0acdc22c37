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
    Written written = last;
    if (written == null || written.mirror().get() != mirror) {
      written = written(mirror);
      last = written;
    }
    WeakReference<AnnotationValue> ref = written.values().get(member);
    AnnotationValue value = ref == null ? null : ref.get();
    return value != null || ref == null ? value : scan(mirror, member);
  }

  /**
   * The mirror asked last, with its written values by name. Callers ask one mirror for member after
   * member (a field's dozen, an operation's checks); javac builds a new map of the values and
   * decodes the members' names on every call. Weak references only (and immutable, for compiles on
   * several threads), so that no compile's elements stay reachable through it.
   */
  private record Written(
      WeakReference<AnnotationMirror> mirror, Map<String, WeakReference<AnnotationValue>> values) {}

  private static volatile Written last;

  private static Written written(AnnotationMirror mirror) {
    Map<String, WeakReference<AnnotationValue>> values = new HashMap<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      values.putIfAbsent(e.getKey().getSimpleName().toString(), new WeakReference<>(e.getValue()));
    }
    return new Written(new WeakReference<>(mirror), values);
  }

  /** The value by a scan of the mirror (when Eclipse's short-lived value was collected). */
  private static AnnotationValue scan(AnnotationMirror mirror, String member) {
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
   * The members of each annotation type by name, with their place in its declaration. A model's
   * fields read a dozen members of one annotation type each, most of them unset, and the history's
   * operations are read in declaration order; javac lists a type's members anew and decodes each
   * member's name for every comparison. Weak keys and weak members: the map holds no compile's
   * elements alive after it (a build daemon runs many).
   */
  private static final Map<Element, Map<String, Member>> MEMBERS = new WeakHashMap<>();

  private record Member(WeakReference<ExecutableElement> element, int position) {}

  /** A member found, held strongly while it is used. */
  private record Declared(ExecutableElement element, int position) {}

  /** The member {@code name} the annotation type {@code type} declares, or null. */
  static ExecutableElement member(Element type, String name) {
    Declared d = declared(type, name);
    return d == null ? null : d.element();
  }

  /**
   * Where {@code member} (named {@code name}) stands among the elements {@code type} declares, or
   * -1 when it is none of them. Compared with {@code equals}: Eclipse's compiler hands out a new
   * element object for the same member each time.
   */
  static int position(Element type, ExecutableElement member, String name) {
    Declared d = declared(type, name);
    return d != null && d.element().equals(member) ? d.position() : -1;
  }

  /**
   * The annotation type asked last and its members: a model's fields ask one type member after
   * member, which then needs neither the lock nor the weak map. Weak, as {@link #MEMBERS}.
   */
  private record LastType(WeakReference<Element> type, Map<String, Member> members) {}

  private static volatile LastType lastType;

  private static Declared declared(Element type, String name) {
    LastType last = lastType;
    if (last != null && last.type().get() == type) {
      Member m = last.members().get(name);
      if (m == null) {
        return null;
      }
      ExecutableElement e = m.element().get();
      if (e != null) {
        return new Declared(e, m.position());
      }
    }
    synchronized (MEMBERS) {
      Map<String, Member> members = MEMBERS.get(type);
      if (members != null) {
        Member m = members.get(name);
        if (m == null) {
          lastType = new LastType(new WeakReference<>(type), members);
          return null;
        }
        ExecutableElement e = m.element().get();
        if (e != null) {
          lastType = new LastType(new WeakReference<>(type), members);
          return new Declared(e, m.position());
        }
      }
      // First use of the type, or its members were collected (Eclipse's are short-lived objects).
      members = new HashMap<>();
      Declared found = null;
      int position = 0;
      for (Element e : type.getEnclosedElements()) {
        if (e instanceof ExecutableElement m) {
          String member = m.getSimpleName().toString();
          if (!members.containsKey(member)) {
            members.put(member, new Member(new WeakReference<>(m), position));
            if (member.equals(name)) {
              found = new Declared(m, position);
            }
          }
        }
        position++;
      }
      MEMBERS.put(type, members);
      lastType = new LastType(new WeakReference<>(type), members);
      return found;
    }
  }
}
