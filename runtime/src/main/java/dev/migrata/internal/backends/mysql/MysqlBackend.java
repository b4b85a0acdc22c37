package dev.migrata.internal.backends.mysql;

import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.MigrationLock;
import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.backends.base.Features;
import dev.migrata.internal.backends.base.Introspection;
import dev.migrata.internal.backends.base.SessionLock;
import dev.migrata.internal.state.Names;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

  /** Read from the server ({@code SELECT VERSION()}); the newest MySQL without a connection. */
  @Override
  public Features features(Connection connection) {
    return MysqlFeatures.of(connection);
  }

  @Override
  public Introspection introspection() {
    return INTROSPECTION;
  }

  @Override
  public BaseSchemaEditor editor(Connection connection, boolean collect) {
    return new MysqlSchemaEditor(connection, collect, features(connection));
  }

  @Override
  public MigrationLock lock(
      Connection connection, ConnectionOpener dedicated, Duration timeout, Consumer<String> waiting)
      throws SQLException {
    return SessionLock.acquire(dedicated, new Calls(), timeout, waiting);
  }

  private static final class Calls implements SessionLock.Calls {
    private String name;

    /** Lock names are at most 64 characters; a long database name is shortened with a hash. */
    private String name(Connection c) throws SQLException {
      if (name == null) {
        try (PreparedStatement ps = c.prepareStatement("SELECT DATABASE()");
            ResultSet rs = ps.executeQuery()) {
          rs.next();
          name = Names.truncate("migrata:" + rs.getString(1), 64);
        }
      }
      return name;
    }

    @Override
    public boolean tryLock(Connection c) throws SQLException {
      return getLock(c, 0);
    }

    @Override
    public boolean lock(Connection c, Duration timeout) throws SQLException {
      return getLock(c, Math.max(1, timeout.toSeconds()));
    }

    private boolean getLock(Connection c, long seconds) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
        ps.setString(1, name(c));
        ps.setLong(2, seconds);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() && rs.getInt(1) == 1;
        }
      }
    }

    @Override
    public String holder(Connection c) throws SQLException {
      Long id = null;
      try (PreparedStatement ps = c.prepareStatement("SELECT IS_USED_LOCK(?)")) {
        ps.setString(1, name(c));
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            long v = rs.getLong(1);
            id = rs.wasNull() ? null : v;
          }
        }
      }
      if (id == null) {
        return null;
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT user, host, time FROM information_schema.processlist WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return "connection " + id + " (" + rs.getString(1) + "@" + rs.getString(2)
                + ", in its current state for " + rs.getLong(3) + "s)";
          }
        }
      }
      return "connection " + id;
    }

    @Override
    public void unlock(Connection c) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
        ps.setString(1, name(c));
        ps.execute();
      }
    }

    @Override
    public String advice() {
      return "if its process is gone, the server ends its session and the lock with it; to end"
          + " it yourself: KILL <connection id>.";
    }
  }
}
