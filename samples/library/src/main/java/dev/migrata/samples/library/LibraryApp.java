package dev.migrata.samples.library;

import dev.migrata.MigrataException;
import dev.migrata.Migrata;
import dev.migrata.PlannedMigration;
import java.util.List;

/**
 * The sample's main program: migrates its database at startup, as a real app would, and prints
 * what it applied.
 *
 * <p>Usage: {@code LibraryApp [--url JDBC_URL] [--user USER] [--password PASSWORD]}. Without a
 * URL it uses an embedded SQLite file: the system property {@code library.db}, else {@code
 * library.db} in the working directory.
 */
public final class LibraryApp {
  private LibraryApp() {}

  public static void main(String[] args) {
    String url = null;
    String user = null;
    String password = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--url" -> url = value;
        case "--user" -> user = value;
        case "--password" -> password = value;
        default -> {
          System.err.println("Unknown argument '" + args[i] + "'. Use --url, --user, --password.");
          System.exit(2);
        }
      }
      i++;
    }
    if (url == null) {
      url = "jdbc:sqlite:" + System.getProperty("library.db", "library.db");
    }
    try {
      run(url, user, password);
    } catch (MigrataException e) {
      System.err.println("Migration failed: " + e.getMessage());
      System.exit(1);
    }
  }

  static List<PlannedMigration> run(String url, String user, String password) {
    System.out.println("Migrating " + url);
    List<PlannedMigration> applied =
        Migrata.configure().jdbcUrl(url, user, password).load().migrate();
    if (applied.isEmpty()) {
      System.out.println("The database is up to date.");
    }
    for (PlannedMigration migration : applied) {
      System.out.println("Applied " + migration.key());
    }
    return applied;
  }
}
