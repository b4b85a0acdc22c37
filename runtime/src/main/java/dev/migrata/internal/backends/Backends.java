package dev.migrata.internal.backends;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.internal.backends.mysql.MysqlBackend;
import dev.migrata.internal.backends.postgresql.PostgresBackend;
import dev.migrata.internal.backends.sqlite.SqliteBackend;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The backends Migrata knows, chosen by JDBC URL as Flyway's database types. */
public final class Backends {
  // One holder class per backend, so only the URL's is created: creating all three loaded and
  // verified every backend's schema editor classes in a no-op startup (bench/README.md).
  private static final class Sqlite {
    static final Backend BACKEND = new SqliteBackend();
  }

  private static final class Postgres {
    static final Backend BACKEND = new PostgresBackend();
  }

  private static final class Mysql {
    static final Backend BACKEND = new MysqlBackend();
  }

  private Backends() {}

  /** The backend for {@code jdbcUrl}, or {@code null} if none takes it. */
  public static Backend forUrl(String jdbcUrl) {
    if (jdbcUrl == null) {
      return null;
    }
    Backend candidate;
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      candidate = Sqlite.BACKEND;
    } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      candidate = Postgres.BACKEND;
    } else if (jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:")) {
      candidate = Mysql.BACKEND;
    } else {
      return null;
    }
    return candidate.accepts(jdbcUrl) ? candidate : null;
  }

  /**
   * Fails with one clear error when no driver for {@code jdbcUrl} is on the class path: the JDBC
   * drivers are optional dependencies of migrata-runtime, so the application brings the one it
   * uses. A driver the application registered itself counts. Does nothing for a URL no backend
   * takes.
   *
   * @throws MigrataException {@link ErrorCode#CONFIGURATION}, naming the Maven coordinates to add
   */
  public static void requireDriver(String jdbcUrl) {
    Backend backend = forUrl(jdbcUrl);
    // The known driver classes first: asking DriverManager initialises it, which loads every
    // driver on the class path, and a no-op startup should load only the URL's.
    if (backend == null
        || findDriverClass(backend.drivers(jdbcUrl), loaders()) != null
        || registered(jdbcUrl)) {
      return;
    }
    requireDriver(jdbcUrl, backend.drivers(jdbcUrl), loaders());
  }

  /**
   * A new instance of the URL's own driver, or null when the application must pick it through
   * DriverManager: a driver it registered itself, or {@code jdbc:mysql:} (Connector/J's scheme,
   * which the MariaDB driver takes only when told to). Connecting through it spares DriverManager's
   * initialisation, which loads every driver on the class path (bench/README.md).
   */
  public static java.sql.Driver directDriver(String jdbcUrl) {
    Backend backend = forUrl(jdbcUrl);
    if (backend == null || jdbcUrl.startsWith("jdbc:mysql:")) {
      return null;
    }
    Class<?> found = findDriverClass(backend.drivers(jdbcUrl), loaders());
    if (found == null) {
      return null;
    }
    try {
      java.sql.Driver driver = (java.sql.Driver) found.getDeclaredConstructor().newInstance();
      return driver.acceptsURL(jdbcUrl) ? driver : null;
    } catch (ReflectiveOperationException | ClassCastException | SQLException | LinkageError e) {
      return null;
    }
  }

  private static Class<?> findDriverClass(List<Backend.Driver> drivers, List<ClassLoader> loaders) {
    for (Backend.Driver d : drivers) {
      for (ClassLoader loader : loaders) {
        try {
          return Class.forName(d.className(), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
          // Not in this loader; try the next one.
        }
      }
    }
    return null;
  }

  /** {@link #requireDriver(String)} for known {@code drivers}, looked up in {@code loaders}. */
  static void requireDriver(
      String jdbcUrl, List<Backend.Driver> drivers, List<ClassLoader> loaders) {
    if (findDriverClass(drivers, loaders) != null) {
      return;
    }
    throw new MigrataException(
        ErrorCode.CONFIGURATION,
        "No JDBC driver for "
            + scheme(jdbcUrl)
            + " on the class path. Add "
            + drivers.stream().map(Backend.Driver::toString).collect(Collectors.joining(" or "))
            + " to your application's dependencies.");
  }

  private static boolean registered(String jdbcUrl) {
    try {
      return DriverManager.getDriver(jdbcUrl) != null;
    } catch (SQLException e) {
      return false;
    }
  }

  private static List<ClassLoader> loaders() {
    Set<ClassLoader> loaders = new LinkedHashSet<>();
    ClassLoader own = Backends.class.getClassLoader();
    if (own != null) {
      loaders.add(own);
    }
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      loaders.add(context);
    }
    return new ArrayList<>(loaders);
  }

  /** {@code jdbc:postgresql:} of {@code jdbc:postgresql://host/db}: what the URL is known by. */
  static String scheme(String jdbcUrl) {
    int colon = jdbcUrl.indexOf(':', "jdbc:".length());
    return colon < 0 ? jdbcUrl : jdbcUrl.substring(0, colon + 1);
  }
}
