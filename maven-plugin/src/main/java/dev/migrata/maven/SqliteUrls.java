package dev.migrata.maven;

import java.nio.file.Path;

/**
 * A relative SQLite file in a plugin's URL means the project's directory, as every path in a POM
 * does; the JVM's working directory is the reactor's root, which differs in a multi-module build.
 */
final class SqliteUrls {
  private static final String PREFIX = "jdbc:sqlite:";

  private SqliteUrls() {}

  static String relativeTo(String url, Path basedir) {
    if (!url.startsWith(PREFIX)) {
      return url;
    }
    String rest = url.substring(PREFIX.length());
    int query = rest.indexOf('?');
    String file = query < 0 ? rest : rest.substring(0, query);
    // In-memory databases (":memory:"), file: URIs and an empty name are the driver's to read.
    if (file.isEmpty() || file.startsWith(":") || file.startsWith("file:")) {
      return url;
    }
    Path path = Path.of(file);
    if (path.isAbsolute()) {
      return url;
    }
    return PREFIX + basedir.resolve(path).normalize() + (query < 0 ? "" : rest.substring(query));
  }
}
