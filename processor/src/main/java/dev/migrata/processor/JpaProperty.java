package dev.migrata.processor;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ElementVisitor;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * A JPA persistent property (property access: a {@code getX()}/{@code isX()} getter) seen as the
 * field it stands for: named {@code x}, typed by the getter's return type, annotated with the
 * getter's annotations. The JPA reader reads attributes as fields throughout, so one adapter lets
 * it read properties unchanged. It never reaches javac: {@link Reporter} puts diagnostics on the
 * getter itself ({@link #getter()}).
 */
final class JpaProperty implements VariableElement {
  private final ExecutableElement getter;
  private final Name name;

  JpaProperty(ExecutableElement getter, Name name) {
    this.getter = getter;
    this.name = name;
  }

  /** The getter, where diagnostics about the property belong. */
  ExecutableElement getter() {
    return getter;
  }

  @Override
  public TypeMirror asType() {
    return getter.getReturnType();
  }

  @Override
  public ElementKind getKind() {
    return ElementKind.FIELD;
  }

  @Override
  public Set<Modifier> getModifiers() {
    return getter.getModifiers();
  }

  @Override
  public Name getSimpleName() {
    return name;
  }

  @Override
  public Element getEnclosingElement() {
    return getter.getEnclosingElement();
  }

  @Override
  public List<? extends Element> getEnclosedElements() {
    return List.of();
  }

  @Override
  public Object getConstantValue() {
    return null;
  }

  @Override
  public List<? extends AnnotationMirror> getAnnotationMirrors() {
    return getter.getAnnotationMirrors();
  }

  @Override
  public <A extends Annotation> A getAnnotation(Class<A> annotationType) {
    return getter.getAnnotation(annotationType);
  }

  @Override
  public <A extends Annotation> A[] getAnnotationsByType(Class<A> annotationType) {
    return getter.getAnnotationsByType(annotationType);
  }

  @Override
  public <R, P> R accept(ElementVisitor<R, P> v, P p) {
    return v.visitVariable(this, p);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JpaProperty p && p.getter.equals(getter);
  }

  @Override
  public int hashCode() {
    return getter.hashCode();
  }

  @Override
  public String toString() {
    return name.toString();
  }
}
