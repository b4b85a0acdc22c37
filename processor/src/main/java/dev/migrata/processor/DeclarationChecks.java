package dev.migrata.processor;

import java.util.Locale;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * What javac itself would let through but the reader would silently skip or misread: a
 * {@code @Model} that is not a top-level class, and models whose types do not resolve yet.
 */
final class DeclarationChecks {
  private final Reporter reporter;

  DeclarationChecks(Reporter reporter) {
    this.reporter = reporter;
  }

  /** Whether the model is a class; an interface, enum, record or annotation type is refused. */
  boolean isClass(TypeElement t) {
    if (t.getKind() == ElementKind.CLASS) {
      return true;
    }
    String kind = t.getKind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    reporter.report(
        Problem.MODEL_NOT_A_CLASS,
        t,
        Mirrors.find(t, ModelReader.MODEL),
        null,
        t.getSimpleName(),
        kind.startsWith("a") || kind.startsWith("e") || kind.startsWith("i")
            ? "an " + kind
            : "a " + kind,
        t.getSimpleName());
    return false;
  }

  /**
   * Only top-level classes of the app's package are read, so a {@code @Model} on a nested class
   * (static or inner) would be silently ignored: refuse it instead. Local and anonymous classes are
   * invisible to processors.
   */
  void refuseNestedModels(TypeElement outer) {
    for (Element e : outer.getEnclosedElements()) {
      if (e instanceof TypeElement nested) {
        if (ModelReader.isModel(nested)) {
          reporter.report(
              Problem.MODEL_NOT_TOP_LEVEL,
              nested,
              Mirrors.find(nested, ModelReader.MODEL),
              null,
              nested.getQualifiedName(),
              nested.getSimpleName());
        }
        refuseNestedModels(nested);
      }
    }
  }

  /**
   * What of the app's models javac could not resolve (a missing superclass or field type), or null.
   * Such a model reads without the missing parts, so planning it would write a wrong migration into
   * the source tree of a compile that fails anyway.
   */
  String unresolved(PackageElement pkg) {
    if (pkg == null) {
      return null;
    }
    for (Element e : pkg.getEnclosedElements()) {
      if (!(e instanceof TypeElement t) || !ModelReader.isModel(t)) {
        continue;
      }
      TypeMirror superclass = t.getSuperclass();
      while (superclass.getKind() == TypeKind.DECLARED) {
        superclass = ((TypeElement) ((DeclaredType) superclass).asElement()).getSuperclass();
      }
      if (superclass.getKind() == TypeKind.ERROR) {
        return "the superclass " + superclass + " of " + t.getSimpleName();
      }
      for (Element f : t.getEnclosedElements()) {
        if (f.getKind() == ElementKind.FIELD && hasError(f.asType())) {
          return "the type "
              + f.asType()
              + " of the field "
              + t.getSimpleName()
              + "."
              + f.getSimpleName();
        }
      }
    }
    return null;
  }

  private static boolean hasError(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type instanceof DeclaredType d) {
      for (TypeMirror argument : d.getTypeArguments()) { // A loop: no lambda class per compile.
        if (hasError(argument)) {
          return true;
        }
      }
    }
    return false;
  }
}
