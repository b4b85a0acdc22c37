package dev.migrata.internal.recorder;

import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.migration.MigrationKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * When each applied migration was recorded, for {@code showmigrations -v 2} (Django's {@code
 * (applied at 2026-11-24 04:33:12)}). A query of its own: the history read that every run makes
 * stays the one that fetches no timestamps.
 */
public final class AppliedTimes {
  /** The length of {@code YYYY-MM-DD HH:MM:SS}. */
  private static final int SECONDS = 19;

  private AppliedTimes() {}

  /**
   * Each row's {@code applied} time as {@code YYYY-MM-DD HH:MM:SS}; empty without a history table.
   * Read as text, which every backend's driver gives in that shape (with fractions or a zone after
   * it): SQLite keeps the column as text, which its driver's timestamp parsing does not all take.
   */
  public static Map<MigrationKey, String> read(Connection connection, Backend backend)
      throws SQLException {
    Map<MigrationKey, String> times = new HashMap<>();
    if (!backend.tableExists(connection, MigrationRecorder.TABLE)) {
      return times;
    }
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT app, name, applied FROM " + MigrationRecorder.TABLE)) {
      while (rs.next()) {
        String applied = rs.getString(3);
        if (applied != null && applied.length() >= SECONDS) {
          times.put(
              new MigrationKey(rs.getString(1), rs.getString(2)),
              applied.substring(0, SECONDS).replace('T', ' '));
        }
      }
    }
    return times;
  }
}
