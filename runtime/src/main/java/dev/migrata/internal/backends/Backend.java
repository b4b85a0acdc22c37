package dev.migrata.internal.backends;

import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.backends.base.Features;
import dev.migrata.internal.backends.base.Introspection;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * One database vendor (Django's {@code DatabaseWrapper}): which JDBC URLs it takes and which driver
 * they need, its {@link Features} at a server version, its {@link Introspection}, its schema editor
 * and its migration lock. A backend is a package {@code backends.<vendor>} with {@code *Backend},
 * {@code *Features}, {@code *Introspection} and {@code *SchemaEditor}, listed in {@link Backends}.
 */
public interface Backend {
  /** Short name, e.g. {@code sqlite}; custom field types are asked about it. */
  String vendor();

  /** Whether this backend handles connections made with {@code jdbcUrl}. */
  boolean accepts(String jdbcUrl);

  /** The JDBC drivers that take {@code jdbcUrl}, any one of which will do. */
  List<Driver> drivers(String jdbcUrl);

  /**
   * What the database on {@code connection} can do; with {@code null} (sqlmigrate without a
   * server), the newest server's features.
   */
  Features features(Connection connection);

  /**
   * This backend for one run on {@code connection}: what it reads of the server once (MySQL's
   * version) it keeps for the run, so the run's editors do not read it again. A run asks for it
   * once, on the connection it opened; the backend itself keeps nothing per connection.
   */
  default Backend on(Connection connection) {
    return this;
  }

  /** How this backend reads the schema in the database. */
  Introspection introspection();

  /** A schema editor for one migration on {@code connection} ({@code null} when collecting). */
  BaseSchemaEditor editor(Connection connection, boolean collect);

  /** Per-connection settings before anything runs (e.g. SQLite's busy timeout). */
  default void prepare(Connection connection) throws SQLException {}

  /**
   * Takes the whole-run migration lock, waiting up to {@code timeout}; several processes migrating
   * one database then apply each migration once. With {@code lease} set the lock is a lease row of
   * that length on any backend (for databases that several servers serve, where no session lock
   * spans them all); a lease is renewed by a thread on a connection of its own.
   *
   * @param connection the connection the migrations run on
   * @param dedicated opens a connection of the lock's own: always for a lease, and for a session
   *     lock when {@code onConnection} is false
   * @param onConnection whether a session lock (PostgreSQL's advisory lock, MySQL's {@code
   *     GET_LOCK}) may live on {@code connection}: session locks outlive its commits and rollbacks,
   *     so the run needs no second connection; false where {@code connection} is lent for more than
   *     this run (a fleet's worker), which must not keep a lock whose release failed
   * @param waiting told once, with what is known of the holder, when another run holds the lock
   */
  MigrationLock lock(
      Connection connection,
      ConnectionOpener dedicated,
      boolean onConnection,
      Duration timeout,
      Consumer<String> waiting,
      Duration lease)
      throws SQLException;

  /**
   * The SQL of the lease lock ({@link dev.migrata.internal.backends.base.LeaseLock}) on this
   * backend: the lock chosen for a Galera node, and on request on every backend.
   */
  dev.migrata.internal.backends.base.LeaseLock.Dialect leaseDialect();

  /** Opens a connection to the database being migrated. */
  @FunctionalInterface
  interface ConnectionOpener {
    Connection open() throws SQLException;
  }

  /** Whether a table exists: {@link #introspection()}'s answer. */
  default boolean tableExists(Connection connection, String table) throws SQLException {
    return introspection().tableExists(connection, table);
  }

  /**
   * A JDBC driver: its class, and the Maven coordinates and a version (the one Migrata is tested
   * with) to name when it is missing.
   */
  record Driver(String className, String coordinates, String exampleVersion) {
    @Override
    public String toString() {
      return coordinates + (exampleVersion == null ? "" : " (for example " + exampleVersion + ")");
    }
  }
}
