package dev.migrata.processor;

import dev.migrata.internal.state.ProjectState;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The identity of the history a compile would replay, for {@link ReplayCache}, from file metadata
 * only. javac's own listing of a package reads every class file in it ({@code getEnclosedElements}
 * completes each member), which is the very cost the cache avoids, so the places that hold an app's
 * migrations are listed here instead:
 *
 * <ul>
 *   <li>the {@link #key} names the apps and the Migrata jars doing the replay (a new version
 *       replays anew);
 *   <li>the {@link #places} are found once, after a full read: the class output's package
 *       directory, the source root's, and every directory or jar a migration class came from;
 *   <li>their {@link #stat} lists every class file there with its size and modification time, or a
 *       jar's own size and time: a migration added, deleted, edited or recompiled changes it; and
 *       the source root's migration sources as {@link MigrationSources} lists them.
 * </ul>
 */
final class HistoryFingerprint {
  private final Filer filer;
  private final Elements elements;
  private final SourceRootLocator roots;
  private final List<? extends Element> userSources;
  private final MigrationSources sources;

  HistoryFingerprint(
      Filer filer,
      Elements elements,
      SourceRootLocator roots,
      List<? extends Element> userSources) {
    this.filer = filer;
    this.elements = elements;
    this.roots = roots;
    this.userSources = userSources;
    this.sources = new MigrationSources(filer);
  }

  /**
   * The apps (in the given order) and the Migrata jars; null when no cache may be trusted: a
   * migration of these apps is a source of this compile, so its class file may be out of date.
   */
  String key(Collection<AppInfo> apps) {
    Set<String> packages = new HashSet<>();
    for (AppInfo app : apps) { // A loop: a lambda is a class spun anew on every cache hit.
      packages.add(app.migrationsPackage());
    }
    for (Element e : userSources) {
      if (e instanceof TypeElement
          && packages.contains(elements.getPackageOf(e).getQualifiedName().toString())) {
        return null;
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("migrata ").append(codeSource(MigrataProcessor.class)).append('\n');
    out.append("core ").append(codeSource(ProjectState.class)).append('\n');
    for (AppInfo app : apps) {
      out.append("app ").append(app.label()).append(' ').append(app.migrationsPackage());
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * The part of a {@link #key} that names the Migrata jars (the lines before the apps): a key that
   * does not start with this compile's can never be given again, by this compile or a later one.
   */
  static String jars(String key) {
    int apps = key.indexOf("\napp ");
    return apps < 0 ? key : key.substring(0, apps + 1);
  }

  /**
   * Where the migrations of {@code apps} are, once javac has read them: one line per place, or null
   * when a class file cannot be located (then nothing is cached).
   */
  String places(Collection<AppInfo> apps) {
    Set<String> places = new LinkedHashSet<>();
    Path root = roots.locate(userSources);
    for (AppInfo app : apps) {
      String pkg = app.migrationsPackage();
      Path out = outputDirectory(pkg);
      if (out == null) {
        return null;
      }
      places.add("dir " + out);
      if (root != null) {
        places.add("sources " + pkg + " " + root.resolve(pkg.replace('.', '/')));
      }
      PackageElement element = elements.getPackageElement(pkg);
      if (element == null) {
        continue;
      }
      for (Element e : element.getEnclosedElements()) {
        if (!(e instanceof TypeElement type)) {
          continue;
        }
        String place = placeOf(pkg, type.getSimpleName() + ".class");
        if (place == null) {
          return null;
        }
        places.add(place);
      }
    }
    return String.join("\n", places) + "\n";
  }

  /** The metadata of {@code places} now (see {@link #places}). */
  String stat(String places) {
    return stat(places, 16);
  }

  /**
   * {@link #stat(String)}, built in a buffer of {@code expected} characters (a stored stat's
   * length): no copies as a buffer of hundreds of kilobytes grows from nothing.
   */
  String stat(String places, int expected) {
    StringBuilder out = new StringBuilder(expected);
    for (String line : places.split("\n")) {
      out.append(line).append('\n');
      if (line.startsWith("dir ")) {
        list(Paths.get(line.substring(4)), ".class", out);
      } else if (line.startsWith("sources ")) {
        int space = line.indexOf(' ', 8);
        sources.list(line.substring(8, space), Paths.get(line.substring(space + 1)), out);
      } else if (line.startsWith("jar ")) {
        out.append(stat(Paths.get(line.substring(4)))).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Every {@code suffix} file of {@code dir} with its size and time, in the directory's own order:
   * no sort, one line appended per file. A directory whose order changed (files came and went) is a
   * miss, as it should be; an unchanged one lists alike. The names come from {@link File#list()}
   * (strings, no {@code Path} per entry) and, where the platform has one (Linux, macOS), each
   * file's attributes from a {@link SecureDirectoryStream} on the directory: an {@code fstatat}
   * relative to the open directory, without the whole path made, encoded and walked per file.
   */
  static void list(Path dir, String suffix, StringBuilder out) {
    int start = out.length();
    try {
      String[] names = dir.toFile().list();
      if (names == null) {
        throw new IOException("Cannot list " + dir + ".");
      }
      try (DirectoryStream<Path> opened = Files.newDirectoryStream(dir)) {
        if (opened instanceof SecureDirectoryStream<Path> at) {
          FileSystem fs = dir.getFileSystem();
          for (String name : names) {
            line(at, fs, name, suffix, out);
          }
        } else {
          for (String name : names) {
            line(dir, name, suffix, out);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      out.setLength(start);
      out.append("absent\n");
    }
  }

  /**
   * One file's line. A method of its own, called per file, so that the JIT compiles it after a few
   * hundred files: the processor's classes are loaded afresh by each compile of a build tool, and a
   * loop body run interpreted over thousands of files costs more than the system calls.
   */
  private static void line(
      SecureDirectoryStream<Path> dir, FileSystem fs, String name, String suffix, StringBuilder out)
      throws IOException {
    if (name.endsWith(suffix)) {
      append(
          name,
          dir.getFileAttributeView(fs.getPath(name), BasicFileAttributeView.class).readAttributes(),
          out);
    }
  }

  /** {@link #line(SecureDirectoryStream, FileSystem, String, String, StringBuilder)} elsewhere. */
  private static void line(Path dir, String name, String suffix, StringBuilder out)
      throws IOException {
    if (name.endsWith(suffix)) {
      append(name, Files.readAttributes(dir.resolve(name), BasicFileAttributes.class), out);
    }
  }

  private static void append(String name, BasicFileAttributes a, StringBuilder out) {
    out.append(name).append(' ').append(a.size()).append(' ');
    out.append(a.lastModifiedTime().to(TimeUnit.MICROSECONDS)).append('\n');
  }

  /** The class output's directory for {@code pkg} (it may not exist yet), or null. */
  private Path outputDirectory(String pkg) {
    try {
      FileObject probe = filer.getResource(StandardLocation.CLASS_OUTPUT, pkg, "probe.class");
      return Paths.get(probe.toUri()).toAbsolutePath().getParent();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** {@code dir D} or {@code jar J}: where javac finds {@code pkg/relative}; null when unknown. */
  private String placeOf(String pkg, String relative) {
    FileObject file;
    try {
      file = filer.getResource(StandardLocation.CLASS_PATH, pkg, relative);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    URI uri = file.toUri();
    try {
      if ("file".equalsIgnoreCase(uri.getScheme())) {
        Path path = Paths.get(uri).toAbsolutePath();
        return Files.exists(path) ? "dir " + path.getParent() : null;
      }
      String text = uri.toString();
      int bang = text.indexOf("!/");
      if (text.startsWith("jar:") && bang > 0) {
        return "jar " + Paths.get(new URI(text.substring(4, bang)));
      }
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
    return null;
  }

  /** The Migrata jar (or class directory) that holds {@code type}, with its size and time. */
  private static String codeSource(Class<?> type) {
    try {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      Path path = Paths.get(source.getLocation().toURI());
      return path + " " + stat(path);
    } catch (URISyntaxException | RuntimeException e) {
      return "unknown " + System.nanoTime(); // Never equal to a stored key.
    }
  }

  /** Size and modification time of {@code file}, or {@code -} when there is none. */
  private static String stat(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.size() + " " + a.lastModifiedTime().to(TimeUnit.MICROSECONDS);
    } catch (IOException | RuntimeException e) {
      return "-";
    }
  }
}
