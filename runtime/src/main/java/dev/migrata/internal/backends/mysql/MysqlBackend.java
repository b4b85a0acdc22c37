package dev.migrata.internal.backends.mysql;

import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.Backends;
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
 * MySQL and MariaDB ({@code jdbc:mariadb:}, and {@code jdbc:mysql:} for MySQL Connector/J). DDL
 * commits implicitly, so migrations are never atomic here. The whole-run lock is {@code GET_LOCK}
 * on a connection of its own: server-wide, so its name carries the database name.
 */
public final class MysqlBackend implements Backend {
  private static final Driver MARIADB =
      new Driver("org.mariadb.jdbc.Driver", "org.mariadb.jdbc:mariadb-java-client", "3.5.10");
  private static final Driver CONNECTOR_J =
      new Driver("com.mysql.cj.jdbc.Driver", "com.mysql:mysql-connector-j", null);
  static final Introspection INTROSPECTION = new MysqlIntrospection();

  @Override
  public String vendor() {
    return "mysql";
  }

  @Override
  public boolean accepts(String jdbcUrl) {
    return jdbcUrl != null
        && (jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:"));
  }

  /** {@code jdbc:mysql:} is MySQL Connector/J's, which the MariaDB driver takes when told to. */
  @Override
  public List<Driver> drivers(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:mysql:") ? List.of(MARIADB, CONNECTOR_J) : List.of(MARIADB);
  }

  /** The run's connection ({@link #on}); null for the backend {@link Backends} lists. */
  private final Connection connection;

  /** The features of the run's connection: read on first use, or handed on by its lock. */
  private Features features;

  public MysqlBackend() {
    this(null);
  }

  private MysqlBackend(Connection connection) {
    this.connection = connection;
  }

  /** A backend of one run on {@code connection}: its server's features are read once. */
  @Override
  public Backend on(Connection connection) {
    return connection == null || connection == this.connection
        ? this
        : new MysqlBackend(connection);
  }

  /**
   * Read from the server ({@code SELECT VERSION()}): once for the run's connection, on every call
   * for another; the newest MySQL without a connection.
   */
  @Override
  public Features features(Connection connection) {
    if (connection == null || connection != this.connection) {
      return MysqlFeatures.of(connection);
    }
    if (features == null) {
      features = MysqlFeatures.of(connection);
    }
    return features;
  }

  /** The server version the lock read on {@code c} with its name: the run's, if it is its own. */
  private void versionRead(Connection c, String version) {
    if (c == connection && features == null) {
      features = MysqlFeatures.forVersion(version);
    }
  }

  @Override
  public Introspection introspection() {
    return INTROSPECTION;
  }

  @Override
  public BaseSchemaEditor editor(Connection connection, boolean collect) {
    return new MysqlSchemaEditor(connection, collect, features(connection));
  }

  /**
   * {@code GET_LOCK} on a plain server. On a Galera node {@code GET_LOCK} is local to the node, so
   * a lease row (replicated, certified like any write) is the lock; the migration session then
   * waits for the cluster to catch up before each read ({@code wsrep_sync_wait}), so the history
   * read under the lock sees what a run on another node committed, and runs DDL in total order.
   */
  @Override
  public MigrationLock lock(
      Connection connection,
      ConnectionOpener dedicated,
      boolean onConnection,
      Duration timeout,
      Consumer<String> waiting,
      Duration lease)
      throws SQLException {
    boolean galera = Galera.isNode(connection);
    if (galera) {
      Galera.prepareMigrationSession(connection);
    }
    if (galera || lease != null) {
      return LeaseLock.acquire(
          dedicated,
          leaseDialect(),
          lease != null ? lease : Galera.DEFAULT_LEASE,
          timeout,
          waiting);
    }
    return SessionLock.acquire(
        onConnection ? connection : null,
        dedicated,
        new MysqlLock(this::versionRead),
        timeout,
        waiting);
  }

  @Override
  public LeaseLock.Dialect leaseDialect() {
    return () -> "CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)";
  }
}
