package dev.migrata.spring;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code migrata.*} properties. Without {@code url} Migrata migrates through the application's
 * DataSource (or the one marked {@link MigrataDataSource}); {@code user} alone connects to that
 * DataSource's database as another user.
 */
@ConfigurationProperties("migrata")
public class MigrataProperties {
  /** Whether to migrate at start-up (and to create the Migrata bean at all). */
  private boolean enabled = true;

  /** JDBC URL of a separate connection for migrating; the application's DataSource if unset. */
  private String url;

  /** Login user of the connection that migrates (e.g. an owner with DDL rights). */
  private String user;

  /** Login password of the connection that migrates. */
  private String password;

  /**
   * What to migrate to: unset for every app's latest migration, "app" for one app's latest, or
   * "app:name" for one migration (a name or unique prefix, or "zero" to unapply the app).
   */
  private String target;

  /**
   * How long to wait for another instance's migration run before failing start-up; a bare number is
   * seconds, as the CLI's --lock-timeout.
   */
  @DurationUnit(ChronoUnit.SECONDS)
  private Duration lockTimeout = Duration.ofMinutes(5);

  /**
   * Record an initial migration as applied without running it when all its tables and columns
   * already exist (Django's --fake-initial), e.g. when adopting Migrata on an existing schema.
   */
  private boolean fakeInitial;

  /**
   * PostgreSQL: how long one DDL statement may wait for its table lock (lock_timeout) before it is
   * rolled back and retried; 0 leaves the server's setting. A bare number is seconds, as the CLI's
   * --ddl-lock-timeout.
   */
  @DurationUnit(ChronoUnit.SECONDS)
  private Duration ddlLockTimeout = Duration.ofSeconds(10);

  /** PostgreSQL: how often a migration or statement that hit the DDL lock timeout is retried. */
  private int ddlRetries = 3;

  /** PostgreSQL: the pause before the first DDL retry, doubled for each further one. */
  private Duration ddlRetryBackoff = Duration.ofSeconds(1);

  /**
   * MySQL and MariaDB: ALTER TABLE with ALGORITHM=INSTANT or INPLACE, LOCK=NONE where the server
   * supports it, so the server refuses a change it would do by copying the table under a lock.
   */
  private boolean mysqlOnlineDdl;

  /**
   * Rows per batch of a RunJava backfill through the row API; in a non-atomic migration each batch
   * commits on its own.
   */
  private int backfillBatchSize = 1000;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public Duration getLockTimeout() {
    return lockTimeout;
  }

  public void setLockTimeout(Duration lockTimeout) {
    this.lockTimeout = lockTimeout;
  }

  public boolean isFakeInitial() {
    return fakeInitial;
  }

  public void setFakeInitial(boolean fakeInitial) {
    this.fakeInitial = fakeInitial;
  }

  public Duration getDdlLockTimeout() {
    return ddlLockTimeout;
  }

  public void setDdlLockTimeout(Duration ddlLockTimeout) {
    this.ddlLockTimeout = ddlLockTimeout;
  }

  public int getDdlRetries() {
    return ddlRetries;
  }

  public void setDdlRetries(int ddlRetries) {
    this.ddlRetries = ddlRetries;
  }

  public Duration getDdlRetryBackoff() {
    return ddlRetryBackoff;
  }

  public void setDdlRetryBackoff(Duration ddlRetryBackoff) {
    this.ddlRetryBackoff = ddlRetryBackoff;
  }

  public boolean isMysqlOnlineDdl() {
    return mysqlOnlineDdl;
  }

  public void setMysqlOnlineDdl(boolean mysqlOnlineDdl) {
    this.mysqlOnlineDdl = mysqlOnlineDdl;
  }

  public int getBackfillBatchSize() {
    return backfillBatchSize;
  }

  public void setBackfillBatchSize(int backfillBatchSize) {
    this.backfillBatchSize = backfillBatchSize;
  }
}
