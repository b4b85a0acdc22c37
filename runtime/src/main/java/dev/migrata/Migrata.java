package dev.migrata;

import dev.migrata.internal.migration.IndexTable;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.recorder.AppliedTimes;
import dev.migrata.internal.recorder.HistoryRows;
import dev.migrata.internal.recorder.MigrationRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The runtime's entry point, as Django's {@code migrate}, {@code showmigrations} and {@code
 * sqlmigrate}:
 *
 * <pre>{@code
 * Migrata.configure().dataSource(ds).load().migrate();
 * }</pre>
 *
 * Immutable once loaded; each call opens one connection (a lease lock, one more). An up-to-date
 * database costs one index read (at {@link Configuration#load}) and one history read.
 */
public final class Migrata {
  private final Connections connections;

  /** The migrations; their definitions parsed only when a run needs more than the table. */
  private final IndexTable index;

  private final MigrationListener listener;
  private final Duration lockTimeout;
  private final Duration lease;
  private final ClassLoader classLoader;
  private final DdlSettings ddl;

  private Migrata(Configuration c, IndexTable index, ClassLoader classLoader) {
    this(c.connections, index, c.listener, c.lockTimeout, c.lease, classLoader, c.ddl);
  }

  /** One tenant's runtime in a {@link Fleet}: the fleet's migrations, the tenant's connections. */
  Migrata(
      Connections connections,
      IndexTable index,
      MigrationListener listener,
      Duration lockTimeout,
      Duration lease,
      ClassLoader classLoader,
      DdlSettings ddl) {
    this.classLoader = classLoader;
    this.ddl = ddl;
    this.connections = connections;
    this.index = index;
    this.listener = listener;
    this.lockTimeout = lockTimeout;
    this.lease = lease;
  }

  public static Configuration configure() {
    return new Configuration();
  }

  /** Fluent settings; {@link #load} reads the migration index and returns the runtime. */
  public static final class Configuration {
    private Connections connections;
    private ClassLoader classLoader;
    private List<MigrationDefinition> migrations;
    private MigrationListener listener = MigrationListener.NONE;
    private Duration lockTimeout = Duration.ofMinutes(5);
    private Duration lease;
    private DdlSettings ddl = DdlSettings.DEFAULTS;

    private Configuration() {}

    public Configuration dataSource(DataSource dataSource) {
      Objects.requireNonNull(dataSource, "dataSource");
      connections = new Connections(dataSource::getConnection);
      return this;
    }

    public Configuration jdbcUrl(String url, String user, String password) {
      connections = Connections.forConfiguredUrl(url, user, password);
      return this;
    }

    /** Where to find the migration index; the thread's context class loader by default. */
    public Configuration classLoader(ClassLoader classLoader) {
      this.classLoader = classLoader;
      return this;
    }

    /**
     * Not API (tests, the CLI's tests): these migrations instead of the index. Package-private so
     * that the public surface takes no internal type; tests elsewhere reach it through the test
     * fixtures in this package.
     */
    Configuration migrations(List<MigrationDefinition> migrations) {
      this.migrations = List.copyOf(migrations);
      return this;
    }

    public Configuration listener(MigrationListener listener) {
      this.listener = Objects.requireNonNull(listener);
      return this;
    }

    /**
     * How long to wait for another process's migration run to finish (five minutes by default);
     * then migrate fails with {@link ErrorCode#LOCK_TIMEOUT}, naming the holder where the database
     * can tell.
     */
    public Configuration lockTimeout(Duration lockTimeout) {
      this.lockTimeout = Objects.requireNonNull(lockTimeout);
      return this;
    }

    /**
     * Takes the migration lock as a lease row ({@code migrata_lock}) of this length on any backend,
     * instead of the backend's session lock: for a database that several servers serve, where a
     * session lock holds on one server only. The holder renews it every third of {@code lease}; a
     * run that crashed blocks the others for one lease at most. On a MariaDB Galera node ({@code
     * wsrep_on}) a lease is always used, of 30 seconds unless set here.
     */
    public Configuration leaseLock(Duration lease) {
      Objects.requireNonNull(lease, "lease");
      if (lease.toMillis() < 300) {
        throw new MigrataException(
            ErrorCode.CONFIGURATION,
            "A migration lease must last at least 300 ms (it is renewed every third of it); got "
                + lease
                + ".");
      }
      this.lease = lease;
      return this;
    }

    /**
     * PostgreSQL: how long one DDL statement may wait for its table lock ({@code lock_timeout}, ten
     * seconds by default; {@link Duration#ZERO} leaves the server's setting). A statement waiting
     * for a lock makes every later query on the table wait behind it, so a short wait that fails
     * and is retried ({@link #ddlRetries}) is safer than a long one.
     */
    public Configuration ddlLockTimeout(Duration timeout) {
      ddl = ddl.withLockTimeout(timeout);
      return this;
    }

    /**
     * PostgreSQL: how often a migration (atomic) or statement (non-atomic) that hit the DDL lock
     * timeout is tried again (three by default; 0 fails at once), after a pause that starts at
     * {@link #ddlRetryBackoff} and doubles.
     */
    public Configuration ddlRetries(int retries) {
      ddl = ddl.withRetries(retries);
      return this;
    }

    /** PostgreSQL: the pause before the first DDL retry (one second by default), then doubled. */
    public Configuration ddlRetryBackoff(Duration backoff) {
      ddl = ddl.withBackoff(backoff);
      return this;
    }

    /**
     * MySQL and MariaDB: run {@code ALTER TABLE} with {@code ALGORITHM=INSTANT} or {@code
     * ALGORITHM=INPLACE, LOCK=NONE} where the server supports that operation, so that the server
     * refuses a change it would otherwise do by copying the table under a lock (off by default).
     */
    public Configuration mysqlOnlineDdl(boolean online) {
      ddl = ddl.withOnlineDdl(online);
      return this;
    }

    /**
     * Rows per batch of a RunJava backfill through the row API ({@code Query.update}, {@code
     * delete}, {@code forEach}; 1000 by default). In a non-atomic migration each batch commits on
     * its own, so a long backfill holds no row lock for long, its progress is visible to other
     * connections, and a failure keeps the batches done; an atomic migration keeps one transaction.
     */
    public Configuration backfillBatchSize(int size) {
      ddl = ddl.withBatchSize(size);
      return this;
    }

    /**
     * Reads the migration index. Without one on the class path this fails ({@link
     * ErrorCode#NO_INDEX}): the processor did not run, and "no migrations" would be a lie.
     */
    public Migrata load() {
      if (connections == null) {
        throw new MigrataException(
            ErrorCode.CONFIGURATION,
            "No database configured: call dataSource(...) or jdbcUrl(...).");
      }
      ClassLoader cl = IndexSource.classLoader(classLoader);
      return new Migrata(this, IndexSource.index(migrations, cl), cl);
    }

    /**
     * A fleet: the same migrations for every tenant of {@code tenants}, read from the index once.
     * The connection settings of this configuration (if any) are not used; its listener, lock
     * timeout, lease and class loader are.
     */
    public Fleet fleet(Tenants tenants) {
      Objects.requireNonNull(tenants, "tenants");
      ClassLoader cl = IndexSource.classLoader(classLoader);
      IndexTable index = IndexSource.index(migrations, cl);
      return new Fleet(
          tenants,
          connections -> new Migrata(connections, index, listener, lockTimeout, lease, cl, ddl));
    }
  }

  // ---------------------------------------------------------------- plan and migrate

  /**
   * Applies every app's migrations; returns what ran, in order. An up-to-date database costs one
   * history read compared by names ({@link UpToDate}): no graph, no plan, nothing decoded.
   */
  public List<PlannedMigration> migrate() {
    return run(null, null);
  }

  /**
   * {@code migrate()} ({@code app} null) or {@code migrate(app, target)} on one connection: the
   * read, the lock (a session lock lives on it) and the apply.
   */
  private List<PlannedMigration> run(String app, String target) {
    // One connection for the whole run: the read, the lock (a session lock lives on it) and the
    // apply; a run's fixed cost is mostly its connections (bench/README.md, "Large tables").
    return connections.with(
        (connection, backend) -> {
          MigrationRecorder recorder = new MigrationRecorder(backend);
          HistoryRows rows = recorder.rows(connection);
          if (app == null && UpToDate.check(index, rows)) {
            return List.of();
          }
          Plans.Planned planned = Plans.planned(index, recorder, rows, app, target);
          if (!Plans.startsWork(planned.plan())) {
            return List.of();
          }
          return applier().onConnection(connection, backend, planned);
        });
  }

  /**
   * Migrates {@code app} to {@code target}: a migration name or unique prefix, {@code "zero"}, or
   * {@code null} for the app's latest.
   */
  public List<PlannedMigration> migrate(String app, String target) {
    return run(app, target);
  }

  /** The plan for every app's migrations. */
  public MigrationPlan plan() {
    return plan(null, null);
  }

  /** The plan for {@code migrate(app, target)}; {@code app} null for all apps. */
  public MigrationPlan plan(String app, String target) {
    return connections.with(
        (connection, backend) -> {
          MigrationRecorder recorder = new MigrationRecorder(backend);
          return Plans.plan(index, recorder, recorder.applied(connection), app, target);
        });
  }

  /**
   * Runs a plan's targets. The plan is made again after taking the migration lock and re-reading
   * the history, so what another process applied meanwhile is not applied twice.
   *
   * @param fake record (or unrecord) the migrations without running them
   * @return what ran, in order
   */
  public List<PlannedMigration> migrate(MigrationPlan plan, boolean fake) {
    return migrate(plan, fake, false);
  }

  /**
   * Runs a plan's targets, as {@link #migrate(MigrationPlan, boolean)}.
   *
   * @param fakeInitial record an initial migration without running it when all its tables and
   *     columns already exist (Django's {@code --fake-initial})
   */
  public List<PlannedMigration> migrate(MigrationPlan plan, boolean fake, boolean fakeInitial) {
    if (!Plans.startsWork(plan)) {
      return List.of();
    }
    return applier().withLock(plan, fake, fakeInitial);
  }

  /** What runs a plan under the lock, with this runtime's settings. */
  private PlanApplier applier() {
    return new PlanApplier(index, connections, lockTimeout, lease, classLoader, ddl, listener);
  }

  /**
   * History rows that name no known migration (deleted files, renamed apps): Django keeps them and
   * only {@code --prune} lists them; Migrata reports them so they are not forgotten. A row of a
   * migration that a squash replaces is known.
   */
  public List<MigrationKey> unknownHistory() {
    return connections.with(
        (connection, backend) ->
            History.unknown(
                index.definitions(), new MigrationRecorder(backend).applied(connection)));
  }

  /**
   * Django 4.1's {@code migrate APP --prune}: deletes the history rows of {@code app}'s migrations
   * that no longer exist, under the migration lock. Refuses (deletes nothing, returns the squashes)
   * while a squashed migration still lists one of them in its {@code replaces}.
   */
  public PruneResult prune(String app) {
    if (app == null) {
      // Django's wording; a whole-database prune would also delete what a partial index misses.
      throw new MigrataException(
          ErrorCode.CONFIGURATION, "Migrations can be pruned only when an app is specified.");
    }
    return connections.withLock(
        lockTimeout,
        lease,
        listener,
        (connection, backend, lock) -> HistoryRepair.prune(index, app, connection, backend));
  }

  /**
   * Flyway's {@code repair} for one migration: records the current checksum of {@code app}'s
   * applied migration {@code name} (a name or unique prefix) once a person has checked that the
   * database is as the edited migration says. Returns the migration's {@code app.name}.
   */
  public String acceptChanged(String app, String name) {
    return connections.withLock(
        lockTimeout,
        lease,
        listener,
        (connection, backend, lock) ->
            HistoryRepair.acceptChanged(index, app, name, connection, backend));
  }

  // ---------------------------------------------------------------- schema

  /**
   * The drift check ({@code migrate --check-schema}): how the live schema differs from what the
   * applied migrations describe — tables, columns, types (as the server spells them), nullability,
   * primary keys, unique constraints, indexes, foreign keys and named checks. Empty when it
   * matches. A column someone added or altered by hand is listed by table and column.
   */
  public List<SchemaDifference> checkSchema() {
    return connections.with(
        (connection, backend) -> SchemaDrift.check(index, classLoader, connection, backend));
  }

  /** The live schema now, to compare with a later snapshot (the test kit's reversibility check). */
  public SchemaSnapshot schemaSnapshot() {
    return connections.with((connection, backend) -> SchemaSnapshot.read(backend, connection));
  }

  // ---------------------------------------------------------------- showmigrations

  /**
   * Every app's migrations in plan order with whether each is applied, as {@code showmigrations};
   * {@code apps} limits it (none for all).
   */
  public Map<String, List<MigrationStatus>> showMigrations(String... apps) {
    return connections.with(
        (connection, backend) -> ShowMigrations.read(index, connection, backend).byApp(apps));
  }

  /**
   * When each applied migration was recorded ({@code YYYY-MM-DD HH:MM:SS}), as {@code
   * showmigrations -v 2} prints it; empty before anything is applied.
   */
  public Map<MigrationKey, String> appliedTimes() {
    return connections.with(AppliedTimes::read);
  }

  /** Every migration in the global order it applies in, as {@code showmigrations --plan}. */
  public List<MigrationStatus> showMigrationsPlan(String... apps) {
    return connections.with(
        (connection, backend) -> ShowMigrations.read(index, connection, backend).plan(apps));
  }

  // ---------------------------------------------------------------- sqlmigrate

  /**
   * The SQL {@code migrate} would run for one migration on this backend, as Django's sqlmigrate:
   * {@code BEGIN;} and {@code COMMIT;} around it where the migration is atomic, a {@code --} header
   * per operation, {@code -- (no-op)} for operations without SQL. Empty when the migration has no
   * operations. As migrate runs them: PostgreSQL's {@code lock_timeout} ({@link
   * Configuration#ddlLockTimeout}) and MySQL's online DDL clauses ({@link
   * Configuration#mysqlOnlineDdl}, the app's and the migration's own setting).
   */
  public String sqlMigrate(String app, String name, boolean backwards) {
    return connections.with(
        (connection, backend) ->
            SqlMigrate.script(index, ddl, app, name, backwards, connection, backend));
  }
}
