package dev.migrata;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that records every SQL text its connections prepare or execute, so a test can count
 * what Migrata asks of the database (e.g. reads of the history table).
 */
final class CountingDataSource implements DataSource {
  final List<String> sql = new CopyOnWriteArrayList<>();

  /** The DatabaseMetaData methods called (their queries are the driver's, not in {@link #sql}). */
  final List<String> metadata = new CopyOnWriteArrayList<>();

  int connections;

  /** Run before each statement a {@link Statement} executes, with its SQL text. */
  interface BeforeExecute {
    void run(String sql) throws SQLException;
  }

  volatile BeforeExecute beforeExecute = sql -> {};
  private final String url;

  CountingDataSource(String url) {
    this.url = url;
  }

  long count(String fragment) {
    return sql.stream().filter(s -> s.contains(fragment)).count();
  }

  @Override
  public Connection getConnection() throws SQLException {
    connections++;
    Connection real = DriverManager.getConnection(url);
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if ((method.getName().equals("prepareStatement")
                      || method.getName().equals("prepareCall"))
                  && args != null
                  && args[0] instanceof String text) {
                sql.add(text);
              }
              Object result = invoke(method, real, args);
              if (result instanceof Statement st && method.getName().equals("createStatement")) {
                return statement(st);
              }
              if (result instanceof DatabaseMetaData meta) {
                return metadata(meta);
              }
              return result;
            });
  }

  private DatabaseMetaData metadata(DatabaseMetaData real) {
    return (DatabaseMetaData)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DatabaseMetaData.class},
            (proxy, method, args) -> {
              metadata.add(method.getName());
              return invoke(method, real, args);
            });
  }

  private Statement statement(Statement real) {
    return (Statement)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Statement.class},
            (proxy, method, args) -> {
              if (method.getName().startsWith("execute")
                  && args != null
                  && args[0] instanceof String text) {
                sql.add(text);
                beforeExecute.run(text);
              }
              return invoke(method, real, args);
            });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getGlobal();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
