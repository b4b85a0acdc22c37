package dev.migrata.internal.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.internal.backends.Backend.Driver;
import dev.migrata.internal.backends.base.Features.LockKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The backends by URL, their drivers, and the error for a driver missing from the class path. */
class BackendsTest {
  private static final List<ClassLoader> LOADERS = List.of(BackendsTest.class.getClassLoader());

  @Test
  void aMissingDriverIsOneErrorNamingItsMavenCoordinates() {
    List<Driver> absent =
        List.of(new Driver("dev.migrata.NoSuchDriver", "org.postgresql:postgresql", "42.7.14"));
    assertThatThrownBy(
            () -> Backends.requireDriver("jdbc:postgresql://localhost/app", absent, LOADERS))
        .isInstanceOfSatisfying(
            MigrataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
        .hasMessage(
            "No JDBC driver for jdbc:postgresql: on the class path. Add org.postgresql:postgresql"
                + " (for example 42.7.14) to your application's dependencies.");
  }

  @Test
  void anyOneOfSeveralDriversWillDo() {
    List<Driver> drivers =
        List.of(
            new Driver("dev.migrata.NoSuchDriver", "com.example:none", null),
            new Driver("org.mariadb.jdbc.Driver", "org.mariadb.jdbc:mariadb-java-client", "3"));
    assertThatCode(() -> Backends.requireDriver("jdbc:mysql://h/db", drivers, LOADERS))
        .doesNotThrowAnyException();
    List<Driver> none =
        List.of(drivers.get(0), new Driver("dev.migrata.Nope", "com.mysql:x", null));
    assertThatThrownBy(() -> Backends.requireDriver("jdbc:mysql://h/db", none, LOADERS))
        .hasMessage(
            "No JDBC driver for jdbc:mysql: on the class path. Add com.example:none or com.mysql:x"
                + " to your application's dependencies.");
  }

  @Test
  void eachBackendNamesTheDriverOfItsUrls() {
    assertThat(Backends.forUrl("jdbc:postgresql://h/db").drivers("jdbc:postgresql://h/db"))
        .extracting(Driver::className)
        .containsExactly("org.postgresql.Driver");
    assertThat(Backends.forUrl("jdbc:mariadb://h/db").drivers("jdbc:mariadb://h/db"))
        .extracting(Driver::coordinates)
        .containsExactly("org.mariadb.jdbc:mariadb-java-client");
    assertThat(Backends.forUrl("jdbc:mysql://h/db").drivers("jdbc:mysql://h/db"))
        .extracting(Driver::coordinates)
        .containsExactly("org.mariadb.jdbc:mariadb-java-client", "com.mysql:mysql-connector-j");
    assertThat(Backends.forUrl("jdbc:sqlite:app.db").drivers("jdbc:sqlite:app.db"))
        .extracting(Driver::className)
        .containsExactly("org.sqlite.JDBC");
    // The drivers of the runtime's tests are on the class path: no error.
    for (String url : List.of("jdbc:sqlite:app.db", "jdbc:postgresql://h/db", "jdbc:mysql://h/d")) {
      assertThatCode(() -> Backends.requireDriver(url)).doesNotThrowAnyException();
    }
    assertThatCode(() -> Backends.requireDriver("jdbc:h2:mem:")).doesNotThrowAnyException();
    assertThat(Backends.forUrl("jdbc:h2:mem:")).isNull();
  }

  @Test
  void schemeOfAUrl() {
    assertThat(Backends.scheme("jdbc:postgresql://localhost:5432/app"))
        .isEqualTo("jdbc:postgresql:");
    assertThat(Backends.scheme("jdbc:sqlite:app.db")).isEqualTo("jdbc:sqlite:");
  }

  @Test
  void featuresAreDataPerBackend() {
    var sqlite = Backends.forUrl("jdbc:sqlite:x.db").features(null);
    var postgres = Backends.forUrl("jdbc:postgresql://h/db").features(null);
    var mysql = Backends.forUrl("jdbc:mariadb://h/db").features(null);
    assertThat(sqlite.canRollbackDdl()).isTrue();
    assertThat(postgres.canRollbackDdl()).isTrue();
    assertThat(mysql.canRollbackDdl()).isFalse();
    assertThat(List.of(sqlite.maxNameLength(), postgres.maxNameLength(), mysql.maxNameLength()))
        .containsExactly(200, 63, 64);
    assertThat(List.of(sqlite.lockKind(), postgres.lockKind(), mysql.lockKind()))
        .containsExactly(LockKind.FILE, LockKind.ADVISORY, LockKind.NAMED);
    assertThat(sqlite.canRenameIndex()).isFalse();
    assertThat(sqlite.canCreateInlineFk()).isTrue();
    assertThat(postgres.hasNativeUuidField()).isTrue();
    assertThat(mysql.hasNativeUuidField()).isFalse();
    assertThat(postgres.supportsPartialIndexes()).isTrue();
    assertThat(mysql.supportsPartialIndexes()).isFalse();
  }
}
