package dev.migrata.processor;

import static dev.migrata.processor.AnnotationValues.strings;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.GeneratedExpression;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;

/**
 * The checks Django runs on a {@code GeneratedField}, at compile time: no default of any kind, an
 * expression that is one SQL expression over the model's own plain columns, and persistence that
 * every backend of the app supports (PostgreSQL before 18 has no virtual generated columns:
 * Django's fields.E221-style check).
 */
final class GeneratedFields {
  private static final String APP = ModelReader.PKG + "App";

  private final Elements elements;
  private final Reporter reporter;

  GeneratedFields(Elements elements, Reporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
  }

  void check(
      AppInfo app,
      String model,
      Map<String, FieldState> fields,
      Map<String, ModelDeclaration.FieldDeclaration> declarations) {
    for (FieldState f : fields.values()) {
      ModelDeclaration.FieldDeclaration d = declarations.get(f.name());
      if (!f.isGenerated() || d == null) {
        continue;
      }
      AnnotationMirror generated = Mirrors.find(d.element(), ModelReader.GENERATED_FIELD);
      options(model, f, d);
      expression(model, f, d, generated, fields);
      if (!f.persisted()) {
        persistence(app, model, f, d, generated);
      }
    }
  }

  private void options(String model, FieldState f, ModelDeclaration.FieldDeclaration d) {
    AnnotationMirror field = Mirrors.find(d.element(), ModelReader.FIELD);
    if (field == null) {
      return;
    }
    for (String option : List.of("defaultValue", "dbDefault", "defaultMethod", "primaryKey")) {
      AnnotationValue value = Mirrors.value(field, option);
      if (value != null && !Boolean.FALSE.equals(value.getValue())) {
        reporter.report(
            Problem.GENERATED_WITH_OPTION,
            d.element(),
            field,
            value,
            f.name(),
            model,
            option,
            option);
      }
    }
  }

  private void expression(
      String model,
      FieldState f,
      ModelDeclaration.FieldDeclaration d,
      AnnotationMirror generated,
      Map<String, FieldState> fields) {
    AnnotationValue at = Mirrors.value(generated, "expression");
    String expression = f.generated();
    if (expression.isBlank()) {
      bad(d, generated, at, f, model, "is empty");
      return;
    }
    String forbidden = RawSql.forbidden(expression);
    if (forbidden != null) {
      reporter.report(
          Problem.RAW_SQL_NOT_ONE_EXPRESSION,
          d.element(),
          generated,
          at,
          "@GeneratedField(expression)",
          d.element(),
          forbidden);
      return;
    }
    for (String name : GeneratedExpression.references(expression)) {
      FieldState target = fields.get(name);
      if (target == null) {
        reporter.report(
            Problem.GENERATED_UNKNOWN_FIELD,
            d.element(),
            generated,
            at,
            f.name(),
            model,
            name,
            model,
            String.join(", ", fields.keySet()));
      } else if (target.name().equals(f.name())) {
        bad(d, generated, at, f, model, "refers to itself");
      } else if (target.fieldType() == FieldType.MANY_TO_MANY) {
        bad(d, generated, at, f, model, "refers to {" + name + "}, a many-to-many field");
      } else if (target.isGenerated()) {
        bad(
            d,
            generated,
            at,
            f,
            model,
            "refers to {" + name + "}, another generated column (PostgreSQL refuses that)");
      }
    }
  }

  private void bad(
      ModelDeclaration.FieldDeclaration d,
      AnnotationMirror generated,
      AnnotationValue at,
      FieldState f,
      String model,
      String what) {
    reporter.report(
        Problem.GENERATED_BAD_REFERENCE, d.element(), generated, at, f.name(), model, what, model);
  }

  private void persistence(
      AppInfo app,
      String model,
      FieldState f,
      ModelDeclaration.FieldDeclaration d,
      AnnotationMirror generated) {
    List<String> backends = backends(app);
    AnnotationValue at = Mirrors.value(generated, "persisted");
    if (backends.contains("postgresql")) {
      reporter.report(
          Problem.GENERATED_VIRTUAL_ON_POSTGRESQL,
          d.element(),
          generated,
          at,
          f.name(),
          model,
          app.label());
    } else if (backends.isEmpty()) {
      reporter.report(
          Problem.GENERATED_VIRTUAL_NOT_PORTABLE,
          d.element(),
          generated,
          at,
          f.name(),
          model,
          app.label());
    }
  }

  /** {@code @App(backends)} of the app's package, lowercased; empty for all backends. */
  private List<String> backends(AppInfo app) {
    PackageElement pkg = elements.getPackageElement(app.packageName());
    AnnotationMirror mirror = pkg == null ? null : Mirrors.find(pkg, APP);
    return strings(mirror, "backends").stream().map(b -> b.toLowerCase(Locale.ROOT)).toList();
  }
}
