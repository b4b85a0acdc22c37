package dev.migrata.processor;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * The autodetector's questioner inside javac (Django's {@code questioner.py}, non-interactive):
 * renames come from {@code renamedFrom}, confirmed removals from {@code -Amigrata.confirmRemove},
 * and every question nobody answered is a diagnostic on the model or field it is about.
 */
final class Questioner implements MigrationQuestioner {
  private final Map<String, ModelDeclaration> declarations;
  private final Reporter reporter;
  private final Set<String> confirmedRemovals;

  /**
   * @param declarations the current models by {@code app.model} (lowercased)
   * @param confirmedRemovals {@code app.model} and {@code app.model.field}, lowercased
   */
  Questioner(
      Map<String, ModelDeclaration> declarations,
      Reporter reporter,
      Set<String> confirmedRemovals) {
    this.declarations = declarations;
    this.reporter = reporter;
    this.confirmedRemovals = confirmedRemovals;
  }

  @Override
  public boolean removalConfirmed(String app, String model, String field) {
    String key = app + "." + model + (field == null ? "" : "." + field);
    return confirmedRemovals.contains(key.toLowerCase(Locale.ROOT));
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
