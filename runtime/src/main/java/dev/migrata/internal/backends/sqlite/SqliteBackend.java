package dev.migrata.internal.backends.sqlite;

import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.MigrationLock;
import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.backends.base.Features;
import dev.migrata.internal.backends.base.Introspection;
import dev.migrata.internal.backends.base.LeaseLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * SQLite ({@code jdbc:sqlite:}). The whole-run lock is an OS file lock beside the database file
 * ({@link SqliteFileLock}).
 */
public final class SqliteBackend implements Backend {
  private static final String PREFIX = "jdbc:sqlite:";
  private static final List<Driver> DRIVERS =
      List.of(new Driver("org.sqlite.JDBC", "org.xerial:sqlite-jdbc", "3.53.4.0"));
  private static final Introspection INTROSPECTION = new SqliteIntrospection();

  @Override
  public String vendor() {
    return "sqlite";
  }

  @Override
  public boolean accepts(String jdbcUrl) {
    return jdbcUrl != null && jdbcUrl.startsWith(PREFIX);
  }

  @Override
  public List<Driver> drivers(String jdbcUrl) {
    return DRIVERS;
  }

  @Override
  public Features features(Connection connection) {
    return SqliteFeatures.FEATURES;
  }

  @Override
  public Introspection introspection() {
    return INTROSPECTION;
  }

  @Override
  public BaseSchemaEditor editor(Connection connection, boolean collect) {
    return new SqliteSchemaEditor(connection, collect);
  }

  @Override
  public void prepare(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("PRAGMA busy_timeout = 30000");
    }
  }

  @Override
  public MigrationLock lock(
      Connection connection,
      ConnectionOpener dedicated,
      boolean onConnection,
      Duration timeout,
      Consumer<String> waiting,
      Duration lease)
      throws SQLException {
    if (lease != null) {
      return LeaseLock.acquire(dedicated, leaseDialect(), lease, timeout, waiting);
    }
    return SqliteFileLock.acquire(connection.getMetaData().getURL(), timeout, waiting);
  }

  @Override
  public LeaseLock.Dialect leaseDialect() {
    return new LeaseLock.Dialect() {
      @Override
      public String nowMillis() {
        return "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";
      }

      /** SQLITE_CONSTRAINT (19) and SQLITE_BUSY (5), plain or extended. */
      @Override
      public boolean lostRace(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == 19 || code == 5;
      }
    };
  }
}
