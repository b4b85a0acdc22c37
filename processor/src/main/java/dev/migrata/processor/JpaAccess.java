package dev.migrata.processor;

import static dev.migrata.processor.AnnotationValues.enumName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * JPA's access type (spec 2.3): where the persistent attributes of a class are, its fields or its
 * getters. A hierarchy's default follows its {@code @Id}/{@code @EmbeddedId} (on a getter: property
 * access); {@code @Access} on a class overrides it for that class; {@code @Access} on one attribute
 * adds that field or getter to a class of the other access type. An embeddable follows its owner
 * unless it says otherwise.
 */
final class JpaAccess {
  static final String ACCESS = Jpa.PKG + "Access";

  private final Elements elements;
  private final Reporter reporter;

  JpaAccess(Elements elements, Reporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
  }

  /** Whether {@code type} reads its getters: its own {@code @Access}, else where its id is. */
  static boolean property(TypeElement type) {
    String explicit = explicit(type);
    if (explicit != null) {
      return explicit.equals("PROPERTY");
    }
    for (TypeElement t = type; t != null; t = Jpa.typeElement(t.getSuperclass())) {
      for (Element e : t.getEnclosedElements()) {
        if (Jpa.has(e, Jpa.ID) || Jpa.has(e, Jpa.EMBEDDED_ID)) {
          return e.getKind() == ElementKind.METHOD;
        }
      }
    }
    return false;
  }

  /**
   * The persistent attributes {@code type} declares under its own access, nothing reported: for
   * looking up a key or an inverse side in another entity.
   */
  static List<VariableElement> declared(Elements elements, TypeElement type) {
    return new JpaAccess(elements, null).attributes(type, property(type), false);
  }

  /** {@code @Access(value)} of a class or attribute, or null. */
  private static String explicit(Element e) {
    AnnotationMirror access = Jpa.find(e, ACCESS);
    return access == null ? null : enumName(access, "value");
  }

  /**
   * The persistent attributes declared by {@code type} (not its superclasses), in declaration
   * order: fields, or under property access getters as {@link JpaProperty}; {@code @Transient},
   * {@code transient} and static members are not. {@code property} is the access the class
   * inherits; its own {@code @Access} wins. With {@code report}, what JPA would ignore or Hibernate
   * refuse is reported.
   */
  List<VariableElement> attributes(TypeElement type, boolean property, boolean report) {
    String explicit = explicit(type);
    if (explicit != null) {
      property = explicit.equals("PROPERTY");
    }
    Map<String, VariableElement> result = new LinkedHashMap<>();
    List<VariableElement> ignoredFields = new ArrayList<>();
    for (Element e : type.getEnclosedElements()) {
      if (e.getModifiers().contains(Modifier.STATIC) || Jpa.has(e, Jpa.TRANSIENT)) {
        continue;
      }
      if (e.getKind() == ElementKind.FIELD && !e.getModifiers().contains(Modifier.TRANSIENT)) {
        if (!property || "FIELD".equals(explicit(e))) {
          result.putIfAbsent(e.getSimpleName().toString(), (VariableElement) e);
        } else {
          ignoredFields.add((VariableElement) e);
        }
      } else if (e instanceof ExecutableElement m && getter(m) != null) {
        if (property || "PROPERTY".equals(explicit(m))) {
          String name = getter(m);
          // An explicit property replaces the field of its name (which JPA wants @Transient).
          result.put(name, new JpaProperty(m, elements.getName(name)));
          if (report) {
            requireSetter(type, m, name);
          }
        }
      }
    }
    if (report && property) {
      for (VariableElement field : ignoredFields) {
        warnIgnoredMapping(type, field, explicit != null);
      }
    }
    return new ArrayList<>(result.values());
  }

  /** The property a JavaBeans getter reads ({@code getTitle} → {@code title}), or null. */
  private static String getter(ExecutableElement m) {
    if (!m.getParameters().isEmpty()
        || m.getModifiers().contains(Modifier.PRIVATE)
        || m.getReturnType().getKind() == TypeKind.VOID) {
      return null;
    }
    String n = m.getSimpleName().toString();
    String rest;
    if (n.startsWith("get") && n.length() > 3) {
      rest = n.substring(3);
    } else if (n.startsWith("is") && n.length() > 2 && isBoolean(m.getReturnType())) {
      rest = n.substring(2);
    } else {
      return null;
    }
    if (!Character.isUpperCase(rest.charAt(0))) {
      return null;
    }
    // java.beans.Introspector.decapitalize: "URL" stays "URL", "Title" becomes "title".
    if (rest.length() > 1 && Character.isUpperCase(rest.charAt(1))) {
      return rest;
    }
    return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
  }

  private static boolean isBoolean(TypeMirror type) {
    return type.getKind() == TypeKind.BOOLEAN || type.toString().equals("java.lang.Boolean");
  }

  /** Hibernate's property access writes through {@code setX}: without one it fails to start. */
  private void requireSetter(TypeElement type, ExecutableElement getter, String name) {
    String setter =
        "set"
            + getter
                .getSimpleName()
                .toString()
                .substring(getter.getSimpleName().toString().startsWith("is") ? 2 : 3);
    for (TypeElement t = type; t != null; t = Jpa.typeElement(t.getSuperclass())) {
      for (Element e : t.getEnclosedElements()) {
        if (e instanceof ExecutableElement m
            && m.getSimpleName().contentEquals(setter)
            && m.getParameters().size() == 1
            && !m.getModifiers().contains(Modifier.STATIC)) {
          return;
        }
      }
    }
    reporter.report(
        Problem.JPA_PROPERTY_WITHOUT_SETTER,
        getter,
        type.getSimpleName(),
        name,
        getter.getSimpleName(),
        setter + "(" + getter.getReturnType() + ")");
  }

  /** A mapping annotation on a field JPA does not read is a mapping the user thinks applies. */
  private void warnIgnoredMapping(TypeElement type, VariableElement field, boolean explicit) {
    for (AnnotationMirror m : field.getAnnotationMirrors()) {
      String name = m.getAnnotationType().toString();
      if (name.startsWith(Jpa.PKG) || name.startsWith(JpaTableExtras.HIBERNATE)) {
        String simple = m.getAnnotationType().asElement().getSimpleName().toString();
        String why =
            explicit ? "@Access(AccessType.PROPERTY) on the class" : "its @Id is on a getter";
        reporter.report(
            Problem.JPA_FIELD_MAPPING_IGNORED,
            field,
            m,
            null,
            field.getSimpleName(),
            type.getSimpleName(),
            simple,
            why,
            simple);
        return;
      }
    }
  }
}
