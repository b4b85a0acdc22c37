package dev.migrata.cli;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.internal.backends.Backends;
import dev.migrata.internal.backends.sqlite.SqliteFileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a {@code --url} before anything connects, so a typo gets an answer that says what to type
 * instead of a driver's "no suitable driver" or "unable to open database file".
 */
final class JdbcUrls {
  static final List<String> PREFIXES =
      List.of("jdbc:sqlite:", "jdbc:postgresql:", "jdbc:mysql:", "jdbc:mariadb:");

  /** Schemes people write for each backend (libpq, SQLAlchemy, Django URLs), to suggest from. */
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("postgresql", "postgresql"),
          Map.entry("postgres", "postgresql"),
          Map.entry("pgsql", "postgresql"),
          Map.entry("pg", "postgresql"),
          Map.entry("psql", "postgresql"),
          Map.entry("mysql", "mysql"),
          Map.entry("mariadb", "mariadb"),
          Map.entry("sqlite", "sqlite"),
          Map.entry("sqlite3", "sqlite"));

  private JdbcUrls() {}

  /**
   * Throws a one-line configuration error for a URL no backend takes or a SQLite file that cannot
   * be created; a missing URL is left to the runtime's own message.
   */
  static void check(String url) {
    if (url == null || url.isBlank()) {
      return;
    }
    if (Backends.forUrl(url) == null) {
      String suggestion = suggest(url);
      throw new MigrataException(
          ErrorCode.CONFIGURATION,
          "No Migrata backend for the URL '"
              + url
              + "'"
              + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?")
              + (suggestion == null ? "." : "")
              + " The accepted prefixes are jdbc:sqlite:, jdbc:postgresql:, jdbc:mysql: and"
              + " jdbc:mariadb:.");
    }
    Path file = sqliteFile(url);
    if (file != null && file.getParent() != null && !Files.isDirectory(file.getParent())) {
      throw new MigrataException(
          ErrorCode.CONFIGURATION,
          "Cannot create the SQLite database "
              + file
              + ": the directory "
              + file.getParent()
              + " does not exist.");
    }
  }

  /** The URL with its scheme spelled as a backend takes it, or null if the scheme is unknown. */
  static String suggest(String url) {
    String rest = url.strip();
    if (rest.regionMatches(true, 0, "jdbc:", 0, 5)) {
      rest = rest.substring(5);
    }
    int colon = rest.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String scheme = rest.substring(0, colon).toLowerCase(Locale.ROOT);
    int plus = scheme.indexOf('+');
    if (plus > 0) {
      scheme = scheme.substring(0, plus); // SQLAlchemy's postgresql+psycopg://
    }
    String canonical = ALIASES.get(scheme);
    if (canonical == null) {
      return null;
    }
    String after = rest.substring(colon + 1);
    if (canonical.equals("sqlite") && after.startsWith("///")) {
      after = after.substring(3); // sqlite:///app.db is a relative file, as in Django
    }
    return "jdbc:" + canonical + ":" + after;
  }

  /** The file of a SQLite URL, or null for an in-memory database or another backend. */
  static Path sqliteFile(String url) {
    return SqliteFileLock.databaseFile(url); // the one reading of a SQLite URL, as the lock's
  }
}
