package dev.migrata.processor;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.state.Deconstructed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
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

  MigrationReader(Elements elements) {
    this(elements, null, null);
  }

  MigrationReader(Elements elements, RunJavaChecker runJava, MigrationChecker checker) {
    this.elements = elements;
    this.runJava = runJava;
    this.checker = checker;
  }

  /** The migrations of {@code app}, in no particular order (the replayer orders them). */
  List<Found> read(AppInfo app) {
    List<Found> found = new ArrayList<>();
    PackageElement pkg = elements.getPackageElement(app.migrationsPackage());
    if (pkg == null) {
      return found;
    }
    for (Element e : pkg.getEnclosedElements()) {
      if (!(e instanceof TypeElement type)) {
        continue;
      }
      AnnotationMirror mirror = Mirrors.find(type, MIGRATION);
      if (mirror == null) {
        continue;
      }
      Deconstructed d = MirrorDeconstructor.deconstruct(mirror);
      if (!d.string("app", "").equals(app.label())) {
        // A migration of another app kept in this package: it is read with that app.
        continue;
      }
      String className = elements.getBinaryName(type).toString();
      String key = d.string("app", "") + "." + d.string("name", "");
      if (checker != null && !checker.check(type, mirror, key)) {
        // Reported on the values at fault: replayed without its operations, so the same fault
        // is not reported again as a replay failure (and nothing is written after an error).
        d = withoutOperations(d);
      }
      Found f = new Found(MigrationDefinition.reconstruct(d, className), type);
      if (runJava != null) {
        runJava.check(f);
      }
      found.add(f);
    }
    return found;
  }

  private static Deconstructed withoutOperations(Deconstructed d) {
    Map<String, Object> values = new LinkedHashMap<>(d.values());
    values.remove("operations");
    return new Deconstructed(d.type(), values);
  }
}
