package dev.migrata.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Migrata;
import dev.migrata.MigrationStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The auto-configuration in a real context, on SQLite files, with the test app "notes". */
class MigrataAutoConfigurationTest {
  @TempDir Path dir;

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MigrataAutoConfiguration.class));
  }

  static DataSource sqlite(Path file) {
    return new DriverManagerDataSource("jdbc:sqlite:" + file);
  }

  private DataSource appDb() {
    return sqlite(dir.resolve("app.db"));
  }

  static List<String> rows(DataSource ds, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  static List<String> history(DataSource ds) throws SQLException {
    return rows(ds, "SELECT app || '.' || name FROM migrata_migrations ORDER BY id");
  }

  static List<String> tables(DataSource ds) throws SQLException {
    return rows(
        ds,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            + " ORDER BY name");
  }

  @Test
  void migratesBeforeBeansThatDependOnDatabaseInitialization() {
    DataSource ds = appDb();
    runner()
        .withBean(DataSource.class, () -> ds)
        .withUserConfiguration(NoteCounterConfig.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(history(ds))
                  .containsExactly("notes.0001_initial", "notes.0002_note_stars");
              // The counter queried notes_note in its constructor: the table existed by then.
              assertThat(context.getBean(NoteCounter.class).count).isZero();
              assertThat(context.getBean(Migrata.class).showMigrations().get("notes"))
                  .allMatch(MigrationStatus::applied);
            });
  }

  @Test
  void aSecondStartAppliesNothing() throws SQLException {
    DataSource ds = appDb();
    runner()
        .withBean(DataSource.class, () -> ds)
        .run(context -> assertThat(context).hasNotFailed());
    runner()
        .withBean(DataSource.class, () -> ds)
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(history(ds)).hasSize(2);
  }

  @Test
  void disabledCreatesNothingAndMigratesNothing() throws SQLException {
    DataSource ds = appDb();
    runner()
        .withBean(DataSource.class, () -> ds)
        .withPropertyValues("migrata.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(Migrata.class);
              assertThat(context).doesNotHaveBean(MigrataInitializer.class);
            });
    assertThat(tables(ds)).isEmpty();
  }

  @Test
  void withoutADataSourceOrUrlTheAutoConfigurationBacksOff() {
    runner().run(context -> assertThat(context).doesNotHaveBean(Migrata.class));
  }

  @Test
  void aStrategyBeanReplacesTheDefault() throws SQLException {
    DataSource ds = appDb();
    AtomicInteger called = new AtomicInteger();
    MigrataMigrationStrategy onlyTheFirst =
        migrata -> {
          called.incrementAndGet();
          migrata.migrate("notes", "0001");
        };
    runner()
        .withBean(DataSource.class, () -> ds)
        .withBean(MigrataMigrationStrategy.class, () -> onlyTheFirst)
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(called).hasValue(1);
    assertThat(history(ds)).containsExactly("notes.0001_initial");
  }

  @Test
  void theQualifiedDataSourceIsTheOneMigrated() throws SQLException {
    DataSource app = appDb();
    DataSource owner = sqlite(dir.resolve("owner.db"));
    runner()
        .withBean("appDataSource", DataSource.class, () -> app, bd -> bd.setPrimary(true))
        .withUserConfiguration(OwnerDataSourceConfig.class)
        .withBean("ownerFile", Path.class, () -> dir.resolve("owner.db"))
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(history(owner)).hasSize(2);
    assertThat(tables(app)).isEmpty();
  }

  @Test
  void migrataUrlIsASeparateConnection() throws SQLException {
    DataSource app = appDb();
    Path own = dir.resolve("own.db");
    runner()
        .withBean(DataSource.class, () -> app)
        .withPropertyValues("migrata.url=jdbc:sqlite:" + own)
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(history(sqlite(own))).hasSize(2);
    assertThat(tables(app)).isEmpty();
  }

  @Test
  void migrataUserAloneMigratesTheApplicationsDatabaseAsThatUser() throws SQLException {
    DataSource app = appDb();
    runner()
        .withBean(DataSource.class, () -> app)
        .withPropertyValues("migrata.user=owner", "migrata.password=secret")
        .run(context -> assertThat(context).hasNotFailed());
    // SQLite has no logins: the derived connection reached the same file.
    assertThat(history(app)).hasSize(2);
  }

  @Test
  void migrataUrlAloneIsEnough() throws SQLException {
    Path own = dir.resolve("own.db");
    runner()
        .withPropertyValues("migrata.url=jdbc:sqlite:" + own)
        .run(context -> assertThat(context).hasSingleBean(Migrata.class));
    assertThat(history(sqlite(own))).hasSize(2);
  }

  @Test
  void targetMigratesOneAppToANamedMigration() throws SQLException {
    DataSource ds = appDb();
    runner()
        .withBean(DataSource.class, () -> ds)
        .withPropertyValues("migrata.target=notes:0001_initial")
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(history(ds)).containsExactly("notes.0001_initial");
    assertThat(rows(ds, "SELECT name FROM pragma_table_info('notes_note')"))
        .containsExactly("id", "title");
  }

  @Test
  void targetAppAloneMigratesThatAppToItsLatest() throws SQLException {
    DataSource ds = appDb();
    runner()
        .withBean(DataSource.class, () -> ds)
        .withPropertyValues("migrata.target=notes")
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(history(ds)).hasSize(2);
  }

  @Test
  void aMalformedTargetFailsStartUpSayingWhatIsExpected() {
    runner()
        .withBean(DataSource.class, this::appDb)
        .withPropertyValues("migrata.target=notes:")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("migrata.target must be 'app' or 'app:name'"));
  }

  @Test
  void fakeInitialRecordsTheInitialMigrationOfAnExistingSchema() throws SQLException {
    DataSource ds = appDb();
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE notes_note (id integer NOT NULL PRIMARY KEY AUTOINCREMENT,"
              + " title varchar(100) NOT NULL)");
      st.execute("INSERT INTO notes_note (title) VALUES ('kept')");
    }
    runner()
        .withBean(DataSource.class, () -> ds)
        .withPropertyValues("migrata.fake-initial=true")
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(history(ds)).containsExactly("notes.0001_initial", "notes.0002_note_stars");
    assertThat(rows(ds, "SELECT title || ':' || stars FROM notes_note")).containsExactly("kept:0");
  }

  @Test
  void propertiesBindIncludingTheLockTimeout() {
    runner()
        .withBean(DataSource.class, this::appDb)
        .withPropertyValues("migrata.lock-timeout=30s", "migrata.user=", "migrata.target=notes")
        .run(
            context -> {
              MigrataProperties p = context.getBean(MigrataProperties.class);
              assertThat(p.getLockTimeout()).hasSeconds(30);
              assertThat(p.getTarget()).isEqualTo("notes");
              assertThat(p.isEnabled()).isTrue();
            });
  }

  /**
   * A bare number is seconds, as the CLI's --lock-timeout and --ddl-lock-timeout take it (Spring's
   * default unit would make "30" thirty milliseconds); a unit still wins.
   */
  @Test
  void lockTimeoutsWithoutAUnitAreSeconds() {
    runner()
        .withBean(DataSource.class, this::appDb)
        .withPropertyValues("migrata.lock-timeout=30", "migrata.ddl-lock-timeout=2")
        .run(
            context -> {
              MigrataProperties p = context.getBean(MigrataProperties.class);
              assertThat(p.getLockTimeout()).hasSeconds(30);
              assertThat(p.getDdlLockTimeout()).hasSeconds(2);
            });
    runner()
        .withBean(DataSource.class, this::appDb)
        .withPropertyValues("migrata.lock-timeout=1500ms", "migrata.ddl-lock-timeout=PT1M")
        .run(
            context -> {
              MigrataProperties p = context.getBean(MigrataProperties.class);
              assertThat(p.getLockTimeout()).hasMillis(1500);
              assertThat(p.getDdlLockTimeout()).hasMinutes(1);
            });
  }

  @Test
  void zeroDowntimeSettingsBindAndReachTheFacade() {
    runner()
        .withBean(DataSource.class, this::appDb)
        .withPropertyValues(
            "migrata.ddl-lock-timeout=2s",
            "migrata.ddl-retries=5",
            "migrata.ddl-retry-backoff=250ms",
            "migrata.mysql-online-ddl=true",
            "migrata.backfill-batch-size=500")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              MigrataProperties p = context.getBean(MigrataProperties.class);
              assertThat(p.getDdlLockTimeout()).hasSeconds(2);
              assertThat(p.getDdlRetries()).isEqualTo(5);
              assertThat(p.getDdlRetryBackoff()).hasMillis(250);
              assertThat(p.isMysqlOnlineDdl()).isTrue();
              assertThat(p.getBackfillBatchSize()).isEqualTo(500);
            });
  }

  @Test
  void aBadBackfillBatchSizeFailsTheStartWithTheFacadesMessage() {
    runner()
        .withBean(DataSource.class, this::appDb)
        .withPropertyValues("migrata.backfill-batch-size=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("The backfill batch size must be positive; got 0."));
  }

  /** Queries the schema while it is constructed, as a repository or a cache warmer would. */
  static final class NoteCounter {
    final int count;

    NoteCounter(DataSource ds) throws SQLException {
      count = Integer.parseInt(rows(ds, "SELECT count(*) FROM notes_note").get(0));
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class NoteCounterConfig {
    @Bean
    @DependsOnDatabaseInitialization
    NoteCounter noteCounter(DataSource ds) throws SQLException {
      return new NoteCounter(ds);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnerDataSourceConfig {
    @Bean
    @MigrataDataSource
    DataSource ownerDataSource(Path ownerFile) {
      return sqlite(ownerFile);
    }
  }
}
