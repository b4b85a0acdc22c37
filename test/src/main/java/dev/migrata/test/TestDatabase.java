package dev.migrata.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database for one test, removed by {@link #close}: a SQLite file in a temporary
 * directory, or a database created on a PostgreSQL or MariaDB/MySQL server and dropped afterwards.
 *
 * <p>Where it is made is a <em>server</em>: {@code sqlite}, {@code postgresql}, {@code mariadb} or
 * {@code mysql} (the server's URL then comes from the system property {@code
 * migrata.test.<name>.url} or the environment variable {@code MIGRATA_TEST_<NAME>_URL}, else the
 * local default), or a JDBC URL of the server with credentials, e.g. {@code
 * jdbc:postgresql://db:5432/postgres?user=ci&password=ci}. A server that cannot be reached fails
 * the test when {@code CI=true}; elsewhere it skips the test and says how to point the kit at one.
 */
public final class TestDatabase implements AutoCloseable {
  /** Where the named servers are when nothing says otherwise. */
  static final String LOCAL_POSTGRESQL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  static final String LOCAL_MARIADB = "jdbc:mariadb://127.0.0.1:3306/?user=root";

  private final String url;
  private final String adminUrl;
  private final String name;
  private final Path directory;

  private TestDatabase(String url, String adminUrl, String name, Path directory) {
    this.url = url;
    this.adminUrl = adminUrl;
    this.name = name;
    this.directory = directory;
  }

  /** A new database on {@code server} (a name such as {@code postgresql}, or a JDBC URL). */
  public static TestDatabase create(String server) {
    String admin = serverUrl(server);
    if (admin.startsWith("jdbc:sqlite:")) {
      try {
        Path dir = Files.createTempDirectory("migrata-test");
        return new TestDatabase("jdbc:sqlite:" + dir.resolve("test.db"), null, null, dir);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot create a temporary directory for SQLite.", e);
      }
    }
    String name = "migrata_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    DriverManager.setLoginTimeout(10);
    try (Connection c = DriverManager.getConnection(admin);
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      unreachable(server, admin, e);
    }
    return new TestDatabase(withDatabase(admin, name), admin, name, null);
  }

  /** The server's admin URL for a name, or {@code server} itself when it is a JDBC URL. */
  static String serverUrl(String server) {
    if (server.startsWith("jdbc:")) {
      return server;
    }
    String key = server.toLowerCase(Locale.ROOT);
    String configured = System.getProperty("migrata.test." + key + ".url");
    if (configured == null) {
      configured = System.getenv("MIGRATA_TEST_" + key.toUpperCase(Locale.ROOT) + "_URL");
    }
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    return switch (key) {
      case "sqlite" -> "jdbc:sqlite:";
      case "postgresql", "postgres" -> LOCAL_POSTGRESQL;
      case "mariadb", "mysql" -> LOCAL_MARIADB;
      default ->
          throw new IllegalArgumentException(
              "Unknown test database server '"
                  + server
                  + "': use sqlite, postgresql, mariadb,"
                  + " mysql or a JDBC URL.");
    };
  }

  /** {@code jdbc:postgresql://host:5432/postgres?user=x} with {@code name} as its database. */
  static String withDatabase(String serverUrl, String name) {
    int query = serverUrl.indexOf('?');
    String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
    String params = query < 0 ? "" : serverUrl.substring(query);
    int hostStart = base.indexOf("//");
    int slash = hostStart < 0 ? -1 : base.indexOf('/', hostStart + 2);
    String host = slash < 0 ? base : base.substring(0, slash);
    return host + "/" + name + params;
  }

  private static void unreachable(String server, String admin, SQLException e) {
    String message =
        "Cannot create a test database on "
            + server
            + " ("
            + e.getMessage()
            + "). Point the kit"
            + " at a server with -Dmigrata.test."
            + server.toLowerCase(Locale.ROOT)
            + ".url=<JDBC URL with credentials>.";
    if (server.startsWith("jdbc:")) {
      message =
          "Cannot create a test database on " + redacted(admin) + " (" + e.getMessage() + ").";
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(message, e);
    }
    Assumptions.abort(message);
  }

  /** A URL without its password, for messages. */
  private static String redacted(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  /** The JDBC URL of this database, with the server's credentials. */
  public String url() {
    return url;
  }

  /** {@code sqlite}, {@code postgresql} or {@code mysql} (MariaDB too). */
  public String vendor() {
    if (url.startsWith("jdbc:sqlite:")) {
      return "sqlite";
    }
    return url.startsWith("jdbc:postgresql:") ? "postgresql" : "mysql";
  }

  /** A new connection to this database. */
  public Connection open() throws SQLException {
    return DriverManager.getConnection(url);
  }

  /** Drops the database (or deletes SQLite's file). */
  @Override
  public void close() {
    if (directory != null) {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        // A leftover temporary file is harmless.
      }
      return;
    }
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement st = c.createStatement()) {
      if (vendor().equals("postgresql")) {
        // Connections a failed test left open must not keep the database.
        st.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + name
                + "' AND pid <> pg_backend_pid()");
      }
      st.execute("DROP DATABASE IF EXISTS " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot drop the test database " + name + ".", e);
    }
  }

  @Override
  public String toString() {
    return vendor() + " " + (name != null ? name : directory);
  }
}
