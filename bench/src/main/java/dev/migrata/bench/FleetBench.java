package dev.migrata.bench;

import dev.migrata.FleetReport;
import dev.migrata.Migrata;
import dev.migrata.Tenants;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * The tenant-fleet benchmark (issue 15): T PostgreSQL schemas with the same history of N
 * migrations, migrated by one Migrata fleet run ({@code --schemas}, P workers), against the floor
 * (one history read per schema over a pool of P connections) and against Flyway migrating the same
 * history into its own T schemas in a loop, as its users do. Figures: fresh apply, no-op (median of
 * R interleaved samples), and one new migration on every tenant. Wall time: the work is the
 * server's and the round trips, not this JVM's CPU.
 */
final class FleetBench {
  private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  private static final String DB = "migrata_fleet_bench";
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DB + "?user=postgres";

  private final Path dir;
  private final int tenants = Integer.getInteger("bench.tenants", 1000);
  private final int history = Integer.getInteger("bench.fleetN", 10);

  /** Tenants of the fresh-apply figure (Flyway needs ~1.5 s per fresh tenant here). */
  private final int fresh = Integer.getInteger("bench.freshTenants", 50);

  private final int parallel = Integer.getInteger("bench.parallel", 8);
  private final int reps = Integer.getInteger("bench.reps", 5);

  /** Flyway takes ~0.1-0.3 s per tenant even with nothing to do: fewer samples of it by default. */
  private final int flywayReps = Integer.getInteger("bench.flywayReps", 1);

  /** Held so that the level set on it is not lost with a collected logger. */
  private static final java.util.logging.Logger FLYWAY_LOG =
      java.util.logging.Logger.getLogger("org.flywaydb");

  FleetBench(Path dir) {
    this.dir = dir;
  }

  void run() throws Exception {
    FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    try (Connection c = DriverManager.getConnection(ADMIN);
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
      st.execute("CREATE DATABASE " + DB);
    }
    try (Connection c = DriverManager.getConnection(URL);
        Statement st = c.createStatement()) {
      for (int i = 1; i <= tenants; i++) {
        st.execute(String.format("CREATE SCHEMA mt_%04d; CREATE SCHEMA fw_%04d", i, i));
      }
      for (int i = 1; i <= fresh; i++) {
        st.execute(String.format("CREATE SCHEMA mf_%04d; CREATE SCHEMA ff_%04d", i, i));
      }
    }
    ClassLoader n = index(history);
    ClassLoader n1 = index(history + 1);
    Path sql = flywayScripts(history, dir.resolve("fw-n"));
    Path sql1 = flywayScripts(history + 1, dir.resolve("fw-n1"));

    System.out.printf(
        Locale.ROOT,
        "## Tenant fleet: %d PostgreSQL schemas, %d migrations each, %d workers%n%n",
        tenants,
        history,
        parallel);
    System.out.println(
        "| figure | Migrata fleet | floor | Flyway loop | Migrata / floor | Flyway / Migrata |");
    System.out.println("| --- | --- | --- | --- | --- | --- |");

    double migrataFresh = time(() -> check(fleet(n, "mf_*"), fresh, 0));
    double flywayFresh = time(() -> flyway(sql, "ff_%04d", fresh));
    row("fresh apply of " + fresh + " tenants (s)", migrataFresh, Double.NaN, flywayFresh);

    // The other tenants get the same schema and history by copying the first one's (minutes
    // faster than migrating each); the first is migrated by each tool itself.
    check(fleet(n, "mt_0001"), 1, 0);
    flyway(sql, "fw_%04d", 1);
    sameSchema("mt_0001", "fw_0001");
    clone(sql, "mt", "migrata_migrations");
    clone(sql, "fw", "flyway_schema_history");

    List<Double> m = new ArrayList<>();
    List<Double> f = new ArrayList<>();
    List<Double> fw = new ArrayList<>();
    for (int r = 0; r < reps; r++) {
      m.add(time(() -> check(fleet(n, "mt_*"), 0, tenants)));
      f.add(time(this::floor));
      if (r < flywayReps) {
        fw.add(time(() -> flyway(sql, "fw_%04d", tenants)));
      }
    }
    System.err.println("no-op samples: migrata " + m + " floor " + f + " flyway " + fw);
    row(
        "no-op, median of " + reps + " (Flyway: " + flywayReps + ") (s)",
        median(m),
        median(f),
        median(fw));

    double migrataOne = time(() -> check(fleet(n1, "mt_*"), tenants, 0));
    double flywayOne = time(() -> flyway(sql1, "fw_%04d", tenants));
    row("one new migration on every tenant (s)", migrataOne, Double.NaN, flywayOne);
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "Per tenant, no-op: Migrata %.2f ms, floor %.2f ms, Flyway %.2f ms.%n%n",
        median(m) * 1000 / tenants,
        median(f) * 1000 / tenants,
        median(fw) * 1000 / tenants);

