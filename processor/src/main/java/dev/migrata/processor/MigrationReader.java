package dev.migrata.processor;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.state.Deconstructed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads an app's migrations from the {@code @Migration} annotation values of the classes in its
 * migrations package. {@link Elements#getPackageElement} lists the package whether its classes are
 * sources of this compile, class files of an earlier one or entries of a jar, so a partial compile
 * still sees the whole history.
 */
final class MigrationReader {
  static final String MIGRATION = "dev.migrata.annotations.migration.Migration";

  /** A migration and the class that declares it (for diagnostics). */
  record Found(MigrationDefinition definition, TypeElement element) {}

  private final Elements elements;
  private final RunJavaChecker runJava;
  private final MigrationChecker checker;
  private final Reporter reporter;

  MigrationReader(Elements elements) {
    this(elements, null, null);
  }

  MigrationReader(Elements elements, RunJavaChecker runJava, MigrationChecker checker) {
    this.elements = elements;
    this.runJava = runJava;
    this.checker = checker;
    this.reporter = checker == null ? null : checker.reporter();
  }

  /** The migrations of {@code app}, in no particular order (the replayer orders them). */
  List<Found> read(AppInfo app) {
    List<Found> found = new ArrayList<>();
    Map<String, Found> byName = new HashMap<>();
    PackageElement pkg = elements.getPackageElement(app.migrationsPackage());
    if (pkg == null) {
      return found;
    }
    // In name order, so that of two classes with one migration name the same one is reported.
    // By qualified name (unique in a package); a sorted map, not a comparator's lambda class.
    Map<String, TypeElement> classes = new TreeMap<>();
    for (Element e : pkg.getEnclosedElements()) {
      if (e instanceof TypeElement type) {
        classes.put(type.getQualifiedName().toString(), type);
      }
    }
    for (TypeElement type : classes.values()) {
      AnnotationMirror mirror = Mirrors.find(type, MIGRATION);
      if (mirror == null) {
        continue;
      }
      Deconstructed d = MirrorDeconstructor.deconstruct(mirror);
      if (blank(type, mirror, d, "app")) {
        continue;
      }
      if (!d.string("app", "").equals(app.label())) {
        // A migration of another app kept in this package: it is read with that app.
        continue;
      }
      if (blank(type, mirror, d, "name")) {
        continue;
      }
      String className = elements.getBinaryName(type).toString();
      String key = d.string("app", "") + "." + d.string("name", "");
      if (checker != null && !checker.check(type, mirror, key)) {
        // Reported on the values at fault: replayed without its operations, so the same fault
        // is not reported again as a replay failure (and nothing is written after an error).
        d = withoutOperations(d, key);
      }
      Found f = new Found(MigrationDefinition.reconstruct(d, className), type);
      Found twin = byName.putIfAbsent(f.definition().key().name(), f);
      if (twin != null) {
        // Left out of the history, so that the loader does not report it again on the class.
        report(
            Problem.DUPLICATE_MIGRATION_NAME,
            type,
            mirror,
            Mirrors.value(mirror, "name"),
            key,
            twin.definition().className(),
            className);
        continue;
      }
      if (runJava != null) {
        runJava.check(f);
      }
      found.add(f);
    }
    return found;
  }

  private void report(
      Problem problem,
      TypeElement type,
      AnnotationMirror mirror,
      AnnotationValue value,
      Object... args) {
    if (reporter != null) {
      reporter.report(problem, type, mirror, value, args);
    }
  }

  /** Whether the {@code attribute} of the {@code @Migration} is empty (then reported on it). */
  private boolean blank(
      TypeElement type, AnnotationMirror mirror, Deconstructed d, String attribute) {
    if (!d.string(attribute, "").isBlank() || reporter == null) {
      return false;
    }
    reporter.report(
        Problem.MIGRATION_ATTRIBUTE_EMPTY,
        type,
        mirror,
        Mirrors.value(mirror, attribute),
        type.getQualifiedName(),
        attribute,
        attribute);
    return true;
  }

  private static Deconstructed withoutOperations(Deconstructed d, String key) {
    Map<String, Object> values = new LinkedHashMap<>(d.values());
    values.remove("operations");
    // A dependency on itself was reported too: without it the loader sees no cycle.
    values.put(
        "dependencies",
        d.children("dependencies").stream()
            .filter(dep -> !key.equals(dep.string("app", "") + "." + dep.string("name", "")))
            .toList());
    return new Deconstructed(d.type(), values);
  }
}
