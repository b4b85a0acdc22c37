package dev.migrata.processor;

import java.util.TreeMap;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;

/**
 * Finds the app a package belongs to: {@code @App} on its package-info sets the label and the
 * migrations package, otherwise the label is the last package segment and migrations live in
 * {@code <package>.migrations}. Read through annotation mirrors, so a package-info compiled
 * earlier (class file) is honoured too.
 */
final class AppResolver {
  static final String APP = "dev.migrata.annotations.App";

  private final Elements elements;
  private final Map<String, AppInfo> cache = new TreeMap<>();

  AppResolver(Elements elements) {
    this.elements = elements;
  }

  AppInfo forPackage(PackageElement pkg) {
    String name = pkg.getQualifiedName().toString();
    return cache.computeIfAbsent(name, n -> resolve(pkg, n));
  }

  AppInfo forPackage(String packageName) {
    PackageElement pkg = elements.getPackageElement(packageName);
    if (pkg == null) {
      return cache.computeIfAbsent(packageName, n -> resolve(null, n));
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

  private AppInfo resolve(PackageElement pkg, String packageName) {
    String label = "";
    String migrations = "";
    if (pkg != null) {
      for (AnnotationMirror mirror : pkg.getAnnotationMirrors()) {
        if (!Mirrors.isType(mirror, APP)) {
          continue;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
            mirror.getElementValues().entrySet()) {
          String member = e.getKey().getSimpleName().toString();
          Object value = e.getValue().getValue();
          if (member.equals("value")) {
            label = String.valueOf(value);
          } else if (member.equals("migrationsPackage")) {
            migrations = String.valueOf(value);
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
    return new AppInfo(label, packageName, migrations);
  }
}
