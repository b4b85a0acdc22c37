package dev.migrata.bench;

import dev.migrata.Migrata;
import dev.migrata.internal.migration.Json;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationIndex;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.Operations;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelState;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code bench/run.sh largetable}: one schema change on a table of {@code bench.ltRows} rows
 * (default 1,000,000), Migrata's {@code migrate()} of that one migration against the hand-written
 * SQL a careful DBA would run, paired and interleaved ({@code bench.reps} samples each).
 *
 * <ul>
 *   <li>SQLite: an AlterField (varchar 50 to 100 on an indexed column) that SQLite must rebuild;
 *       the hand SQL is create new, {@code INSERT ... SELECT}, drop, rename, index, in one
 *       transaction. Each sample starts from a fresh copy of the same database file.
 *   <li>PostgreSQL: AddField of a nullable column, of a NOT NULL column with a constant database
 *       default, and of one with a constant (Java-side) default; each sample checks that the
 *       table's {@code relfilenode} did not change (no rewrite), then drops the column again. Each
 *       change also runs on the same table with no rows (a database of its own): the 1M-row figures
 *       minus those are the part of each side that grows with the table.
 * </ul>
 *
 * Both sides include opening their connection; Migrata's also its index read, history read, lock
 * and history row. Honesty checks fail the run: both sides leave the same columns and indexes and
 * the same rows.
 */
final class LargeTable {
  private static final String APP = "lt";
  private static final String TABLE = "lt_big";
  private static final int ROWS = Integer.getInteger("bench.ltRows", 1_000_000);
  private static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private final Path dir;
  private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();

  private LargeTable(Path dir) {
    this.dir = dir;
  }

  static void run(Path dir) throws Exception {
    Logger.getLogger("").setLevel(Level.OFF);
    LargeTable bench = new LargeTable(dir);
    String backends = System.getProperty("bench.ltBackends", "sqlite,postgresql");
    System.out.printf(
        Locale.ROOT,
        "## Large tables (%,d rows; CPU and wall ms of the timed call, median [min..max] of %d"
            + " paired samples)%n%n",
        ROWS,
        Bench.REPS);
    System.out.println(
        "| backend | change | hand SQL CPU ms | Migrata CPU ms | CPU ratio | hand wall ms |"
            + " Migrata wall ms | wall ratio | Migrata no-op CPU / wall ms |");
    System.out.println("|---|---|---:|---:|---|---:|---:|---|---|");
    if (backends.contains("sqlite")) {
      bench.sqlite();
    }
    if (backends.contains("postgresql")) {
      bench.postgresql();
    }
    System.out.println();
  }

  // ---------------------------------------------------------------- the history

  private static FieldState name(int maxLength) {
    return FieldState.builder("name", "CharField").maxLength(maxLength).index(true).build();
  }

  private static CreateModel big() {
    return CreateModel.of(
        ModelState.of(
            APP,
            "Big",
            List.of(
                FieldState.autoId(), name(50), FieldState.builder("qty", "IntegerField").build())));
  }

  private static MigrationDefinition migration(String name, String dep, Operation op) {
    List<Deconstructed> ops = Operations.deconstruct(List.of(op));
    return new MigrationDefinition(
        new MigrationKey(APP, name),
        "bench.lt.migrations.M" + name,
        dep == null ? List.of() : List.of(new MigrationKey(APP, dep)),
        List.of(),
        List.of(),
        dep == null,
        true,
        () -> ops,
        Json.writeDeconstructed(ops));
  }

  /** A class loader whose index holds 0001 (the table) and {@code 0002_change}: {@code op}. */
  private ClassLoader history(String label, Operation op) throws Exception {
    Path root = dir.resolve("lt-index-" + label);
    Path index = root.resolve(MigrationIndex.RESOURCE);
    Files.createDirectories(index.getParent());
    Files.writeString(
        index,
        MigrationIndex.write(
            List.of(
                migration("0001_initial", null, big()),
                migration("0002_change", "0001_initial", op))));
    return new URLClassLoader(new URL[] {root.toUri().toURL()}, Bench.class.getClassLoader());
  }

