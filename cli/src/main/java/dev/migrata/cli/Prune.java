package dev.migrata.cli;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.Backends;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.recorder.MigrationRecorder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Django 4.1's {@code migrate APP --prune}: deletes the history rows of an app's migrations that no
 * longer exist (their classes are gone from the index), saying which. Refuses while a squashed
 * migration still {@code replaces} one of them, as Django: its rows may be all that records the
 * squash as applied.
 *
 * <p>Works on the recorder directly until the facade has a prune method of its own (engineer
 * "api"); then {@link #run} becomes a call to it and this class only prints.
 */
final class Prune {
  private final Context context;
  private final int verbosity;

  Prune(Context context, int verbosity) {
    this.context = context;
    this.verbosity = verbosity;
  }

  void run(String app, String url, String user, String password, ClassLoader classLoader) {
    List<MigrationDefinition> definitions = MigrationLoader.readIndex(classLoader);
    Set<MigrationKey> known = new HashSet<>();
    definitions.forEach(d -> known.add(d.key()));
    Backend backend = Backends.forUrl(url);
    try (Connection connection = DriverManager.getConnection(driverUrl(url), user, password)) {
      backend.prepare(connection);
      MigrationRecorder recorder = new MigrationRecorder(backend);
      Set<MigrationKey> gone = new TreeSet<>(recorder.applied(connection));
      gone.removeAll(known);
      if (verbosity > 0) {
        context.println("Pruning migrations:");
      }
      Set<MigrationKey> blocking = new TreeSet<>();
      for (MigrationDefinition d : definitions) {
        if (d.replaces().stream().anyMatch(gone::contains)) {
          blocking.add(d.key());
        }
      }
      if (!blocking.isEmpty()) {
        context.println(
            "  Cannot use --prune because the following squashed migrations have their"
                + " 'replaces' attributes and may not be recorded as applied:");
        blocking.forEach(k -> context.println("    " + k));
        context.println(
            "  Re-run 'migrate' if they are not marked as applied, and remove 'replaces'"
                + " attributes in their migration classes.");
        return;
      }
      List<MigrationKey> prune = gone.stream().filter(k -> k.app().equals(app)).toList();
      if (prune.isEmpty() && verbosity > 0) {
        context.println("  No migrations to prune.");
      }
      for (MigrationKey key : prune) {
        if (verbosity > 0) {
          context.startLine("  Pruning " + key);
        }
        recorder.recordUnapplied(connection, key);
        if (verbosity > 0) {
          context.finishLine(" OK");
        }
      }
    } catch (SQLException e) {
      throw new MigrataException(
          ErrorCode.DATABASE, "Database error: " + Main.oneLine(e.getMessage()), e);
    }
  }

  /** As the facade: the MariaDB driver takes {@code jdbc:mysql:} when told to. */
  private static String driverUrl(String url) {
    if (!url.startsWith("jdbc:mysql:")) {
      return url;
    }
    try {
      DriverManager.getDriver(url);
      return url;
    } catch (SQLException e) {
      return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
    }
  }
}
