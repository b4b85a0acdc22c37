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
  private static final List<Backend> ALL =
      List.of(new SqliteBackend(), new PostgresBackend(), new MysqlBackend());

  private Backends() {}

  /** The backend for {@code jdbcUrl}, or {@code null} if none takes it. */
  public static Backend forUrl(String jdbcUrl) {
    for (Backend b : ALL) {
      if (b.accepts(jdbcUrl)) {
        return b;
      }
    }
    return null;
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
    if (backend == null || registered(jdbcUrl)) {
      return;
    }
    requireDriver(jdbcUrl, backend.drivers(jdbcUrl), loaders());
  }

  /** {@link #requireDriver(String)} for known {@code drivers}, looked up in {@code loaders}. */
  static void requireDriver(
      String jdbcUrl, List<Backend.Driver> drivers, List<ClassLoader> loaders) {
    for (Backend.Driver d : drivers) {
      for (ClassLoader loader : loaders) {
        try {
          Class.forName(d.className(), false, loader);
          return;
        } catch (ClassNotFoundException | LinkageError e) {
          // Not in this loader; try the next one.
        }
      }
    }
    throw new MigrataException(
        ErrorCode.CONFIGURATION,
        "No JDBC driver for " + scheme(jdbcUrl) + " on the class path. Add "
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
