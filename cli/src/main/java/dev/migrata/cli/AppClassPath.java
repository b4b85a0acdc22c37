package dev.migrata.cli;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code --classpath PATHS}: the application's classes and jars, as {@code java -cp} takes them
 * (the platform's path separator, {@code dir/*} for the jars in a directory). The runnable bundle
 * has no migrations of its own, so this is where the index, the RunJava methods and the custom
 * field types come from.
 */
final class AppClassPath {
  private AppClassPath() {}

  /**
   * A loader over {@code paths} whose parent is {@code parent}, or {@code parent} itself without
   * paths. Parent first: Migrata's own classes on the application's class path (its runtime jar)
   * must not shadow the ones of the CLI that runs them.
   */
  static ClassLoader loader(String paths, ClassLoader parent) {
    if (parent == null) {
      parent = AppClassPath.class.getClassLoader();
    }
    if (paths == null || paths.isBlank()) {
      return parent;
    }
    return new URLClassLoader(urls(paths).toArray(new URL[0]), parent);
  }

  static List<URL> urls(String paths) {
    List<URL> urls = new ArrayList<>();
    for (String entry : paths.split(File.pathSeparator, -1)) {
      if (entry.isBlank()) {
        continue;
      }
      for (Path path : expand(entry)) {
        try {
          urls.add(path.toAbsolutePath().toUri().toURL());
        } catch (MalformedURLException e) {
          throw error("--classpath: cannot use '" + entry + "': " + e.getMessage());
        }
      }
    }
    return urls;
  }

  /** One entry: a directory or jar that must exist, or {@code dir/*} for the jars in dir. */
  private static List<Path> expand(String entry) {
    if (entry.equals("*") || entry.endsWith(File.separator + "*") || entry.endsWith("/*")) {
      Path dir = Path.of(entry.substring(0, entry.length() - 1).replaceAll("[/\\\\]$", ""));
      if (entry.equals("*")) {
        dir = Path.of(".");
      }
      if (!Files.isDirectory(dir)) {
        throw error("--classpath: the directory '" + dir + "' does not exist.");
      }
      try (Stream<Path> files = Files.list(dir)) {
        return files
            .filter(
                p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar"))
            .sorted()
            .toList();
      } catch (IOException e) {
        throw error("--classpath: cannot list '" + dir + "': " + e.getMessage());
      }
    }
    Path path = Path.of(entry);
    if (!Files.exists(path)) {
      throw error("--classpath: '" + entry + "' does not exist (no such file or directory).");
    }
    return List.of(path);
  }

  private static MigrataException error(String message) {
    return new MigrataException(ErrorCode.CONFIGURATION, message);
  }
}
