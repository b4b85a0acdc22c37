package dev.migrata.processor;

import dev.migrata.internal.state.Deconstructed;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks that each RunJava operation names a method that exists with the signature the runtime
 * calls, {@code static (HistoricalModels, SchemaEditor)}, so a typo is a compile error on the
 * migration rather than a failure in production. Reads only declarations, so it works on class
 * files and jars as on sources.
 */
final class RunJavaChecker {
  static final String HISTORICAL_MODELS = "dev.migrata.data.HistoricalModels";
  static final String SCHEMA_EDITOR = "dev.migrata.schema.SchemaEditor";

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;

  RunJavaChecker(Elements elements, Types types, Reporter reporter) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
  }

  void check(MigrationReader.Found migration) {
    List<AnnotationMirror> opMirrors = opMirrors(migration.element());
    List<Deconstructed> ops = migration.definition().deconstructedOperations();
    for (int i = 0; i < ops.size(); i++) {
      Deconstructed op = ops.get(i);
      if (!op.string("kind", "").equals("RUN_JAVA")) {
        continue;
      }
      // The operations are read from the same @Migration, in order; a class file without the
      // mirrors (never seen in practice) still gets the error, on the class.
      AnnotationMirror opMirror = i < opMirrors.size() ? opMirrors.get(i) : null;
      String javaClass = op.string("javaClass", "");
      TypeElement owner =
          javaClass.isEmpty() || javaClass.equals("void")
              ? migration.element()
              : elements.getTypeElement(javaClass);
      check(migration, opMirror, "method", owner, javaClass, op.string("method", ""));
      String reverse = op.string("reverseMethod", "");
      if (!reverse.isEmpty()) {
        check(migration, opMirror, "reverseMethod", owner, javaClass, reverse);
      }
    }
  }

  private void check(
      MigrationReader.Found migration,
      AnnotationMirror opMirror,
      String attribute,
      TypeElement owner,
      String javaClass,
      String method) {
    String ownerName = owner != null ? owner.getQualifiedName().toString() : javaClass;
    String problem = problem(owner, method);
    if (problem == null) {
      return;
    }
    // The error points at the value to correct: the class that is missing, else the method name
    // (or the @Op that lacks one).
    AnnotationValue value = null;
    if (opMirror != null) {
      value = Mirrors.value(opMirror, owner == null ? "javaClass" : attribute);
    }
    reporter.report(
        Problem.RUN_JAVA_METHOD,
        migration.element(),
        opMirror,
        value,
        migration.definition().key(),
        ownerName,
        method.isEmpty() ? "<no name>" : method,
        problem,
        method.isEmpty() ? "forwards" : method);
  }

  /** The {@code @Op} mirrors of the migration's {@code operations}, in order. */
  private static List<AnnotationMirror> opMirrors(TypeElement migration) {
    List<AnnotationMirror> result = new ArrayList<>();
    AnnotationMirror mirror = Mirrors.find(migration, MigrationReader.MIGRATION);
    AnnotationValue operations = mirror == null ? null : Mirrors.value(mirror, "operations");
    if (operations == null) {
      return result;
    }
    Object v = operations.getValue();
    List<?> values = v instanceof List<?> list ? list : List.of(operations);
    for (Object o : values) {
      if (o instanceof AnnotationValue av && av.getValue() instanceof AnnotationMirror op) {
        result.add(op);
      }
    }
    return result;
  }

  /** What is wrong with the method, or {@code null}. */
  private String problem(TypeElement owner, String method) {
    if (owner == null) {
      return "is in a class the compiler cannot find";
    }
    if (method.isEmpty()) {
      return "has no name (set method = \"...\")";
    }
    boolean named = false;
    for (Element e : owner.getEnclosedElements()) {
      if (e.getKind() != ElementKind.METHOD || !e.getSimpleName().contentEquals(method)) {
        continue;
      }
      named = true;
      ExecutableElement m = (ExecutableElement) e;
      if (m.getModifiers().contains(Modifier.STATIC) && parametersMatch(m.getParameters())) {
        return null;
      }
    }
    return named ? "does not have that signature" : "does not exist";
  }

  private boolean parametersMatch(List<? extends VariableElement> parameters) {
    return parameters.size() == 2
        && is(parameters.get(0), HISTORICAL_MODELS)
        && is(parameters.get(1), SCHEMA_EDITOR);
  }

  private boolean is(VariableElement parameter, String type) {
    Element e = types.asElement(parameter.asType());
    return e instanceof TypeElement t && t.getQualifiedName().contentEquals(type);
  }
}
