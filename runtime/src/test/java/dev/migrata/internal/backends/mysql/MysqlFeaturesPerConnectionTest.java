package dev.migrata.internal.backends.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.MigrationLock;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server version is read once per run, on the run's connection (issue 16): the run's backend
 * ({@link Backend#on}) keeps it, the MySQL session lock hands on the version it read with its name,
 * and runs on servers of different versions (a Galera node and a plain server, an old and a new
 * one) each get their own server's SQL. Nothing is kept per thread.
 */
class MysqlFeaturesPerConnectionTest {
  private final MysqlBackend backend = new MysqlBackend();

  @Test
  void aRunReadsItsConnectionsVersionOnce() {
    Server server = new Server("10.4.32-MariaDB");
    Backend run = backend.on(server.connection);

    for (int i = 0; i < 3; i++) {
      assertThat(run.features(server.connection).canRenameColumn()).isFalse();
      assertThat(run.editor(server.connection, false).features().serverVersion())
          .isEqualTo("10.4.32-MariaDB");
    }
    assertThat(server.count("SELECT VERSION()")).isOne();
    assertThat(run.on(server.connection)).isSameAs(run);
  }

  @Test
  void runsOnServersOfDifferentVersionsEachKeepTheirOwnFeatures() {
    Server old = new Server("10.4.32-MariaDB");
    Server current = new Server("11.4.2-MariaDB-log");
    Backend oldRun = backend.on(old.connection);
    Backend currentRun = backend.on(current.connection);

    for (int i = 0; i < 3; i++) {
      assertThat(oldRun.features(old.connection).canRenameColumn()).isFalse();
      assertThat(currentRun.features(current.connection).canRenameColumn()).isTrue();
      assertThat(currentRun.features(current.connection).serverVersion())
          .isEqualTo("11.4.2-MariaDB-log");
    }
    assertThat(oldRun.features(old.connection).serverVersion()).isEqualTo("10.4.32-MariaDB");
    assertThat(old.count("SELECT VERSION()")).isOne();
    assertThat(current.count("SELECT VERSION()")).isOne();
  }

  @Test
  void theBackendOfNoRunReadsTheVersionOnEveryCall() {
    Server server = new Server("10.4.32-MariaDB");

    backend.features(server.connection);
    backend.features(server.connection);

    assertThat(server.count("SELECT VERSION()")).isEqualTo(2);
    assertThat(backend.features(null).serverVersion()).isEqualTo(MysqlFeatures.NEWEST);
  }

  @Test
  void theSessionLockOnTheRunsConnectionHandsOnTheVersionItRead() throws Exception {
    Server server = new Server("10.4.32-MariaDB");

    assertThat(renamesColumnsUnderTheLock(server, true)).isFalse();

    assertThat(server.count("SELECT DATABASE(), VERSION()")).isOne();
    assertThat(server.count("SELECT VERSION()")).isZero();
  }

  @Test
  void aVersionTheLockReadOnAConnectionOfItsOwnIsNotTheRunsConnections() throws Exception {
    Server server = new Server("11.4.2-MariaDB");

    assertThat(renamesColumnsUnderTheLock(server, false)).isTrue();

    assertThat(server.count("SELECT VERSION()")).isOne();
  }

  /**
   * Whether a run on {@code server} can rename columns, asked under its session lock: on the run's
   * connection, or ({@code onConnection} false) on one of its own to an older server.
   */
  private boolean renamesColumnsUnderTheLock(Server server, boolean onConnection) throws Exception {
    Backend run = backend.on(server.connection);
    Server own = new Server("10.4.32-MariaDB");
    try (MigrationLock lock =
        run.lock(
            server.connection,
            () -> own.connection,
            onConnection,
            Duration.ofSeconds(1),
            holder -> {},
            null)) {
      return run.features(server.connection).canRenameColumn();
    }
  }

  /** A server of {@code version} behind one connection, which records the SQL it is given. */
  private static final class Server {
    final List<String> sql = new ArrayList<>();
    final Connection connection;

    Server(String version) {
      ResultSet rs =
          proxy(
              ResultSet.class,
              (m, args) ->
                  switch (m) {
                    case "next" -> true;
                    // SELECT DATABASE(), VERSION() and SELECT VERSION(); GET_LOCK's 1 is held.
                    case "getString" ->
                        last().startsWith("SELECT DATABASE()") && (int) args[0] == 1
                            ? "test"
                            : version;
                    case "getInt" -> last().startsWith("SELECT GET_LOCK") ? 1 : 0;
                    default -> null;
                  });
      PreparedStatement ps =
          proxy(PreparedStatement.class, (m, args) -> m.equals("executeQuery") ? rs : null);
      Statement st =
          proxy(
              Statement.class,
              (m, args) -> {
                if (m.startsWith("execute")) {
                  sql.add((String) args[0]);
                }
                return m.equals("executeQuery") ? rs : null;
              });
      connection =
          proxy(
              Connection.class,
              (m, args) -> {
                if (m.equals("prepareStatement")) {
                  sql.add((String) args[0]);
                  return ps;
                }
                return m.equals("createStatement") ? st : null;
              });
    }

    private String last() {
      return sql.isEmpty() ? "" : sql.get(sql.size() - 1);
    }

    long count(String statement) {
      return sql.stream().filter(statement::equals).count();
    }
  }

  private interface Answer {
    Object answer(String method, Object[] args);
  }

  private static <T> T proxy(Class<T> type, Answer answer) {
    Object p =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) ->
                switch (method.getName()) {
                  case "hashCode" -> System.identityHashCode(self);
                  case "equals" -> self == args[0];
                  case "toString" -> type.getSimpleName();
                  default -> orZero(method.getReturnType(), answer.answer(method.getName(), args));
                });
    return type.cast(p);
  }

  /** What an unanswered method returns: null, or false and 0 for primitive results. */
  private static Object orZero(Class<?> type, Object value) {
    if (value != null || !type.isPrimitive() || type == void.class) {
      return value;
    }
    return type == boolean.class ? Boolean.FALSE : type == long.class ? (Object) 0L : (Object) 0;
  }
}