  // ---------------------------------------------------------------- SQLite

  private void sqlite() throws Exception {
    ClassLoader cl = history("sqlite", new AlterField("big", name(100), true));
    Path template = dir.resolve("lt-template.sqlite3");
    Files.deleteIfExists(template);
    String templateUrl = "jdbc:sqlite:" + template;
    Migrata.configure()
        .jdbcUrl(templateUrl, null, null)
        .classLoader(cl)
        .load()
        .migrate(APP, "0001_initial");
    String index;
    try (Connection c = DriverManager.getConnection(templateUrl);
        Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      st.execute(
          "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < "
              + ROWS
              + ") INSERT INTO "
              + TABLE
              + " (name, qty) SELECT 'name ' || x, x % 1000 FROM n");
      c.commit();
      index =
          string(
              st,
              "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '"
                  + TABLE
                  + "' AND sql IS NOT NULL");
    }
    // What a DBA writes for this change by hand (Django's _remake_table, minus nothing).
    List<String> hand =
        List.of(
            "CREATE TABLE \"new__lt_big\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT,"
                + " \"name\" varchar(100) NOT NULL, \"qty\" integer NOT NULL)",
            "INSERT INTO \"new__lt_big\" (\"id\", \"name\", \"qty\") SELECT \"id\", \"name\","
                + " \"qty\" FROM \"lt_big\"",
            "DROP TABLE \"lt_big\"",
            "ALTER TABLE \"new__lt_big\" RENAME TO \"lt_big\"",
            "CREATE INDEX \"" + index + "\" ON \"lt_big\" (\"name\")");
    Path sample = dir.resolve("lt-sample.sqlite3");
    String url = "jdbc:sqlite:" + sample;
    Timed handRun =
        () -> {
          try (Connection c = DriverManager.getConnection(url);
              Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : hand) {
              st.execute(sql);
            }
            c.commit();
          }
        };
    Timed migrataRun =
        () -> {
          int applied =
              Migrata.configure().jdbcUrl(url, null, null).classLoader(cl).load().migrate().size();
          if (applied != 1) {
            throw new IllegalStateException("Migrata applied " + applied + " migrations, not 1");
          }
        };
    Runnable fresh =
        () -> {
          try {
            Files.copy(template, sample, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(dir.resolve("lt-sample.sqlite3-journal"));
          } catch (java.io.IOException e) {
            throw new RuntimeException(e);
          }
        };
    String[] shape = new String[2];
    Check check =
        side -> {
          try (Connection c = DriverManager.getConnection(url);
              Statement st = c.createStatement()) {
            String s =
                rows(
                        st,
                        "SELECT name, type, \"notnull\", pk FROM pragma_table_info('"
                            + TABLE
                            + "')")
                    + rows(
                        st,
                        "SELECT il.name, ii.name FROM pragma_index_list('"
                            + TABLE
                            + "') il, pragma_index_info(il.name) ii WHERE il.origin = 'c'")
                    + rows(st, "SELECT count(*), sum(qty), max(length(name)) FROM " + TABLE);
            shape[side] = s;
          }
        };
    pairs(
        "sqlite",
        List.of(
            new Side(
                "AlterField rebuild (varchar 50 -> 100, indexed)",
                fresh,
                handRun,
                migrataRun,
                noop(cl, url),
                check,
                shape,
                null)));
  }

  // ---------------------------------------------------------------- PostgreSQL

  private record Variant(String label, Operation op, List<String> hand) {}

  /** Medians (CPU ms) of one variant on one table: hand, Migrata, Migrata's no-op. */
  private record Medians(double hand, double migrata, double noop) {}

