package dev.migrata.processor;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Migration classes whose source was deleted (issue 8 #4). A full recompile leaves the old class
 * file in the class output, and javac lists it in the migrations package like any other: replayed,
 * it would stay in the history and the index, {@code migrate} would apply it and the jar would ship
 * it. A migration read from this module's class output whose source is in no source root any more
 * is left out (with a warning), so deleting the file and compiling drops it.
 */
final class DeletedMigrations {
  private final Filer filer;
  private final Elements elements;
  private final SourceRootLocator roots;
  private final List<? extends Element> userSources;
  private final Reporter reporter;

  DeletedMigrations(
      Filer filer,
      Elements elements,
      SourceRootLocator roots,
      List<? extends Element> userSources,
      Reporter reporter) {
    this.filer = filer;
    this.elements = elements;
    this.roots = roots;
    this.userSources = userSources;
    this.reporter = reporter;
  }

  /** {@code found} without the migrations whose source is gone. */
  List<MigrationReader.Found> withoutDeleted(List<MigrationReader.Found> found) {
    List<MigrationReader.Found> kept = new ArrayList<>();
    Path root = null;
    Map<String, Boolean> packagesInOutput = new HashMap<>();
    for (MigrationReader.Found f : found) {
      TypeElement type = f.element();
      // Compiled from source in this build, or from a jar or another module: not ours to judge.
      // The class output first: a stat, where the source's path costs javac a tree search; and
      // after a clean, when the package has no directory there, not even a stat per class.
      if (type == null
          || !packageInClassOutput(packagesInOutput, packageName(type))
          || !inClassOutput(type)
          || roots.sourceFile(type) != null) {
        kept.add(f);
        continue;
      }
      if (root == null) {
        root = roots.locate(userSources);
      }
      if (root == null || hasSource(root, type)) {
        kept.add(f);
        continue;
      }
      reporter.report(
          Problem.MIGRATION_SOURCE_DELETED,
          null,
          f.definition().key(),
          elements.getBinaryName(type),
          root.resolve(relative(type)));
    }
    return kept;
  }

  private boolean hasSource(Path root, TypeElement type) {
    if (Files.exists(root.resolve(relative(type)))) {
      return true;
    }
    // Another source root of the build (Maven passes them all as the source path).
    return exists(StandardLocation.SOURCE_PATH, type, ".java");
  }

  /**
   * {@link #inClassOutput(String)}, asked once per package (no lambda to spin per fresh loader).
   */
  private boolean packageInClassOutput(Map<String, Boolean> known, String packageName) {
    Boolean in = known.get(packageName);
    if (in == null) {
      in = inClassOutput(packageName);
      known.put(packageName, in);
    }
    return in;
  }

  private boolean inClassOutput(TypeElement type) {
    return exists(StandardLocation.CLASS_OUTPUT, type, ".class");
  }

  /**
   * Whether the class output has a directory for {@code packageName}; without one it holds none of
   * the package's classes (true when that cannot be told: each class is asked then).
   */
  private boolean inClassOutput(String packageName) {
    try {
      URI uri =
          filer.getResource(StandardLocation.CLASS_OUTPUT, packageName, "migrata.probe").toUri();
      if (!"file".equalsIgnoreCase(uri.getScheme())) {
        return true;
      }
      Path dir = Paths.get(uri).getParent();
      return dir == null || Files.isDirectory(dir);
    } catch (Exception e) {
      return true;
    }
  }

  private boolean exists(StandardLocation location, TypeElement type, String suffix) {
    try {
      FileObject file = filer.getResource(location, packageName(type), simpleName(type) + suffix);
      URI uri = file.toUri();
      return "file".equalsIgnoreCase(uri.getScheme()) && Files.exists(Paths.get(uri));
    } catch (Exception e) {
      // No such location (no source path given) or no such file.
      return false;
    }
  }

  private String relative(TypeElement type) {
    String pkg = packageName(type);
    return (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + simpleName(type) + ".java";
  }

  private String packageName(TypeElement type) {
    return elements.getPackageOf(type).getQualifiedName().toString();
  }

  private static String simpleName(TypeElement type) {
    return type.getSimpleName().toString();
  }
}
