package dev.migrata.processor;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * The autodetector's questioner inside javac: renames come from {@code renamedFrom}, and every
 * question nobody answered is a diagnostic on the model or field it is about.
 */
final class DeclaredAnswers implements Autodetector.Questioner {
  private final Map<String, ModelDeclaration> declarations;
  private final Reporter reporter;

  /** @param declarations the current models by {@code app.model} (lowercased) */
  DeclaredAnswers(Map<String, ModelDeclaration> declarations, Reporter reporter) {
    this.declarations = declarations;
    this.reporter = reporter;
  }

  @Override
  public String renamedModelFrom(String app, String model) {
    ModelDeclaration d = declarations.get(dev.migrata.internal.state.ProjectState.key(app, model));
    return d == null ? null : d.renamedFrom();
  }

  @Override
  public String renamedFieldFrom(String app, String model, String field) {
    ModelDeclaration d = declarations.get(dev.migrata.internal.state.ProjectState.key(app, model));
    if (d == null) {
      return null;
    }
    ModelDeclaration.FieldDeclaration f = d.fields().get(field);
    return f == null ? null : f.renamedFrom();
  }

  @Override
  public void report(Problem problem, String app, String model, String field, Object... args) {
    ModelDeclaration d = declarations.get(dev.migrata.internal.state.ProjectState.key(app, model));
    if (d == null) {
      reporter.report(problem, null, args);
      return;
    }
    Element element = d.element();
    AnnotationMirror mirror = null;
    AnnotationValue value = null;
    ModelDeclaration.FieldDeclaration f = field == null ? null : d.fields().get(field);
    if (f != null) {
      element = f.element();
      mirror = f.mirror();
      if (problem == Problem.FIELD_RENAMED_FROM_UNKNOWN) {
        value = Mirrors.value(mirror, "renamedFrom");
      }
    } else if (problem == Problem.MODEL_RENAMED_FROM_UNKNOWN) {
      mirror = d.modelMirror();
      value = Mirrors.value(mirror, "renamedFrom");
    }
    reporter.report(problem, element, mirror, value, args);
  }
}