  private void postgresql() throws Exception {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String db = "migrata_bench_" + suffix;
    // The same table with no rows: what a change costs whatever the table, so that the 1M-row
    // figures minus these are the part that grows with the rows (none, for metadata-only DDL).
    String emptyDb = "migrata_bench_e" + suffix;
    try (Connection c = DriverManager.getConnection(PG_ADMIN);
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + db);
      st.execute("CREATE DATABASE " + emptyDb);
    }
    String url = "jdbc:postgresql://127.0.0.1:5432/" + db + "?user=postgres";
    String emptyUrl = "jdbc:postgresql://127.0.0.1:5432/" + emptyDb + "?user=postgres";
    List<String> comparison = new ArrayList<>();
    try {
      FieldState nullable = FieldState.builder("extra", "IntegerField").nullable(true).build();
      FieldState dbDefault = FieldState.builder("extra", "IntegerField").dbDefault("0").build();
      FieldState javaDefault =
          FieldState.builder("extra", "IntegerField").defaultValue("0").build();
      List<Variant> variants =
          List.of(
              new Variant(
                  "AddField nullable",
                  new AddField("big", nullable, true),
                  List.of("ALTER TABLE \"lt_big\" ADD COLUMN \"extra\" integer NULL")),
              new Variant(
                  "AddField NOT NULL, dbDefault 0",
                  new AddField("big", dbDefault, true),
                  List.of(
                      "ALTER TABLE \"lt_big\" ADD COLUMN \"extra\" integer DEFAULT 0 NOT NULL")),
              new Variant(
                  "AddField NOT NULL, default 0",
                  new AddField("big", javaDefault, true),
                  List.of(
                      "ALTER TABLE \"lt_big\" ADD COLUMN \"extra\" integer DEFAULT 0 NOT NULL",
                      "ALTER TABLE \"lt_big\" ALTER COLUMN \"extra\" DROP DEFAULT")));
      boolean first = true;
      for (Variant v : variants) {
        ClassLoader cl = history("pg-" + variants.indexOf(v), v.op());
        if (first) {
          for (String u : List.of(url, emptyUrl)) {
            Migrata.configure()
                .jdbcUrl(u, null, null)
                .classLoader(cl)
                .load()
                .migrate(APP, "0001_initial");
          }
          try (Connection c = DriverManager.getConnection(url);
              Statement st = c.createStatement()) {
            st.execute(
                "INSERT INTO "
                    + TABLE
                    + " (name, qty) SELECT 'name ' || x, x % 1000 FROM generate_series(1, "
                    + ROWS
                    + ") x");
            st.execute("VACUUM ANALYZE " + TABLE);
          }
          first = false;
        }
        // Interleaved: each repetition runs a pair on the big table and one on the empty one.
        List<Medians> both =
            pairs(
                "postgresql",
                List.of(
                    pgSide(url, v, cl, String.format(Locale.ROOT, "%,d rows", ROWS)),
                    pgSide(emptyUrl, v, cl, "empty table")));
        Medians big = both.get(0);
        Medians empty = both.get(1);
        comparison.add(
            String.format(
                Locale.ROOT,
                "| %s | %.2f | %.2f | %+.2f | %.2f | %.2f | %+.2f | %.2f | %.2f |",
                v.label(),
                big.hand(),
                empty.hand(),
                big.hand() - empty.hand(),
                big.migrata(),
                empty.migrata(),
                big.migrata() - empty.migrata(),
                big.migrata() - big.hand(),
                big.noop()));
      }
    } finally {
      try (Connection c = DriverManager.getConnection(PG_ADMIN);
          Statement st = c.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        st.execute("DROP DATABASE IF EXISTS " + emptyDb + " WITH (FORCE)");
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nPostgreSQL, what grows with the table: medians of CPU ms on %,d rows and on an empty"
            + " table (the same change, interleaved runs); Migrata - hand = its cost above the"
            + " hand SQL; no-op = its fixed cost (nothing to apply)%n%n",
        ROWS);
    System.out.println(
        "| change | hand, rows | hand, empty | hand: rows - empty | Migrata, rows |"
            + " Migrata, empty | Migrata: rows - empty | Migrata - hand (rows) | no-op |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    comparison.forEach(System.out::println);
  }

  /** One variant on the database at {@code url}, whose table has a size of its own. */
  private Side pgSide(String url, Variant v, ClassLoader cl, String size) {
    long[] relfilenode = new long[1];
    Runnable reset =
        () -> {
          try (Connection c = DriverManager.getConnection(url);
              Statement st = c.createStatement()) {
            st.execute("ALTER TABLE " + TABLE + " DROP COLUMN IF EXISTS extra");
            st.execute("DELETE FROM migrata_migrations WHERE app = 'lt' AND name = '0002_change'");
            relfilenode[0] =
                Long.parseLong(
                    string(st, "SELECT relfilenode FROM pg_class WHERE relname = '" + TABLE + "'"));
          } catch (SQLException e) {
            throw new RuntimeException(e);
          }
        };
    Timed handRun =
        () -> {
          try (Connection c = DriverManager.getConnection(url);
              Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : v.hand()) {
              st.execute(sql);
            }
            c.commit();
          }
        };
    Timed migrataRun =
        () -> {
          int applied =
              Migrata.configure().jdbcUrl(url, null, null).classLoader(cl).load().migrate().size();
          if (applied != 1) {
            throw new IllegalStateException("Migrata applied " + applied + ", not 1");
          }
        };
    String[] shape = new String[2];
    Check check =
        side -> {
          try (Connection c = DriverManager.getConnection(url);
              Statement st = c.createStatement()) {
            long now =
                Long.parseLong(
                    string(st, "SELECT relfilenode FROM pg_class WHERE relname = '" + TABLE + "'"));
            if (now != relfilenode[0]) {
              throw new IllegalStateException(
                  v.label()
                      + ": the table was rewritten (relfilenode "
                      + relfilenode[0]
                      + " -> "
                      + now
                      + ")");
            }
            shape[side] =
                rows(
                        st,
                        "SELECT column_name, data_type, is_nullable, column_default FROM"
                            + " information_schema.columns WHERE table_name = '"
                            + TABLE
                            + "' ORDER BY ordinal_position")
                    + rows(st, "SELECT count(*), count(extra), sum(qty) FROM " + TABLE);
          }
        };
    return new Side(
        v.label() + ", " + size, reset, handRun, migrataRun, noop(cl, url), check, shape, reset);
  }