    try (Connection c = DriverManager.getConnection(ADMIN);
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
    }
  }

  /** Honesty: both tools left the same tables and columns (their history tables aside). */
  private static void sameSchema(String a, String b) throws SQLException {
    List<String> left = columns(a);
    List<String> right = columns(b);
    if (!left.equals(right) || left.isEmpty()) {
      throw new IllegalStateException("the tools left different schemas: " + left + " vs " + right);
    }
  }

  private static List<String> columns(String schema) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(URL);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT table_name, column_name, data_type, is_nullable FROM"
                    + " information_schema.columns WHERE table_schema = '"
                    + schema
                    + "' AND table_name NOT IN ('migrata_migrations', 'flyway_schema_history')"
                    + " ORDER BY table_name, ordinal_position")) {
      while (rs.next()) {
        out.add(
            rs.getString(1)
                + "."
                + rs.getString(2)
                + " "
                + rs.getString(3)
                + " "
                + rs.getString(4));
      }
    }
    return out;
  }

  /** Tenants 2..T of {@code prefix}: the scripts' DDL and a copy of tenant 1's history. */
  private void clone(Path scripts, String prefix, String historyTable) throws Exception {
    StringBuilder ddl = new StringBuilder();
    try (var files = Files.list(scripts)) {
      List<Path> sorted =
          files
              .sorted(
                  java.util.Comparator.comparingInt(
                      p ->
                          Integer.parseInt(
                              p.getFileName().toString().replaceAll("V(\\d+)__.*", "$1"))))
              .toList();
      for (Path p : sorted) {
        ddl.append(Files.readString(p));
      }
    }
    try (Connection c = DriverManager.getConnection(URL);
        Statement st = c.createStatement()) {
      for (int i = 2; i <= tenants; i++) {
        String schema = String.format("%s_%04d", prefix, i);
        st.execute(
            "SET search_path TO "
                + schema
                + "; "
                + ddl
                + " CREATE TABLE "
                + historyTable
                + " (LIKE "
                + prefix
                + "_0001."
                + historyTable
                + " INCLUDING ALL); INSERT INTO "
                + historyTable
                + " OVERRIDING SYSTEM VALUE SELECT * FROM "
                + prefix
                + "_0001."
                + historyTable
                + (historyTable.equals("migrata_migrations")
                    ? "; SELECT setval(pg_get_serial_sequence('migrata_migrations', 'id'),"
                        + " (SELECT max(id) FROM migrata_migrations))"
                    : ""));
      }
    }
  }

  private FleetReport fleet(ClassLoader index, String pattern) {
    return Migrata.configure()
        .classLoader(index)
        .fleet(Tenants.schemas(URL, null, null, pattern))
        .parallel(parallel)
        .migrate(r -> {});
  }

  /** Honesty: every tenant did what the figure claims, none failed. */
  private static void check(FleetReport report, int migrated, int upToDate) {
    if (report.failed() != 0 || report.migrated() != migrated || report.upToDate() != upToDate) {
      throw new IllegalStateException(
          "unexpected fleet result: "
              + report.summary()
              + report.results().stream()
                  .filter(r -> r.error() != null)
                  .findFirst()
                  .map(r -> "; first failure: " + r.line())
                  .orElse(""));
    }
  }

  /** One history read per schema over P connections: what an up-to-date fleet cannot beat. */
  private void floor() throws Exception {
    AtomicInteger next = new AtomicInteger(1);
    AtomicInteger rows = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < parallel; w++) {
        workers.add(
            pool.submit(
                () -> {
                  try (Connection c = DriverManager.getConnection(URL);
                      Statement st = c.createStatement()) {
                    for (int i; (i = next.getAndIncrement()) <= tenants; ) {
                      st.execute(String.format("SET search_path TO mt_%04d", i));
                      try (ResultSet rs =
                          st.executeQuery("SELECT app, name, applied FROM migrata_migrations")) {
                        while (rs.next()) {
                          rows.incrementAndGet();
                        }
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> w : workers) {
        w.get();
      }
    } finally {
      pool.shutdownNow();
    }
    if (rows.get() < tenants * history) {
      throw new IllegalStateException("the floor read " + rows + " history rows");
    }
  }

  /** Flyway, one schema after another, each its own Flyway instance as a loop would make. */
  private static void flyway(Path scripts, String schemaFormat, int count) {
    for (int i = 1; i <= count; i++) {
      Flyway.configure()
          .dataSource(URL, null, null)
          .schemas(String.format(schemaFormat, i))
          .locations("filesystem:" + scripts)
          .load()
          .migrate();
    }
  }

  private ClassLoader index(int n) throws Exception {
    Path cp = Bench.writeIndex(dir.resolve("fleet-index-" + n), n);
    return new URLClassLoader(new URL[] {cp.toUri().toURL()}, FleetBench.class.getClassLoader());
  }

  /** The same history as {@link Bench#writeIndex} writes, as Flyway SQL files. */
  static Path flywayScripts(int n, Path out) throws Exception {
    Files.createDirectories(out);
    int model = 0;
    for (int i = 1; i <= n; i++) {
      String sql;
      if ((i - 1) % 25 == 0) {
        model++;
        sql =
            "CREATE TABLE rt_m"
                + model
                + " (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY"
                + " KEY, name varchar(50) NOT NULL);";
      } else {
        sql = "ALTER TABLE rt_m" + model + " ADD COLUMN f" + i + " integer NULL;";
      }
      Files.writeString(out.resolve("V" + i + "__m" + i + ".sql"), sql + "\n");
    }
    return out;
  }

  private interface Work {
    void run() throws Exception;
  }

  private static double time(Work work) throws Exception {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    return s.size() % 2 == 1
        ? s.get(s.size() / 2)
        : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
  }

  private static void row(String what, double migrata, double floor, double flyway) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %.2f | %s | %.2f | %s | %.1f |%n",
        what,
        migrata,
        Double.isNaN(floor) ? "—" : String.format(Locale.ROOT, "%.2f", floor),
        flyway,
        Double.isNaN(floor) ? "—" : String.format(Locale.ROOT, "%.2f", migrata / floor),
        flyway / migrata);
  }
}
