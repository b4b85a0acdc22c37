package dev.migrata.internal.backends.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The server version is read once per connection (issue 16), and a run on one thread that talks to
 * two servers of different versions (a Galera node and a plain server, or an old and a new one)
 * still gets each server's own SQL: the version is the connection's, not the last one read.
 */
class MysqlFeaturesPerConnectionTest {
  private final MysqlBackend backend = new MysqlBackend();

  @Test
  void twoConnectionsToServersOfDifferentVersionsEachKeepTheirOwnFeatures() {
    AtomicInteger oldReads = new AtomicInteger();
    AtomicInteger newReads = new AtomicInteger();
    Connection old = server("10.4.32-MariaDB", oldReads);
    Connection current = server("11.4.2-MariaDB-log", newReads);

    for (int i = 0; i < 3; i++) {
      assertThat(backend.features(old).canRenameColumn()).isFalse();
      assertThat(backend.features(old).canRenameColumn()).isFalse();
      assertThat(backend.features(current).canRenameColumn()).isTrue();
      assertThat(backend.features(current).serverVersion()).isEqualTo("11.4.2-MariaDB-log");
    }
    assertThat(backend.features(old).serverVersion()).isEqualTo("10.4.32-MariaDB");
    // Read again after the other connection was asked, never answered from the other's version.
    assertThat(oldReads.get()).isBetween(1, 4);
    assertThat(newReads.get()).isBetween(1, 3);
  }

  @Test
  void aVersionRememberedByTheLockIsThatConnectionsOnly() {
    AtomicInteger reads = new AtomicInteger();
    Connection locked = server("10.4.32-MariaDB", new AtomicInteger());
    Connection other = server("11.4.2-MariaDB", reads);
    MysqlBackend.rememberVersion(locked, "10.4.32-MariaDB");

    assertThat(backend.features(other).canRenameColumn()).isTrue();
    assertThat(reads.get()).isEqualTo(1);
    assertThat(backend.features(locked).canRenameColumn()).isFalse();
  }

  /** A connection whose {@code SELECT VERSION()} answers {@code version}, counting the reads. */
  private static Connection server(String version, AtomicInteger reads) {
    ResultSet rs =
        proxy(
            ResultSet.class,
            (m, args) ->
                switch (m) {
                  case "next" -> true;
                  case "getString" -> version;
                  default -> null;
                });
    PreparedStatement ps =
        proxy(PreparedStatement.class, (m, args) -> m.equals("executeQuery") ? rs : null);
    return proxy(
        Connection.class,
        (m, args) -> {
          if (m.equals("prepareStatement")) {
            assertThat(args[0]).isEqualTo("SELECT VERSION()");
            reads.incrementAndGet();
            return ps;
          }
          return m.equals("isClosed") ? false : null;
        });
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
                  default -> answer.answer(method.getName(), args);
                });
    return type.cast(p);
  }
}
