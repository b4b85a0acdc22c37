package dev.migrata.processor;

import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;

/**
 * Finds the app a package belongs to: {@code @App} on its package-info sets the label and the
 * migrations package, otherwise the label is the last package segment and migrations live in {@code
 * <package>.migrations}. Read through annotation mirrors, so a package-info compiled earlier (class
 * file) is honoured too.
 */
final class AppResolver {
  static final String APP = "dev.migrata.annotations.App";

  private final Elements elements;
  private final Reporter reporter;
  private final Map<String, AppInfo> cache = new TreeMap<>();
  private final Map<String, String> packageOfLabel = new TreeMap<>();
  private final String projectAutoField;

  AppResolver(Elements elements, Reporter reporter) {
    this(elements, reporter, AutoFields.DEFAULT);
  }

  /** With the project's default auto field ({@code -Amigrata.defaultAutoField}, checked). */
  AppResolver(Elements elements, Reporter reporter, String projectAutoField) {
    this.elements = elements;
    this.reporter = reporter;
    this.projectAutoField = projectAutoField;
  }

  AppInfo forPackage(PackageElement pkg) {
    String name = pkg.getQualifiedName().toString();
    return cached(pkg, name);
  }

  /**
   * The app of {@code name}, resolved once. Not {@code computeIfAbsent} with a lambda: each would
   * be a class spun anew by every compile's class loader (a build tool loads the processor per
   * compile).
   */
  private AppInfo cached(PackageElement pkg, String name) {
    AppInfo app = cache.get(name);
    if (app == null) {
      app = resolve(pkg, name);
      if (app != null) {
        cache.put(name, app);
      }
    }
    return app;
  }

  AppInfo forPackage(String packageName) {
    PackageElement pkg = elements.getPackageElement(packageName);
    if (pkg == null) {
      return cached(null, packageName);
    }
    return forPackage(pkg);
  }

  /** An app already met under {@code label} (as a model's package or a relation's target). */
  AppInfo byLabel(String label) {
    for (AppInfo app : cache.values()) {
      if (app.label().equals(label)) {
        return app;
      }
    }
    return null;
  }

  /**
   * The label names tables and migrations, so it must be an identifier (Django: a Python
   * identifier); two packages with one label would mix their models into one app.
   */
  private void check(PackageElement pkg, AnnotationMirror app, String label, String migrations) {
    if (!SourceVersion.isIdentifier(label) || SourceVersion.isKeyword(label)) {
      reporter.report(
          Problem.APP_LABEL_NOT_IDENTIFIER,
          pkg,
          app,
          app == null ? null : Mirrors.value(app, "value"),
          label,
          pkg.getQualifiedName());
    }
    if (!SourceVersion.isName(migrations)) {
      reporter.report(
          Problem.MIGRATIONS_PACKAGE_INVALID,
          pkg,
          app,
          app == null ? null : Mirrors.value(app, "migrationsPackage"),
          migrations,
          pkg.getQualifiedName());
    }
    String name = pkg.getQualifiedName().toString();
    String other = packageOfLabel.putIfAbsent(label, name);
    if (other != null && !other.equals(name)) {
      reporter.report(
          Problem.DUPLICATE_APP_LABEL,
          pkg,
          app,
          app == null ? null : Mirrors.value(app, "value"),
          label,
          other,
          name);
    }
  }

  private AppInfo resolve(PackageElement pkg, String packageName) {
    String label = "";
    String migrations = "";
    String autoField = "";
    AnnotationMirror app = null;
    if (pkg != null) {
      for (AnnotationMirror mirror : pkg.getAnnotationMirrors()) {
        if (!Mirrors.isType(mirror, APP)) {
          continue;
        }
        app = mirror;
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
            mirror.getElementValues().entrySet()) {
          String member = e.getKey().getSimpleName().toString();
          Object value = e.getValue().getValue();
          if (member.equals("value")) {
            label = String.valueOf(value);
          } else if (member.equals("migrationsPackage")) {
            migrations = String.valueOf(value);
          } else if (member.equals("defaultAutoField")) {
            autoField = String.valueOf(value);
          }
        }
      }
    }
    if (label.isEmpty()) {
      label = packageName.substring(packageName.lastIndexOf('.') + 1);
    }
    if (migrations.isEmpty()) {
      migrations = packageName.isEmpty() ? "migrations" : packageName + ".migrations";
    }
    if (pkg != null && !pkg.isUnnamed()) {
      check(pkg, app, label, migrations);
    }
    if (!autoField.isEmpty() && !AutoFields.isKnown(autoField)) {
      reporter.report(
          Problem.DEFAULT_AUTO_FIELD_UNKNOWN,
          pkg,
          app,
          Mirrors.value(app, "defaultAutoField"),
          autoField,
          "the @App of " + packageName);
      autoField = "";
    }
    return new AppInfo(
        label, packageName, migrations, autoField.isEmpty() ? projectAutoField : autoField);
  }
}
