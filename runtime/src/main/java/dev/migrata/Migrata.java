package dev.migrata;

import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.Backends;
import dev.migrata.internal.backends.MigrationLock;
import dev.migrata.internal.executor.MigrationExecutor;
import dev.migrata.internal.graph.MigrationGraph;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.recorder.MigrationRecorder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The runtime's entry point, as Django's {@code migrate}, {@code showmigrations} and {@code
 * sqlmigrate}:
 *
 * <pre>{@code
 * Migrata.configure().dataSource(ds).load().migrate();
 * }</pre>
 *
 * Immutable once loaded; each call opens one connection. An up-to-date database costs one index
 * read (at {@link Configuration#load}) and one history read.
 */
public final class Migrata {
  private static final String ZERO = "zero";

  private final ConnectionSource connections;
  private final List<MigrationDefinition> definitions;
  private final MigrationListener listener;
  private final Duration lockTimeout;
  private final ClassLoader classLoader;

  private Migrata(Configuration c, List<MigrationDefinition> definitions, ClassLoader classLoader) {
    this.classLoader = classLoader;
    this.connections = c.connections;
    this.definitions = List.copyOf(definitions);
    this.listener = c.listener;
    this.lockTimeout = c.lockTimeout;
  }

  public static Configuration configure() {
    return new Configuration();
  }

  /** Fluent settings; {@link #load} reads the migration index and returns the runtime. */
  public static final class Configuration {
    private ConnectionSource connections;
    private ClassLoader classLoader;
    private List<MigrationDefinition> migrations;
    private MigrationListener listener = MigrationListener.NONE;
    private Duration lockTimeout = Duration.ofMinutes(5);

    private Configuration() {}

    public Configuration dataSource(DataSource dataSource) {
      Objects.requireNonNull(dataSource, "dataSource");
      connections = dataSource::getConnection;
      return this;
    }

    public Configuration jdbcUrl(String url, String user, String password) {
      if (url == null || url.isBlank()) {
        throw new MigrataException(
            ErrorCode.CONFIGURATION,
            "No database URL: pass --url or set MIGRATA_URL (e.g. jdbc:sqlite:app.db).");
      }
      if (Backends.forUrl(url) == null) {
        throw new MigrataException(
            ErrorCode.CONFIGURATION, "No Migrata backend for the URL '" + url + "'.");
      }
      Backends.requireDriver(url);
      connections =
          () -> {
            registerDrivers();
            return DriverManager.getConnection(driverUrl(url), user, password);
          };
      return this;
    }

    /** Where to find the migration index; the thread's context class loader by default. */
    public Configuration classLoader(ClassLoader classLoader) {
      this.classLoader = classLoader;
      return this;
    }

    /** Uses these migrations instead of the index (tests, programmatic migrations). */
    public Configuration migrations(List<MigrationDefinition> migrations) {
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

    public Migrata load() {
      if (connections == null) {
        throw new MigrataException(
            ErrorCode.CONFIGURATION,
            "No database configured: call dataSource(...) or jdbcUrl(...).");
      }
      List<MigrationDefinition> defs = migrations;
      ClassLoader cl = classLoader;
      if (cl == null) {
        cl = Thread.currentThread().getContextClassLoader();
      }
      if (cl == null) {
        cl = Migrata.class.getClassLoader();
      }
      if (defs == null) {
        defs = MigrationLoader.readIndex(cl);
      }
      return new Migrata(this, defs, cl);
    }
  }

  private static volatile boolean driversRegistered;

  /**
   * DriverManager finds drivers through the context class loader, which in an embedding
   * application may not see the drivers shipped with the runtime; loading them here registers
   * them.
   */
  private static void registerDrivers() {
    if (driversRegistered) {
      return;
    }
    for (java.util.Iterator<java.sql.Driver> it =
            java.util.ServiceLoader.load(java.sql.Driver.class, Migrata.class.getClassLoader())
                .iterator();
        it.hasNext(); ) {
      try {
        it.next();
      } catch (java.util.ServiceConfigurationError e) {
        // A broken optional driver must not stop the one the URL needs.
      }
    }
    driversRegistered = true;
  }

  /**
   * {@code jdbc:mysql:} belongs to MySQL Connector/J; without it on the class path, the MariaDB
   * driver Migrata ships takes the URL when told to ({@code permitMysqlScheme}).
   */
  static String driverUrl(String url) {
    if (!url.startsWith("jdbc:mysql:")) {
      return url;
    }
    try {
      DriverManager.getDriver(url);
      return url;
    } catch (SQLException e) {
      return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
    }
  }

  private interface ConnectionSource {
    Connection get() throws SQLException;
  }

  // ---------------------------------------------------------------- plan and migrate

  /** Applies every app's migrations; returns what ran, in order. */
  public List<PlannedMigration> migrate() {
    return migrate(plan(), false);
  }

  /**
   * Migrates {@code app} to {@code target}: a migration name or unique prefix, {@code "zero"}, or
   * {@code null} for the app's latest.
   */
  public List<PlannedMigration> migrate(String app, String target) {
    return migrate(plan(app, target), false);
  }

  /** The plan for every app's migrations. */
  public MigrationPlan plan() {
    return plan(null, null);
  }

  /** The plan for {@code migrate(app, target)}; {@code app} null for all apps. */
  public MigrationPlan plan(String app, String target) {
    return withConnection(
        (connection, backend) -> {
          MigrationLoader loader = checkedLoader(connection, backend);
          Resolved resolved = resolve(loader, app, target);
          MigrationExecutor executor =
              new MigrationExecutor(loader, backend, connection, new MigrationRecorder(backend));
          return new MigrationPlan(
              resolved.targets,
              resolved.header,
              steps(executor.migrationPlan(resolved.targets, false)),
              executor.hasUnrecordedSquash(),
              unknown(loader.recorded()));
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
    if (!plan.hasWork()) {
      // Up to date when planned: the plan's one history read is the whole cost of start-up (no
      // lock, no second read). A database changed since then is planned again next start.
      return List.of();
    }
    return withConnection(
        (connection, backend) -> {
          try (MigrationLock lock =
              backend.lock(
                  connection,
                  connections::get,
                  lockTimeout,
                  holder -> listener.waitingForLock(holder, lockTimeout))) {
            MigrationRecorder recorder = new MigrationRecorder(backend);
            MigrationLoader loader = checkedLoader(connection, backend, recorder);
            MigrationExecutor executor =
                new MigrationExecutor(loader, backend, connection, recorder)
                    .classLoader(classLoader);
            List<MigrationExecutor.Step> steps = executor.migrationPlan(plan.targets(), false);
            executor.migrate(steps, fake, fakeInitial, listener);
            return steps(steps);
          }
        });
  }

  private static List<PlannedMigration> steps(List<MigrationExecutor.Step> steps) {
    return steps.stream().map(s -> new PlannedMigration(s.migration(), s.backwards())).toList();
  }

  private MigrationLoader checkedLoader(Connection connection, Backend backend) {
    return checkedLoader(connection, backend, new MigrationRecorder(backend));
  }

  private MigrationLoader checkedLoader(
      Connection connection, Backend backend, MigrationRecorder recorder) {
    MigrationLoader loader = new MigrationLoader(definitions, recorder.applied(connection), true);
    loader.checkConsistentHistory();
    loader.checkConflicts();
    return loader;
  }

  private record Resolved(List<MigrationKey> targets, String header) {}

  private static Resolved resolve(MigrationLoader loader, String app, String target) {
    MigrationGraph graph = loader.graph();
    if (app == null) {
      List<MigrationKey> leaves = graph.leafNodes();
      Set<String> apps = new TreeSet<>();
      leaves.forEach(k -> apps.add(k.app()));
      return new Resolved(
          leaves, "Apply all migrations: " + (apps.isEmpty() ? "(none)" : String.join(", ", apps)));
    }
    requireApp(loader, app);
    if (target == null) {
      return new Resolved(graph.leafNodes(app), "Apply all migrations: " + app);
    }
    if (target.equals(ZERO)) {
      return new Resolved(
          List.of(new MigrationKey(app, null)), "Unapply all migrations: " + app);
    }
    MigrationKey key = loader.byPrefix(app, target).key();
    MigrationDefinition named = loader.get(key);
    if (!graph.contains(key) && !named.replaces().isEmpty()) {
      // A squash that cannot be used (partly applied): its last replaced migration stands for it.
      key = named.replaces().get(named.replaces().size() - 1);
    }
    if (!graph.contains(key)) {
      // A migration replaced by a squash that is in use is no longer a node of the graph.
      throw new MigrataException(
          ErrorCode.UNKNOWN_MIGRATION,
          "Migration " + key + " is replaced by a squashed migration; target the squash instead.");
    }
    return new Resolved(
        List.of(key), "Target specific migration: " + key.name() + ", from " + app);
  }

  private static void requireApp(MigrationLoader loader, String app) {
    if (!loader.apps().contains(app)) {
      throw new MigrataException(
          ErrorCode.UNKNOWN_APP, "App '" + app + "' does not have migrations.");
    }
  }

  /**
   * History rows that name no known migration (deleted files, renamed apps): Django keeps them
   * and only {@code --prune} lists them; Migrata reports them so they are not forgotten. A row of
   * a migration that a squash replaces is known.
   */
  public List<MigrationKey> unknownHistory() {
    return withConnection(
        (connection, backend) -> {
          return unknown(new MigrationRecorder(backend).applied(connection));
        });
  }

  /** The rows of {@code applied} that name no migration (nor one a squash replaces). */
  private List<MigrationKey> unknown(Set<MigrationKey> applied) {
    Set<MigrationKey> known = new HashSet<>();
    for (MigrationDefinition d : definitions) {
      known.add(d.key());
      known.addAll(d.replaces());
    }
    List<MigrationKey> unknown = new ArrayList<>();
    for (MigrationKey k : applied) {
      if (!known.contains(k)) {
        unknown.add(k);
      }
    }
    return unknown;
  }

  // ---------------------------------------------------------------- showmigrations

  /**
   * Every app's migrations in plan order with whether each is applied, as {@code showmigrations};
   * {@code apps} limits it (none for all).
   */
  public Map<String, List<MigrationStatus>> showMigrations(String... apps) {
    return withConnection(
        (connection, backend) -> {
          MigrationRecorder recorder = new MigrationRecorder(backend);
          Set<MigrationKey> recorded = recorder.applied(connection);
          MigrationLoader loader = new MigrationLoader(definitions, recorded, true);
          List<String> names = apps.length == 0 ? new ArrayList<>(loader.apps()) : Arrays.asList(apps);
          for (String app : names) {
            requireApp(loader, app);
          }
          MigrationGraph graph = loader.graph();
          Map<String, List<MigrationStatus>> result = new LinkedHashMap<>();
          for (String app : names) {
            List<MigrationStatus> list = new ArrayList<>();
            Set<MigrationKey> shown = new HashSet<>();
            for (MigrationKey leaf : graph.leafNodes(app)) {
              for (MigrationKey key : graph.forwardsPlan(leaf)) {
                if (key.app().equals(app) && shown.add(key)) {
                  list.add(status(loader, key));
                }
              }
            }
            result.put(app, list);
          }
          return result;
        });
  }

  /** Every migration in the global order it applies in, as {@code showmigrations --plan}. */
  public List<MigrationStatus> showMigrationsPlan(String... apps) {
    return withConnection(
        (connection, backend) -> {
          MigrationRecorder recorder = new MigrationRecorder(backend);
          MigrationLoader loader =
              new MigrationLoader(definitions, recorder.applied(connection), true);
          List<MigrationKey> targets = new ArrayList<>();
          if (apps.length == 0) {
            targets.addAll(loader.graph().leafNodes());
          } else {
            for (String app : apps) {
              requireApp(loader, app);
              targets.addAll(loader.graph().leafNodes(app));
            }
          }
          List<MigrationStatus> result = new ArrayList<>();
          for (MigrationKey key : loader.graph().forwardsPlan(targets)) {
            result.add(status(loader, key));
          }
          return result;
        });
  }

  private static MigrationStatus status(MigrationLoader loader, MigrationKey key) {
    MigrationDefinition m = loader.graph().migration(key);
    return new MigrationStatus(
        key,
        loader.applied().contains(key),
        loader.recorded().contains(key),
        m.replaces().size(),
        new ArrayList<>(loader.graph().parents(key)));
  }

  // ---------------------------------------------------------------- sqlmigrate

  /**
   * The SQL {@code migrate} would run for one migration on this backend, as Django's sqlmigrate:
   * {@code BEGIN;} and {@code COMMIT;} around it where the migration is atomic, a {@code --}
   * header per operation, {@code -- (no-op)} for operations without SQL. Empty when the migration
   * has no operations.
   */
  public String sqlMigrate(String app, String name, boolean backwards) {
    return withConnection(
        (connection, backend) -> {
          // Squashed and replaced migrations are all addressable here, as Django's sqlmigrate.
          MigrationLoader loader = new MigrationLoader(definitions, Set.of(), false);
          requireApp(loader, app);
          MigrationDefinition m = loader.byPrefix(app, name);
          if (m.operations().isEmpty()) {
            return "";
          }
          MigrationExecutor executor = new MigrationExecutor(loader, backend, connection, null);
          List<String> lines = new ArrayList<>();
          boolean atomic = executor.atomic(m);
          if (atomic) {
            lines.add("BEGIN;");
          }
          lines.addAll(executor.collectSql(m, backwards));
          if (atomic) {
            lines.add("COMMIT;");
          }
          return String.join("\n", lines) + "\n";
        });
  }

  // ---------------------------------------------------------------- connections

  private interface Work<T> {
    T run(Connection connection, Backend backend) throws SQLException;
  }

  private <T> T withConnection(Work<T> work) {
    try (Connection connection = connections.get()) {
      String url = connection.getMetaData().getURL();
      Backend backend = Backends.forUrl(url);
      if (backend == null) {
        throw new MigrataException(
            ErrorCode.CONFIGURATION, "No Migrata backend for the URL '" + url + "'.");
      }
      backend.prepare(connection);
      return work.run(connection, backend);
    } catch (SQLException e) {
      throw new MigrataException(
          ErrorCode.DATABASE, "Database error: " + oneLine(e.getMessage()), e);
    } catch (MigrataException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new MigrataException(ErrorCode.DATABASE, oneLine(String.valueOf(e.getMessage())), e);
    }
  }

  static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s+", " ").strip();
  }
}
