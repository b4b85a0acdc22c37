package dev.migrata.internal.backends.postgresql;

import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.MigrationLock;
import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.backends.base.Features;
import dev.migrata.internal.backends.base.Introspection;
import dev.migrata.internal.backends.base.SessionLock;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * PostgreSQL ({@code jdbc:postgresql:}). The whole-run lock is a session-level advisory lock on a
 * connection of its own (see {@link SessionLock}); advisory locks are per database, so runs on
 * other databases of the server do not wait.
 */
public final class PostgresBackend implements Backend {
  private static final List<Driver> DRIVERS =
      List.of(new Driver("org.postgresql.Driver", "org.postgresql:postgresql", "42.7.14"));
  static final Introspection INTROSPECTION = new PostgresIntrospection();

  /** The advisory lock key: both 32-bit halves positive, so pg_locks shows them unchanged. */
  static final int KEY_HIGH = 0x6d696772; // "migr"
  static final int KEY_LOW = 0x61746121; // "ata!"
  static final long KEY = ((long) KEY_HIGH << 32) | KEY_LOW;

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

  /** The same on every supported server version. */
  @Override
  public Features features(Connection connection) {
    return PostgresFeatures.FEATURES;
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
      Connection connection, ConnectionOpener dedicated, Duration timeout, Consumer<String> waiting)
      throws SQLException {
    return SessionLock.acquire(dedicated, new Calls(), timeout, waiting);
  }

  private static final class Calls implements SessionLock.Calls {
    @Override
    public boolean tryLock(Connection c) throws SQLException {
      // Names this session in pg_stat_activity, so a waiting run can say which process holds it.
      try (PreparedStatement ps =
          c.prepareStatement("SELECT set_config('application_name', ?, false)")) {
        ps.setString(1, "migrata migrate " + ManagementFactory.getRuntimeMXBean().getName());
        ps.execute();
      }
      return queryBoolean(c, "SELECT pg_try_advisory_lock(" + KEY + ")");
    }

    @Override
    public boolean lock(Connection c, Duration timeout) throws SQLException {
      try (Statement st = c.createStatement()) {
        st.execute("SET lock_timeout = " + Math.max(1, timeout.toMillis()));
        st.execute("SELECT pg_advisory_lock(" + KEY + ")");
        st.execute("SET lock_timeout = 0");
        return true;
      } catch (SQLException e) {
        if ("55P03".equals(e.getSQLState())) { // lock_not_available: the timeout passed
          return false;
        }
        throw e;
      }
    }

    @Override
    public String holder(Connection c) throws SQLException {
      String sql =
          "SELECT a.pid, a.application_name, a.usename, a.client_addr, a.backend_start,"
              + " a.state FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
              + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
              + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
              + " AND l.classid = " + KEY_HIGH + " AND l.objid = " + KEY_LOW;
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery(sql)) {
        if (!rs.next()) {
          return null;
        }
        return "PostgreSQL backend pid " + rs.getInt(1)
            + " ('" + rs.getString(2) + "', user " + rs.getString(3)
            + (rs.getString(4) == null ? "" : " from " + rs.getString(4))
            + ", connected since " + rs.getTimestamp(5) + ", " + rs.getString(6) + ")";
      }
    }

    @Override
    public void unlock(Connection c) throws SQLException {
      queryBoolean(c, "SELECT pg_advisory_unlock(" + KEY + ")");
    }

    @Override
    public String advice() {
      return "if its process is gone, the server ends its session and the lock with it; to end"
          + " it yourself: SELECT pg_terminate_backend(<pid>).";
    }

    private static boolean queryBoolean(Connection c, String sql) throws SQLException {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery(sql)) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }
}
