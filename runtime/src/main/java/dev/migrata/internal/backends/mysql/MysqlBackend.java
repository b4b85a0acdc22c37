package dev.migrata.internal.backends.mysql;

import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.MigrationLock;
import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.backends.base.Features;
import dev.migrata.internal.backends.base.Introspection;
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
    return SessionLock.acquire(dedicated, new MysqlLock(), timeout, waiting);
  }
}
