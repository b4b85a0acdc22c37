package dev.migrata.internal.backends.postgresql;

import dev.migrata.internal.backends.base.Features;
import dev.migrata.internal.backends.base.Features.LockKind;
import java.sql.Connection;
import java.sql.SQLException;

/** What PostgreSQL can do (Django's {@code postgresql/features.py}), on every supported version. */
final class PostgresFeatures {
  private PostgresFeatures() {}

  static final Features FEATURES = builder(null).build();

  /**
   * The features with the server's version (its NULLS NOT DISTINCT needs 15), which the driver read
   * at connect: no query. Without a connection (sqlmigrate offline), the newest server.
   */
  static Features of(Connection connection) {
    if (connection == null) {
      return FEATURES;
    }
    try {
      return builder(connection.getMetaData().getDatabaseProductVersion()).build();
    } catch (SQLException e) {
      return FEATURES;
    }
  }

  private static Features.Builder builder(String version) {
    return Features.builder()
        .serverVersion(version)
        .hasNativeDurationField(true)
        .supportsTimezones(true)
        .maxNameLength(63)
        .lockKind(LockKind.ADVISORY);
  }
}
