package dev.migrata;

import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.Backends;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/**
 * The databases of a fleet ({@link Migrata.Configuration#fleet}): one JDBC URL per tenant, or the
 * schemas (PostgreSQL) or databases (MySQL/MariaDB) of one server whose names match a pattern.
 * Every tenant gets the same migrations and keeps its own history table in its own schema or
 * database.
 *
 * <p>Schemas of one server share connections: each worker of the fleet keeps one connection and
 * switches it from tenant to tenant ({@code SET search_path} to the tenant's schema alone, or the
 * MySQL database), so a fleet that is up to date costs one history read per tenant, not one
 * connect.
 */
public final class Tenants {
  /** One tenant: its name in reports, and where its connections come from. */
  record Tenant(String name, Connections connections) {}

  private interface Resolver {
    List<Tenant> resolve(Tenants pool) throws SQLException;
  }

  private final Resolver resolver;
  private final ConcurrentLinkedQueue<Connection> opened = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<Connection> lent = new ThreadLocal<>();
  private String url;
  private String user;
  private String password;

  private Tenants(Resolver resolver) {
    this.resolver = resolver;
  }

  /** One tenant per JDBC URL, each with the same user and password (either may be null). */
  public static Tenants urls(List<String> urls, String user, String password) {
    List<String> copy = List.copyOf(urls);
    for (String u : copy) {
      if (Backends.forUrl(u) == null) {
        throw new MigrataException(
            ErrorCode.CONFIGURATION, "No Migrata backend for the tenant URL '" + display(u) + "'.");
      }
      Backends.requireDriver(u);
    }
    return new Tenants(
        pool -> {
          List<Tenant> out = new ArrayList<>();
          for (String u : copy) {
            out.add(new Tenant(display(u), Connections.forUrl(u, user, password)));
          }
          return out;
        });
  }

  /**
   * Every schema (PostgreSQL) or database (MySQL/MariaDB) on the server of {@code url} whose name
   * matches {@code pattern}, where {@code *} stands for any characters ({@code tenant_*}); system
   * schemas never match. Listed when the fleet runs, in name order.
   */
  public static Tenants schemas(String url, String user, String password, String pattern) {
    Backend backend = Backends.forUrl(url);
    if (backend == null) {
      throw new MigrataException(
          ErrorCode.CONFIGURATION, "No Migrata backend for the URL '" + display(url) + "'.");
    }
    if (backend.vendor().equals("sqlite")) {
      throw new MigrataException(
          ErrorCode.CONFIGURATION,
          "--schemas needs PostgreSQL (schemas) or MySQL/MariaDB (databases); SQLite has one"
              + " database per file: list the files' URLs in a tenants file instead.");
    }
    Backends.requireDriver(url);
    Pattern glob = glob(Objects.requireNonNull(pattern, "pattern"));
    boolean postgres = backend.vendor().equals("postgresql");
    Tenants tenants =
        new Tenants(
            pool -> {
              List<Tenant> out = new ArrayList<>();
              try (Connection c = pool.open();
                  PreparedStatement ps =
                      c.prepareStatement(
                          postgres
                              ? "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
                                  + " AND nspname <> 'information_schema' ORDER BY nspname"
                              : "SELECT schema_name FROM information_schema.schemata WHERE"
                                  + " schema_name NOT IN ('mysql', 'information_schema',"
                                  + " 'performance_schema', 'sys') ORDER BY schema_name");
                  ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  String schema = rs.getString(1);
                  if (glob.matcher(schema).matches()) {
                    out.add(new Tenant(schema, pool.schemaConnections(schema, postgres)));
                  }
                }
              }
              return out;
            });
    tenants.url = url;
    tenants.user = user;
    tenants.password = password;
    return tenants;
  }

  List<Tenant> resolve() {
    try {
      return resolver.resolve(this);
    } catch (SQLException e) {
      throw new MigrataException(
          ErrorCode.DATABASE,
          "Could not list the tenants: " + Connections.oneLine(e.getMessage()),
          e);
    }
  }

  /** After a tenant failed: its worker's connection may be broken, so the next gets a new one. */
  void discardLent() {
    Connection c = lent.get();
    lent.remove();
    if (c != null) {
      opened.remove(c);
      closeQuietly(c);
    }
  }

  /** Closes the connections the workers kept. */
  void close() {
    for (Connection c; (c = opened.poll()) != null; ) {
      closeQuietly(c);
    }
  }

  private Connection open() throws SQLException {
    return DriverManager.getConnection(Connections.driverUrl(url), user, password);
  }

  private Connections schemaConnections(String schema, boolean postgres) {
    return new Connections(
        () -> {
          Connection c = lent.get();
          if (c == null || c.isClosed()) {
            c = open();
            opened.add(c);
            lent.set(c);
          }
          select(c, schema, postgres);
          return notClosing(c);
        },
        () -> {
          Connection c = open();
          select(c, schema, postgres);
          return c;
        });
  }

  /** The tenant's schema alone on the path: another schema's history must never be found. */
  private static void select(Connection c, String schema, boolean postgres) throws SQLException {
    if (postgres) {
      try (Statement st = c.createStatement()) {
        st.execute("SET search_path TO \"" + schema.replace("\"", "\"\"") + "\"");
      }
    } else {
      c.setCatalog(schema);
    }
  }

  /** The worker's connection as the facade sees it: closing it gives it back. */
  private static Connection notClosing(Connection c) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close") && method.getParameterCount() == 0) {
                return null;
              }
              try {
                return method.invoke(c, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static Pattern glob(String pattern) {
    List<String> parts = new ArrayList<>();
    for (String part : pattern.split("\\*", -1)) {
      parts.add(Pattern.quote(part));
    }
    return Pattern.compile(String.join(".*", parts));
  }

  /** A URL as reports show it: without a password in its parameters. */
  static String display(String url) {
    return url.replaceAll("(?i)([?&;]password=)[^&;]*", "$1***");
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // Nothing to do.
    }
  }
}
