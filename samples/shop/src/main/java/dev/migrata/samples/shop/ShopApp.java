package dev.migrata.samples.shop;

import dev.migrata.Migrata;
import dev.migrata.MigrataException;
import dev.migrata.PlannedMigration;
import java.util.List;

/**
 * The shop's startup: migrate the database, then serve. The connection comes from {@code --url}
 * (and {@code --user}, {@code --password}) or {@code MIGRATA_URL}/{@code MIGRATA_USER}/{@code
 * MIGRATA_PASSWORD}, else a SQLite file {@code shop.db}.
 */
public final class ShopApp {
  private ShopApp() {}

  public static void main(String[] args) {
    String url = System.getenv("MIGRATA_URL");
    String user = System.getenv("MIGRATA_USER");
    String password = System.getenv("MIGRATA_PASSWORD");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--url" -> url = args[i + 1];
        case "--user" -> user = args[i + 1];
        case "--password" -> password = args[i + 1];
        default -> {
          System.err.println("Unknown argument '" + args[i] + "'. Use --url, --user, --password.");
          System.exit(2);
        }
      }
    }
    if (url == null) {
      url = "jdbc:sqlite:" + System.getProperty("shop.db", "shop.db");
    }
    try {
      for (PlannedMigration m : migrate(url, user, password)) {
        System.out.println("Applied " + m.key());
      }
    } catch (MigrataException e) {
      System.err.println("Migration failed: " + e.getMessage());
      System.exit(1);
    }
  }

  static List<PlannedMigration> migrate(String url, String user, String password) {
    return Migrata.configure().jdbcUrl(url, user, password).load().migrate();
  }
}
