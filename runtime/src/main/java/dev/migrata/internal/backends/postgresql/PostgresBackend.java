package dev.migrata.internal.backends.postgresql;

import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.MigrationLock;
import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.backends.base.Features;
import dev.migrata.internal.backends.base.Introspection;
import dev.migrata.internal.backends.base.LeaseLock;
import dev.migrata.internal.backends.base.SessionLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * PostgreSQL ({@code jdbc:postgresql:}). The whole-run lock is a session-level advisory lock (see
 * {@link SessionLock}), on the migration connection: it outlives that session's commits and
 * rollbacks. Advisory locks are per database, so runs on other databases of the server do not wait.
 */
public final class PostgresBackend implements Backend {
  private static final List<Driver> DRIVERS =
      List.of(new Driver("org.postgresql.Driver", "org.postgresql:postgresql", "42.7.14"));
  static final Introspection INTROSPECTION = new PostgresIntrospection();

  @Override
  public String vendor() {
    return "postgresql";
  }

  @Override
  public boolean accepts(String jdbcUrl) {
    return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
  }

  @Override
  public List<Driver> drivers(String jdbcUrl) {
    return DRIVERS;
  }

  /** The same on every supported server version, but for the version itself. */
  @Override
  public Features features(Connection connection) {
    return PostgresFeatures.of(connection);
  }

  @Override
  public Introspection introspection() {
    return INTROSPECTION;
  }

  @Override
  public BaseSchemaEditor editor(Connection connection, boolean collect) {
    return new PostgresSchemaEditor(connection, collect);
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
    return SessionLock.acquire(
        onConnection ? connection : null, dedicated, new PostgresLock(), timeout, waiting);
  }

  @Override
  public LeaseLock.Dialect leaseDialect() {
    // clock_timestamp(), not now(): now() is the transaction's start.
    return () -> "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS bigint)";
  }
}
