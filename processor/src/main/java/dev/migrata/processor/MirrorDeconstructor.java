package dev.migrata.processor;

import dev.migrata.internal.state.Deconstructed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.SimpleAnnotationValueVisitor14;

/**
 * Reads an annotation mirror into its {@link Deconstructed} form: the annotation's simple name and
 * its explicitly written members in declaration order. Generic on purpose: a new attribute of a
 * migration annotation needs no change here, and sources, class files and jars read alike
 * (DESIGN-NOTES fact 1).
 */
final class MirrorDeconstructor {
  private MirrorDeconstructor() {}

  static Deconstructed deconstruct(AnnotationMirror mirror) {
    Element type = mirror.getAnnotationType().asElement();
    Deconstructed.Builder builder = Deconstructed.builder(type.getSimpleName().toString());
    // Declaration order (not the order written) keeps the form independent of hand edits' order:
    // the few values written, sorted by their member's place (not every member of the type).
    TreeMap<Integer, Map.Entry<String, AnnotationValue>> declared = new TreeMap<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      String name = e.getKey().getSimpleName().toString();
      int position = Mirrors.position(type, e.getKey(), name);
      if (position >= 0) {
        declared.put(position, Map.entry(name, e.getValue()));
      }
    }
    for (Map.Entry<String, AnnotationValue> e : declared.values()) {
      builder.put(e.getKey(), convert(e.getValue()));
    }
    return builder.build();
  }

  private static Object convert(AnnotationValue value) {
    return value.accept(
        new SimpleAnnotationValueVisitor14<Object, Void>() {
          @Override
          protected Object defaultAction(Object o, Void unused) {
            return String.valueOf(o);
          }

          @Override
          public Object visitBoolean(boolean b, Void unused) {
            return b;
          }

          @Override
          public Object visitInt(int i, Void unused) {
            return i;
          }

          @Override
          public Object visitString(String s, Void unused) {
            return s;
          }

          @Override
          public Object visitEnumConstant(VariableElement c, Void unused) {
            return c.getSimpleName().toString();
          }

          @Override
          public Object visitType(TypeMirror t, Void unused) {
            return t.toString();
          }

          @Override
          public Object visitAnnotation(AnnotationMirror a, Void unused) {
            return deconstruct(a);
          }

          @Override
          public Object visitArray(List<? extends AnnotationValue> values, Void unused) {
            List<Object> items = new ArrayList<>();
            for (AnnotationValue v : values) {
              items.add(convert(v));
            }
            return items;
          }
        },
        null);
  }
}
