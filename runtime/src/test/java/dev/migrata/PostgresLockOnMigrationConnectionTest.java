package dev.migrata;

import static dev.migrata.Fixtures.library;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.state.FieldState;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL's advisory lock now lives on the migration connection (issue 16), so it must survive
 * that connection's rolled-back transactions: an atomic migration that times out on a table lock is
 * rolled back and retried, and between the two attempts the run still holds the migration lock
 * (another migrate run times out waiting for it). The retry is seen through the listener, which
 * also releases the table lock, so nothing depends on timing.
 */
class PostgresLockOnMigrationConnectionTest {
  /** {@code pg_locks.classid} of Migrata's advisory lock ("migr"). */
  private static final long KEY_HIGH = 0x6d696772L;

  @TempDir Path dir;
  private Db db;
  private Connection blocker;

  @AfterEach
  void drop() throws Exception {
    if (blocker != null) {
      blocker.close();
    }
    if (db != null) {
      db.close();
    }
  }

  private static List<MigrationDefinition> migrations() {
    List<MigrationDefinition> all = new ArrayList<>(library());
    all.add(
        migration("library", "0004_pages")
            .dependsOn("library", "0003_data")
            .ops(
                new AddField(
                    "book",
                    FieldState.builder("pages", "IntegerField").nullable(true).build(),
                    true)));
    return all;
  }

  @Test
  void aRolledBackMigrationStillHoldsTheLockUntilTheRunReleasesIt() throws Exception {
    db = Db.create(Db.Kind.POSTGRES, dir);
    db.configure(migrations()).load().migrate("library", "0003");
    blocker = db.open();
    blocker.setAutoCommit(false);
    try (Statement st = blocker.createStatement()) {
      st.execute("SELECT count(*) FROM library_book"); // ACCESS SHARE until the commit
    }
    List<String> seen = new ArrayList<>();
    MigrationListener listener =
        new MigrationListener() {
          @Override
          public void retryingAfterLockTimeout(MigrationKey m, int attempt, Duration pause) {
            try {
              seen.add("holders " + db.rows(holders()));
              MigrataException other =
                  catchThrowableOfType(
                      MigrataException.class,
                      () ->
                          db.configure(migrations())
                              .lockTimeout(Duration.ofMillis(300))
                              .load()
                              .migrate());
              seen.add(other == null ? "other run applied" : other.code().toString());
              blocker.commit();
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          }
        };
    CountingDataSource counting = new CountingDataSource(db.url);

    List<PlannedMigration> ran =
        Migrata.configure()
            .dataSource(counting)
            .migrations(migrations())
            .listener(listener)
            .ddlLockTimeout(Duration.ofMillis(200))
            .ddlRetries(3)
            .ddlRetryBackoff(Duration.ofMillis(10))
            .load()
            .migrate();

    assertThat(ran)
        .extracting(PlannedMigration::key)
        .extracting(MigrationKey::name)
        .containsExactly("0004_pages");
    assertThat(seen).containsExactly("holders [1]", "LOCK_TIMEOUT");
    assertThat(counting.connections).as("the lock is on the migration's connection").isEqualTo(1);
    assertThat(db.rows(holders())).as("released at the end").containsExactly("0");
    assertThat(db.columns("library_book")).contains("pages");
  }

  private static String holders() {
    return "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = "
        + KEY_HIGH
        + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
  }

  /** The application's own session settings come back after the run. */
  @Test
  void theConnectionKeepsItsLockTimeoutAndApplicationName() throws Exception {
    db = Db.create(Db.Kind.POSTGRES, dir);
    db.configure(migrations()).load().migrate("library", "0001");
    try (Connection c = db.open()) {
      try (Statement st = c.createStatement()) {
        st.execute("SET lock_timeout = '7s'");
        st.execute("SET application_name = 'the app'");
      }
      Migrata.configure().dataSource(notClosing(c)).migrations(migrations()).load().migrate();
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT current_setting('lock_timeout'), current_setting('application_name')")) {
        rs.next();
        assertThat(rs.getString(1) + "|" + rs.getString(2)).isEqualTo("7s|the app");
      }
    }
    assertThat(db.history()).contains("library.0004_pages");
  }

  /** A run that gave up waiting leaves the lent connection as it found it, too. */
  @Test
  void aRunThatTimesOutWaitingLeavesTheConnectionAsItWas() throws Exception {
    db = Db.create(Db.Kind.POSTGRES, dir);
    db.configure(migrations()).load().migrate("library", "0001");
    blocker = db.open();
    try (Statement st = blocker.createStatement()) {
      st.execute("SELECT pg_advisory_lock(" + ((KEY_HIGH << 32) | 0x61746121L) + ")");
    }
    try (Connection c = db.open()) {
      try (Statement st = c.createStatement()) {
        st.execute("SET lock_timeout = '7s'");
        st.execute("SET application_name = 'the app'");
      }
      MigrataException e =
          catchThrowableOfType(
              MigrataException.class,
              () ->
                  Migrata.configure()
                      .dataSource(notClosing(c))
                      .migrations(migrations())
                      .lockTimeout(Duration.ofMillis(300))
                      .load()
                      .migrate());
      assertThat(e.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT current_setting('lock_timeout'), current_setting('application_name')")) {
        rs.next();
        assertThat(rs.getString(1) + "|" + rs.getString(2)).isEqualTo("7s|the app");
      }
    }
    assertThat(db.history()).doesNotContain("library.0002_book_rating");
  }

  /** A DataSource that lends {@code c} and leaves it open, as a pool would. */
  private static DataSource notClosing(Connection c) {
    Connection lent =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("close")) {
                    return null;
                  }
                  try {
                    return method.invoke(c, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                return lent;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
