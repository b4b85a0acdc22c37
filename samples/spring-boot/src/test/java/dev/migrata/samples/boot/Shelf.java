package dev.migrata.samples.boot;

import dev.migrata.Db;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the sample as its users run it, on one of the test databases. */
final class Shelf {
  private Shelf() {}

  /** The command-line arguments that point the application at {@code db}. */
  static List<String> args(Db db) {
    List<String> args = new ArrayList<>();
    args.add("--spring.datasource.url=" + db.url);
    if (db.kind == Db.Kind.SQLITE) {
      // Hibernate's dialect for SQLite (application-sqlite.properties); the URL is the test's.
      args.add("--spring.profiles.active=sqlite");
    }
    args.add("--spring.main.banner-mode=off");
    return args;
  }

  /** A real start with the web server on a free port. */
  static ConfigurableApplicationContext start(Db db) {
    List<String> args = args(db);
    args.add("--server.port=0");
    return new SpringApplicationBuilder(ShelfApplication.class).run(args.toArray(String[]::new));
  }
}
