package dev.migrata;

import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.IndexTable;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.recorder.MigrationRecorder;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * The history edits a person asks for, each under the migration lock: {@code migrate APP --prune}
 * and {@code --accept-changed}.
 */
final class HistoryRepair {
  private HistoryRepair() {}

  /**
   * Deletes the history rows of {@code app}'s migrations that no longer exist ({@link
   * Migrata#prune}).
   */
  static PruneResult prune(IndexTable index, String app, Connection connection, Backend backend)
      throws SQLException {
    MigrationRecorder recorder = new MigrationRecorder(backend);
    Set<MigrationKey> recorded = recorder.applied(connection);
    // An app removed from the code on purpose is known only to the history: pruning is how its
    // rows go, so that one app is not refused as an incomplete index; any other is.
    Set<MigrationKey> others = new HashSet<>(recorded);
    others.removeIf(k -> k.app().equals(app));
    History.checkAppsKnown(index.definitions(), others);
    if (others.size() == recorded.size()) {
      Targets.requireApp(new MigrationLoader(index.definitions(), Set.of(), false), app);
    }
    return History.prune(index.definitions(), app, connection, recorder);
  }

  /**
   * Records the current checksum of {@code app}'s applied migration {@code name} ({@link
   * Migrata#acceptChanged}); returns its {@code app.name}.
   */
  static String acceptChanged(
      IndexTable index, String app, String name, Connection connection, Backend backend)
      throws SQLException {
    MigrationRecorder recorder = new MigrationRecorder(backend);
    MigrationLoader loader = History.checkedLoader(index.definitions(), connection, recorder);
    Targets.requireApp(loader, app);
    MigrationDefinition m = loader.byPrefix(app, name);
    if (!loader.applied().contains(m.key())) {
      throw new MigrataException(
          ErrorCode.UNKNOWN_MIGRATION,
          "Migration "
              + m.key()
              + " is not applied; only an applied migration has a"
              + " checksum to accept.");
    }
    recorder.ensureSchema(connection);
    recorder.recordChecksum(connection, m, false);
    return m.key().toString();
  }
}
