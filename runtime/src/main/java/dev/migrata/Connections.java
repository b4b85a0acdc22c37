package dev.migrata;

import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.Backends;
import dev.migrata.internal.backends.MigrationLock;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the facade's connections come from, and the one place that turns JDBC and runtime failures
 * into {@link MigrataException}s: each facade call opens one connection (and a lease lock one of
 * its own).
 */
final class Connections {
  /** Created on first use: SLF4J's start-up (a service lookup) is not part of a no-op run's. */
  private static final class Log {
    static final Logger LOCK = LoggerFactory.getLogger("dev.migrata.lock");
  }

  /** A source of new connections (a DataSource, or DriverManager with a URL). */
  interface Source {
    Connection get() throws SQLException;
  }

  /** Work on one open connection of a known backend. */
  interface Work<T> {
    T run(Connection connection, Backend backend) throws SQLException;
  }

  /** Work under the migration lock, which it can check is still held. */
  interface LockedWork<T> {
    T run(Connection connection, Backend backend, MigrationLock lock) throws SQLException;
  }

  private static volatile boolean driversRegistered;

  private final Source source;
  private final Source dedicatedSource;

  /** The URL's backend when known before connecting; else asked of each connection's metadata. */
  private final Backend known;

  Connections(Source source) {
    this(source, source);
  }

  private Connections(Source source, Backend known) {
    this.source = source;
    this.dedicatedSource = source;
    this.known = known;
  }

  /**
   * With {@code dedicated} for the lock's own connections: a fleet's {@code source} lends each
   * worker one connection for tenant after tenant, which must not also hold a lock.
   */
  Connections(Source source, Source dedicated) {
    this.source = source;
    this.dedicatedSource = dedicated;
    this.known = null;
  }

  /**
   * {@link Migrata.Configuration#jdbcUrl}'s connections: refused at once, before any connection,
   * when there is no URL, no backend for it or no driver.
   */
  static Connections forConfiguredUrl(String url, String user, String password) {
    if (url == null || url.isBlank()) {
      throw new MigrataException(
          ErrorCode.CONFIGURATION,
          "No database URL: pass --url or set MIGRATA_URL (e.g. jdbc:sqlite:app.db).");
    }
    if (Backends.forUrl(url) == null) {
      throw new MigrataException(
          ErrorCode.CONFIGURATION, "No Migrata backend for the URL '" + url + "'.");
    }
    Backends.requireDriver(url);
    return forUrl(url, user, password);
  }

  static Connections forUrl(String url, String user, String password) {
    // Known from the URL: asking the connection's DatabaseMetaData loads driver classes the
    // floor of a no-op start-up never needs (bench/README.md).
    Backend backend = Backends.forUrl(url);
    Driver direct = Backends.directDriver(url);
    if (direct != null) {
      Properties info = new Properties();
      if (user != null) {
        info.setProperty("user", user);
      }
      if (password != null) {
        info.setProperty("password", password);
      }
      return new Connections(() -> direct.connect(url, info), backend);
    }
    return new Connections(
        () -> {
          registerDrivers();
          return DriverManager.getConnection(driverUrl(url), user, password);
        },
        backend);
  }

  <T> T with(Work<T> work) {
    try (Connection connection = source.get()) {
      Backend backend = known;
      if (backend == null) {
        String url = connection.getMetaData().getURL();
        backend = Backends.forUrl(url);
        if (backend == null) {
          throw new MigrataException(
              ErrorCode.CONFIGURATION, "No Migrata backend for the URL '" + url + "'.");
        }
      }
      backend.prepare(connection);
      // The run's own backend: what it reads of the server once is kept for this run only.
      return work.run(connection, backend.on(connection));
    } catch (SQLException e) {
      throw new MigrataException(
          ErrorCode.DATABASE, "Database error: " + oneLine(e.getMessage()), e);
    } catch (MigrataException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new MigrataException(ErrorCode.DATABASE, oneLine(String.valueOf(e.getMessage())), e);
    }
  }

  /**
   * {@code work} under the backend's migration lock, waiting up to {@code timeout} for it; with
   * {@code lease} set, the lock is a lease row of that length on any backend.
   */
  <T> T withLock(Duration timeout, Duration lease, MigrationListener listener, LockedWork<T> work) {
    return with(
        (connection, backend) -> locked(connection, backend, timeout, lease, listener, work));
  }

  /**
   * {@code work} on {@code connection} (one {@link #with} opened) under the migration lock. A
   * session lock lives on {@code connection} itself unless this source lends its connections for
   * more than one run (a fleet's), so a run opens one connection; a lease has its own (its renewal
   * thread must not share the migration's).
   */
  <T> T locked(
      Connection connection,
      Backend backend,
      Duration timeout,
      Duration lease,
      MigrationListener listener,
      LockedWork<T> work)
      throws SQLException {
    Backend.ConnectionOpener dedicated =
        () -> {
          Connection c = dedicatedSource.get();
          backend.prepare(c);
          return c;
        };
    try (MigrationLock lock =
        backend.lock(
            connection,
            dedicated,
            dedicatedSource == source,
            timeout,
            holder -> {
              Log.LOCK.info(
                  "Waiting for the migration lock, held by {} (up to {}s)",
                  holder,
                  timeout.toSeconds());
              listener.waitingForLock(holder, timeout);
            },
            lease)) {
      return work.run(connection, backend, lock);
    }
  }

  /**
   * DriverManager finds drivers through the context class loader, which in an embedding application
   * may not see the drivers shipped with the runtime; loading them here registers them.
   */
  private static void registerDrivers() {
    if (driversRegistered) {
      return;
    }
    for (Iterator<Driver> it =
            ServiceLoader.load(Driver.class, Migrata.class.getClassLoader()).iterator();
        it.hasNext(); ) {
      try {
        it.next();
      } catch (ServiceConfigurationError e) {
        // A broken optional driver must not stop the one the URL needs.
      }
    }
    driversRegistered = true;
  }

  /**
   * {@code jdbc:mysql:} belongs to MySQL Connector/J; without it on the class path, the MariaDB
   * driver Migrata ships takes the URL when told to ({@code permitMysqlScheme}).
   */
  static String driverUrl(String url) {
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

  static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s+", " ").strip();
  }
}
