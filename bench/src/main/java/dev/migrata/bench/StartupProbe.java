package dev.migrata.bench;

import dev.migrata.Migrata;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

/**
 * One no-op startup in this (fresh) JVM, printed as one line {@code wallMs cpuMs classes}: either
 * the floor (load the URL's driver, connect, read every history row) or Migrata's up-to-date {@code
 * migrate()}. CPU is the whole JVM's (every thread: JIT and GC included) up to the end of the timed
 * call. Run by {@link Startup}, once per sample, in a new process.
 */
public final class StartupProbe {
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    String url = args[1];
    int expectedRows = Integer.parseInt(args[2]);
    long t0 = System.nanoTime();
    if (mode.equals("floor")) {
      floor(url, expectedRows);
    } else if (mode.equals("migrata")) {
      // Every class asked of the index's loader is recorded: a no-op must ask for no migration's.
      ClassLoader app = StartupProbe.class.getClassLoader();
      java.util.List<String> asked = new java.util.ArrayList<>();
      ClassLoader recording =
          new ClassLoader(app) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve)
                throws ClassNotFoundException {
              if (name.startsWith("bench.")) {
                asked.add(name);
              }
              return super.loadClass(name, resolve);
            }
          };
      int applied =
          Migrata.configure()
              .jdbcUrl(url, null, null)
              .classLoader(recording)
              .load()
              .migrate()
              .size();
      if (applied != 0 || !asked.isEmpty()) {
        throw new IllegalStateException(
            "not a no-op: applied " + applied + ", migration classes asked for: " + asked);
      }
    } else if (mode.equals("flyway")) {
      int applied =
          org.flywaydb.core.Flyway.configure()
              .dataSource(url, null, null)
              .locations("filesystem:" + args[3])
              .load()
              .migrate()
              .migrationsExecuted;
      if (applied != 0) {
        throw new IllegalStateException("not a no-op: Flyway applied " + applied);
      }
    } else if (mode.equals("liquibase")) {
      liquibase(url, Path.of(args[3]));
    } else if (mode.equals("fresh-migrata")) {
      int applied = Migrata.configure().jdbcUrl(url, null, null).load().migrate().size();
      if (applied != expectedRows) {
        throw new IllegalStateException("applied " + applied + " of " + expectedRows);
      }
    } else if (mode.equals("fresh-flyway")) {
      int applied =
          org.flywaydb.core.Flyway.configure()
              .dataSource(url, null, null)
              .locations("filesystem:" + args[3])
              .load()
              .migrate()
              .migrationsExecuted;
      if (applied != expectedRows) {
        throw new IllegalStateException("Flyway applied " + applied + " of " + expectedRows);
      }
    } else if (mode.equals("fresh-liquibase")) {
      liquibase(url, Path.of(args[3]));
    } else {
      throw new IllegalArgumentException(mode);
    }
    long wall = System.nanoTime() - t0;
    long cpu =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    if (mode.equals("fresh-liquibase")) {
      int rows = rows(url, "SELECT COUNT(*) FROM DATABASECHANGELOG");
      if (rows != expectedRows) {
        throw new IllegalStateException("Liquibase ran " + rows + " of " + expectedRows);
      }
    }
    if (Boolean.getBoolean("bench.threads")) {
      threads();
    }
    System.out.printf(Locale.ROOT, "%.2f %.2f %d%n", wall / 1e6, cpu / 1e6, classes);
  }

  /**
   * Diagnostics ({@code -Dbench.threads=true}): CPU ms per JVM thread (JIT compilers, GC, main)
   * from {@code /proc/self/task}, to stderr, summed by kind.
   */
  static void threads() throws java.io.IOException {
    java.util.Map<String, Long> byKind = new java.util.TreeMap<>();
    long tick = 10; // USER_HZ 100
    try (var tasks = java.nio.file.Files.list(Path.of("/proc/self/task"))) {
      for (Path t : (Iterable<Path>) tasks::iterator) {
        String stat = java.nio.file.Files.readString(t.resolve("stat"));
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick;
        String kind = name.replaceAll("[#0-9 ]+.*$", "").replaceAll("CompilerThre.*", "Compiler");
        byKind.merge(kind, ms, Long::sum);
      }
    }
    System.err.println("threads " + byKind);
  }

  /** Liquibase's update of the changelog {@code file} (its own documented API, 4.x). */
  @SuppressWarnings("deprecation")
  static void liquibase(String url, Path file) throws Exception {
    try (Connection c = java.sql.DriverManager.getConnection(url);
        liquibase.Liquibase lb =
            new liquibase.Liquibase(
                file.getFileName().toString(),
                new liquibase.resource.DirectoryResourceAccessor(file.getParent()),
                liquibase.database.DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(
                        new liquibase.database.jvm.JdbcConnection(c)))) {
      lb.update("");
    }
  }

  /** One integer that {@code sql} selects (after the timed call: not part of the figure). */
  static int rows(String url, String sql) throws Exception {
    try (Connection c = java.sql.DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The floor: the URL's own driver class, one connection, one read of all N history rows. */
  static void floor(String url, int expectedRows) throws Exception {
    String driverClass =
        url.startsWith("jdbc:sqlite:")
            ? "org.sqlite.JDBC"
            : url.startsWith("jdbc:postgresql:")
                ? "org.postgresql.Driver"
                : "org.mariadb.jdbc.Driver";
    Driver driver = (Driver) Class.forName(driverClass).getDeclaredConstructor().newInstance();
    try (Connection c = driver.connect(url, new Properties());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT app, name FROM migrata_migrations ORDER BY id")) {
      int rows = 0;
      while (rs.next()) {
        rs.getString(1);
        rs.getString(2);
        rows++;
      }
      if (rows != expectedRows) {
        throw new IllegalStateException("the floor read " + rows + " rows, not " + expectedRows);
      }
    }
  }
}
