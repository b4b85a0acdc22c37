package dev.migrata.processor;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Finds the source tree the new migration is committed into (DESIGN-NOTES fact 2), in this order:
 * {@code -Amigrata.sourceRoot}; the file a model of this compile was parsed from, minus its package
 * path (javac's Trees, else {@link CompiledFrom} for Eclipse's compiler); the compiler's source
 * path. Each can be missing (an IDE hands the processor class files; ecj has no Trees), hence the
 * chain.
 */
final class SourceRootLocator {
  private final ProcessingEnvironment env;
  private final Options options;
  private final CompiledFrom compiledFrom;
  private Trees trees;
  private boolean treesUnavailable;
  private Optional<Path> generatedDir;

  SourceRootLocator(ProcessingEnvironment env, Options options) {
    this.env = env;
    this.options = options;
    this.compiledFrom = new CompiledFrom(env.getElementUtils());
  }

  /** The source root, or null when nothing tells it. */
  Path locate(List<? extends Element> candidates) {
    if (options.sourceRoot() != null) {
      return Paths.get(options.sourceRoot()).toAbsolutePath();
    }
    for (Element e : candidates) {
      Path root = fromCompiledFile(e);
      if (root != null) {
        return root;
      }
    }
    for (Element e : candidates) {
      Path root = fromSourcePath(e);
      if (root != null) {
        return root;
      }
    }
    return null;
  }

  private Path fromCompiledFile(Element e) {
    URI uri = sourceUri(e);
    return uri == null ? null : strip(uri, packageOf(e));
  }

  /** The source file {@code e} was compiled from, or null when it came from a class file. */
  Path sourceFile(Element e) {
    URI uri = sourceUri(e);
    if (uri == null || !"file".equalsIgnoreCase(uri.getScheme())) {
      return null;
    }
    try {
      return Paths.get(uri);
    } catch (RuntimeException ex) {
      return null;
    }
  }

  /** Where {@code e} was parsed from; null when it came from a class file or nothing tells. */
  private URI sourceUri(Element e) {
    Trees t = trees();
    if (t == null) {
      return compiledFrom.sourceUri(e);
    }
    try {
      TreePath path = t.getPath(e);
      return path == null ? null : path.getCompilationUnit().getSourceFile().toUri();
    } catch (RuntimeException ex) {
      return null;
    }
  }

  /** Whether {@code e} was parsed from the Filer's output directory (a generated source). */
  boolean isGenerated(Element e) {
    Path file = sourceFile(e);
    if (file == null) {
      return false;
    }
    Optional<Path> dir = generatedDir();
    return dir.isPresent() && file.toAbsolutePath().startsWith(dir.get());
  }

  /**
   * Whether the Filer's output directory holds a source now. When it holds none, no source of this
   * compile was parsed from there: {@link #isGenerated} is false for each, and asking javac each
   * one's file (a tree search per source) can be skipped, as after a clean.
   */
  boolean mayHoldGenerated() {
    Optional<Path> dir = generatedDir();
    if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
      return false;
    }
    try (Stream<Path> files = Files.walk(dir.get(), FileVisitOption.FOLLOW_LINKS)) {
      for (Iterator<Path> it = files.iterator(); it.hasNext(); ) {
        if (it.next().getFileName().toString().endsWith(".java")) {
          return true;
        }
      }
      return false;
    } catch (IOException | RuntimeException ex) {
      return true; // Cannot tell: each source is asked.
    }
  }

  private Optional<Path> generatedDir() {
    if (generatedDir == null) {
      try {
        URI probe =
            env.getFiler().getResource(StandardLocation.SOURCE_OUTPUT, "", "migrata.probe").toUri();
        generatedDir = Optional.ofNullable(Paths.get(probe).toAbsolutePath().getParent());
      } catch (Exception ex) {
        generatedDir = Optional.empty(); // No file output location: nothing is generated there.
      }
    }
    return generatedDir;
  }

  private Path fromSourcePath(Element e) {
    if (!(e instanceof TypeElement type)) {
      return null;
    }
    try {
      FileObject file =
          env.getFiler()
              .getResource(
                  StandardLocation.SOURCE_PATH, packageOf(e), type.getSimpleName() + ".java");
      return strip(file.toUri(), packageOf(e));
    } catch (Exception ex) {
      // No source path configured, or the file is not on it.
      return null;
    }
  }

  private Trees trees() {
    if (trees == null && !treesUnavailable) {
      try {
        trees = Trees.instance(env);
      } catch (Throwable ex) {
        // Not javac, or a wrapped environment (some IDEs): fall back to the other sources.
        treesUnavailable = true;
      }
    }
    return trees;
  }

  private String packageOf(Element e) {
    PackageElement pkg = env.getElementUtils().getPackageOf(e);
    return pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
  }

  /** {@code /src/com/example/Book.java} minus {@code com.example} is {@code /src}. */
  static Path strip(URI uri, String packageName) {
    if (!"file".equalsIgnoreCase(uri.getScheme())) {
      return null;
    }
    Path dir = Paths.get(uri).toAbsolutePath().getParent();
    if (!packageName.isEmpty()) {
      String[] segments = packageName.split("\\.");
      for (int i = segments.length - 1; i >= 0; i--) {
        if (dir == null
            || dir.getFileName() == null
            || !dir.getFileName().toString().equals(segments[i])) {
          return null;
        }
        dir = dir.getParent();
      }
    }
    return dir;
  }
}
