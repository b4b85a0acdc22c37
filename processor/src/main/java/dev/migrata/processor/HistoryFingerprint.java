package dev.migrata.processor;

import dev.migrata.internal.state.ProjectState;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The identity of the history a compile would replay, for {@link ReplayCache}: the apps, every
 * class of their migrations packages with its class file (where, size, modification time) and its
 * source in the source root (size and time, or none), and the Migrata jars doing the replay. Built
 * from file metadata only: no class file is read, so javac never parses a migration's annotations.
 * Null means "do not trust a cache": a migration of these apps is a source of this compile, or a
 * class file cannot be located.
 */
final class HistoryFingerprint {
  private final Filer filer;
  private final Elements elements;
  private final SourceRootLocator roots;
  private final Supplier<List<? extends Element>> userSources;
  private final Map<String, String> archives = new HashMap<>();

  HistoryFingerprint(
      Filer filer,
      Elements elements,
      SourceRootLocator roots,
      Supplier<List<? extends Element>> userSources) {
    this.filer = filer;
    this.elements = elements;
    this.roots = roots;
    this.userSources = userSources;
  }

  /** The fingerprint of the history of {@code apps} (in label order), or null. */
  String of(Collection<AppInfo> apps) {
    Set<String> packages = new HashSet<>();
    apps.forEach(a -> packages.add(a.migrationsPackage()));
    for (Element e : userSources.get()) {
      // A migration compiled from source now may differ from its class file: replay.
      if (e instanceof TypeElement
          && packages.contains(elements.getPackageOf(e).getQualifiedName().toString())) {
        return null;
      }
    }
    Path root = roots.locate(userSources.get());
    StringBuilder out = new StringBuilder();
    out.append("migrata ").append(jar(MigrataProcessor.class)).append('\n');
    out.append("core ").append(jar(ProjectState.class)).append('\n');
    for (AppInfo app : apps) {
      out.append("app ").append(app.label()).append(' ').append(app.migrationsPackage());
      out.append('\n');
      PackageElement pkg = elements.getPackageElement(app.migrationsPackage());
      if (pkg == null) {
        continue;
      }
      List<String> names = new ArrayList<>();
      for (Element e : pkg.getEnclosedElements()) {
        if (e instanceof TypeElement type) {
          names.add(type.getSimpleName().toString());
        }
      }
      names.sort(null);
      String dir = app.migrationsPackage().replace('.', '/');
      for (String name : names) {
        String classFile = classFile(app.migrationsPackage(), name);
        if (classFile == null) {
          return null;
        }
        out.append(name).append(' ').append(classFile).append(' ');
        out.append(root == null ? "-" : stat(root.resolve(dir).resolve(name + ".java")));
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** Where the class file javac reads is, with its size and time; null when it is not found. */
  private String classFile(String pkg, String simpleName) {
    FileObject file = find(StandardLocation.CLASS_PATH, pkg, simpleName + ".class");
    if (file == null) {
      file = find(StandardLocation.CLASS_OUTPUT, pkg, simpleName + ".class");
    }
    if (file == null) {
      return null;
    }
    URI uri = file.toUri();
    if ("file".equalsIgnoreCase(uri.getScheme())) {
      Path path = Paths.get(uri);
      String stat = stat(path);
      return stat.equals("-") ? null : path + " " + stat;
    }
    // A jar entry: the jar's own size and time stand for all its entries.
    String text = uri.toString();
    int bang = text.indexOf("!/");
    if (text.startsWith("jar:") && bang > 0) {
      return archives.computeIfAbsent(text.substring(4, bang), HistoryFingerprint::archive);
    }
    return text + " " + file.getLastModified();
  }

  private FileObject find(StandardLocation location, String pkg, String relative) {
    try {
      FileObject file = filer.getResource(location, pkg, relative);
      if (location == StandardLocation.CLASS_OUTPUT
          && "file".equalsIgnoreCase(file.toUri().getScheme())
          && !Files.exists(Paths.get(file.toUri()))) {
        return null;
      }
      return file;
    } catch (Exception e) {
      return null; // No such location or file.
    }
  }

  private static String archive(String uri) {
    try {
      return uri + " " + stat(Paths.get(new URI(uri)));
    } catch (URISyntaxException | RuntimeException e) {
      return uri + " ?" + System.nanoTime(); // Unknown: never equal to a stored fingerprint.
    }
  }

  /** The Migrata jar (or class directory) that holds {@code type}, with its size and time. */
  private static String jar(Class<?> type) {
    try {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      Path path = Paths.get(source.getLocation().toURI());
      return path + " " + stat(path);
    } catch (URISyntaxException | RuntimeException e) {
      return "? " + System.nanoTime();
    }
  }

  /** Size and modification time of {@code file}, or {@code -} when there is none. */
  private static String stat(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.size() + " " + a.lastModifiedTime().to(TimeUnit.MICROSECONDS);
    } catch (java.io.IOException | RuntimeException e) {
      return "-";
    }
  }
}