  // ---------------------------------------------------------------- the harness

  @FunctionalInterface
  private interface Timed {
    void run() throws Exception;
  }

  @FunctionalInterface
  private interface Check {
    void after(int side) throws Exception;
  }

  /**
   * One change on one database: {@code before} prepares it before every run, {@code check} inspects
   * it after every run (side 0 hand, 1 Migrata) into {@code shape}; {@code after} (may be null)
   * cleans up at the end.
   */
  private record Side(
      String change,
      Runnable before,
      Timed hand,
      Timed migrata,
      Timed noop,
      Check check,
      String[] shape,
      Runnable after) {}

  /** One side's samples. */
  private static final class Samples {
    final List<Double> handCpu = new ArrayList<>();
    final List<Double> handWall = new ArrayList<>();
    final List<Double> migCpu = new ArrayList<>();
    final List<Double> migWall = new ArrayList<>();
    final List<Double> cpuRatio = new ArrayList<>();
    final List<Double> wallRatio = new ArrayList<>();
    final List<Double> noopCpu = new ArrayList<>();
    final List<Double> noopWall = new ArrayList<>();
  }

  /**
   * One warm-up round, then {@code REPS} rounds; a round runs one pair (hand and Migrata, in
   * alternating order) on each side, the sides in rotating order, so that no side runs on a warmer
   * JVM than another. Prints a row per side and returns their medians.
   */
  private List<Medians> pairs(String backend, List<Side> sides) throws Exception {
    List<Samples> samples = new ArrayList<>();
    sides.forEach(x -> samples.add(new Samples()));
    for (int r = -1; r < Bench.REPS; r++) {
      for (int j = 0; j < sides.size(); j++) {
        int at = Math.floorMod(j + r, sides.size());
        pair(backend, sides.get(at), r, samples.get(at));
      }
    }
    List<Medians> out = new ArrayList<>();
    for (int i = 0; i < sides.size(); i++) {
      Side side = sides.get(i);
      Samples x = samples.get(i);
      if (side.after() != null) {
        side.after().run();
      }
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %.2f | %.2f | %s | %.1f | %.1f | %s | %.2f / %.1f |%n",
          backend,
          side.change(),
          Bench.median(x.handCpu),
          Bench.median(x.migCpu),
          spread(x.cpuRatio),
          Bench.median(x.handWall),
          Bench.median(x.migWall),
          spread(x.wallRatio),
          Bench.median(x.noopCpu),
          Bench.median(x.noopWall));
      System.err.printf(
          Locale.ROOT,
          "  [largetable %s %s] hand cpu %s wall %s | migrata cpu %s wall %s | no-op cpu %s |"
              + " shape %s%n",
          backend,
          side.change(),
          fmt2(x.handCpu),
          Bench.fmt(x.handWall),
          fmt2(x.migCpu),
          Bench.fmt(x.migWall),
          fmt2(x.noopCpu),
          side.shape()[1]);
      out.add(
          new Medians(Bench.median(x.handCpu), Bench.median(x.migCpu), Bench.median(x.noopCpu)));
    }
    return out;
  }

  /** One pair on {@code side} in round {@code r} (-1: the warm-up, not recorded). */
  private void pair(String backend, Side side, int r, Samples x) throws Exception {
    double[] h = null;
    double[] m = null;
    for (int k = 0; k < 2; k++) {
      boolean handNow = (k == 0) == (r % 2 == 0);
      side.before().run();
      double[] t = time(handNow ? side.hand() : side.migrata());
      side.check().after(handNow ? 0 : 1);
      if (!handNow && r >= 0) {
        // The same call with nothing left to do: Migrata's fixed cost, whatever the table.
        double[] idle = time(side.noop());
        x.noopCpu.add(idle[0]);
        x.noopWall.add(idle[1]);
      }
      if (handNow) {
        h = t;
      } else {
        m = t;
      }
    }
    String[] shape = side.shape();
    if (!shape[0].equals(shape[1])) {
      throw new IllegalStateException(
          backend
              + " "
              + side.change()
              + ": the two sides differ:\nhand    "
              + shape[0]
              + "\nmigrata "
              + shape[1]);
    }
    if (r < 0) {
      return; // warm-up
    }
    x.handCpu.add(h[0]);
    x.handWall.add(h[1]);
    x.migCpu.add(m[0]);
    x.migWall.add(m[1]);
    x.cpuRatio.add(m[0] / h[0]);
    x.wallRatio.add(m[1] / h[1]);
  }

  /** An up-to-date {@code migrate()}: it must apply nothing. */
  private static Timed noop(ClassLoader cl, String url) {
    return () -> {
      int applied =
          Migrata.configure().jdbcUrl(url, null, null).classLoader(cl).load().migrate().size();
      if (applied != 0) {
        throw new IllegalStateException("the no-op migrate() applied " + applied);
      }
    };
  }

  /** CPU ms of this thread (SQLite's work runs on it) and wall ms. */
  private double[] time(Timed work) throws Exception {
    long c0 = mx.getCurrentThreadCpuTime();
    long w0 = System.nanoTime();
    work.run();
    return new double[] {(mx.getCurrentThreadCpuTime() - c0) / 1e6, (System.nanoTime() - w0) / 1e6};
  }

  /** Raw samples with two decimals: the CPU figures here are a few ms. */
  private static String fmt2(List<Double> xs) {
    StringBuilder out = new StringBuilder("[");
    for (double x : xs) {
      out.append(out.length() > 1 ? "," : "").append(String.format(Locale.ROOT, "%.2f", x));
    }
    return out.append(']').toString();
  }

  private static String spread(List<Double> xs) {
    return String.format(
        Locale.ROOT,
        "%.2f [%.2f..%.2f]",
        Bench.median(xs),
        xs.stream().mapToDouble(Double::doubleValue).min().orElse(0),
        xs.stream().mapToDouble(Double::doubleValue).max().orElse(0));
  }

  private static String string(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      if (!rs.next()) {
        throw new IllegalStateException("no row: " + sql);
      }
      return rs.getString(1);
    }
  }

  private static String rows(Statement st, String sql) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        out.append('(');
        for (int i = 1; i <= n; i++) {
          out.append(i > 1 ? "," : "").append(rs.getString(i));
        }
        out.append(')');
      }
    }
    return out.toString();
  }
}
