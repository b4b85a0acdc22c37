package dev.migrata.bench;

import dev.migrata.Migrata;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * No-op startup against the floor, each sample a fresh JVM ({@link StartupProbe}), floor and
 * Migrata interleaved: for each backend, the history of {@link Bench#writeIndex} with N migrations
 * (their classes do not exist, so a no-op run that loaded one would fail) applied once, then {@code
 * bench.reps} pairs. Figures: median [min..max] of the paired ratios, CPU time of the whole JVM
 * (the headline: wall time swings on a shared machine) and wall time of the timed call, and the
 * classes Migrata loads beyond the floor.
 */
final class Startup {
  private Startup() {}

  static final String[] TOOLS = {"migrata", "flyway", "liquibase"};

  /**
   * The largest N the peers are measured at ({@code bench.peerMaxN}, no limit by default): applying
   * 10,000 migrations with Flyway and Liquibase once takes tens of minutes on MariaDB.
   */
  static final int PEER_MAX_N = Integer.getInteger("bench.peerMaxN", Integer.MAX_VALUE);

  static void run(Path dir) throws Exception {
    int[] ns = Bench.ints(System.getProperty("bench.startupNs", "1000"));
    String[] backends =
        System.getProperty("bench.backends", "sqlite,postgresql,mariadb").split(",");
    System.out.println("### No-op startup vs the floor (fresh JVM per sample)");
    System.out.println();
    System.out.println(
        "| backend | N | floor CPU ms | tool | tool CPU ms | CPU ratio to the floor |"
            + " wall ratio to the floor | extra classes |");
    System.out.println("|---|---:|---:|---|---:|---|---|---:|");
    for (String backend : backends) {
      for (int n : ns) {
        Path root = Files.createDirectories(dir.resolve("startup-" + backend + "-" + n));
        Path indexDir = Bench.writeIndex(root.resolve("cp"), n);
        String cp = Bench.CLASSPATH + File.pathSeparator + indexDir;
        java.util.Map<String, String> urls = new java.util.LinkedHashMap<>();
        try {
          boolean withPeers = n <= PEER_MAX_N;
          for (String tool : withPeers ? TOOLS : new String[] {"migrata"}) {
            urls.put(tool, database(backend, root, tool + "_" + n));
          }
          apply(urls.get("migrata"), indexDir, n);
          Peers peers = withPeers ? Peers.write(root, urls.get("migrata"), indexDir, n) : null;
          if (withPeers) {
            peers.applyFlyway(urls.get("flyway"));
            peers.applyLiquibase(urls.get("liquibase"));
            Peers.checkSameSchema(urls);
          }
          List<double[]> floor = new ArrayList<>();
          java.util.Map<String, List<double[]>> tools = new java.util.LinkedHashMap<>();
          for (int i = 0; i < Bench.REPS; i++) {
            floor.add(probe(cp, "floor", urls.get("migrata"), n, ""));
            tools
                .computeIfAbsent("migrata", t -> new ArrayList<>())
                .add(probe(cp, "migrata", urls.get("migrata"), n, ""));
            if (!withPeers) {
              continue;
            }
            tools
                .computeIfAbsent("flyway", t -> new ArrayList<>())
                .add(probe(cp, "flyway", urls.get("flyway"), n, peers.flywayDir().toString()));
            tools
                .computeIfAbsent("liquibase", t -> new ArrayList<>())
                .add(
                    probe(cp, "liquibase", urls.get("liquibase"), n, peers.changelog().toString()));
          }
          if (withPeers) {
            Peers.checkSameSchema(urls);
          }
          System.err.println("startup " + backend + " N=" + n + " floor " + raw(floor));
          for (var e : tools.entrySet()) {
            System.err.println(
                "startup " + backend + " N=" + n + " " + e.getKey() + " " + raw(e.getValue()));
            System.out.printf(
                Locale.ROOT,
                "| %s | %d | %s | %s | %s | %s | %s | %d |%n",
                backend,
                n,
                Bench.f0(Bench.median(column(floor, 1))),
                e.getKey(),
                Bench.f0(Bench.median(column(e.getValue(), 1))),
                ratios(e.getValue(), floor, 1),
                ratios(e.getValue(), floor, 0),
                Math.round(Bench.median(column(e.getValue(), 2)) - Bench.median(column(floor, 2))));
          }
        } finally {
          for (String tool : TOOLS) {
            drop(backend, root, tool + "_" + n);
          }
        }
      }
    }
    System.out.println();
  }

  /** A new database for the backend; SQLite's file under {@code root}. */
  static String database(String backend, Path root, String suffix) throws Exception {
    String name = "bench_startup_" + ProcessHandle.current().pid() + "_" + suffix;
    switch (backend) {
      case "sqlite" -> {
        Files.deleteIfExists(root.resolve(suffix + ".db"));
        return "jdbc:sqlite:" + root.resolve(suffix + ".db");
      }
      case "postgresql" -> {
        admin(PG_ADMIN, "DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name);
        return "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres";
      }
      case "mariadb" -> {
        admin(MARIADB_ADMIN, "DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name);
        return "jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root";
      }
      default -> throw new IllegalArgumentException("unknown backend " + backend);
    }
  }

  static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  static final String MARIADB_ADMIN = "jdbc:mariadb://127.0.0.1:3306/test?user=root";

  static void drop(String backend, Path root, String suffix) throws Exception {
    String name = "bench_startup_" + ProcessHandle.current().pid() + "_" + suffix;
    switch (backend) {
      case "postgresql" -> admin(PG_ADMIN, "DROP DATABASE IF EXISTS " + name);
      case "mariadb" -> admin(MARIADB_ADMIN, "DROP DATABASE IF EXISTS " + name);
      default -> Files.deleteIfExists(root.resolve(suffix + ".db"));
    }
  }

  static void admin(String url, String... sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  /** Applies the N migrations once (in this JVM); the probes then find nothing to do. */
  static void apply(String url, Path indexDir, int n) throws Exception {
    ClassLoader index =
        new java.net.URLClassLoader(
            new java.net.URL[] {indexDir.toUri().toURL()}, Bench.class.getClassLoader());
    int applied =
        Migrata.configure().jdbcUrl(url, null, null).classLoader(index).load().migrate().size();
    if (applied != n) {
      throw new IllegalStateException("applied " + applied + " of " + n + " migrations");
    }
  }

  /** One fresh JVM: {@code wallMs cpuMs classes}. */
  static double[] probe(String cp, String mode, String url, int n, String extra) throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                cp,
                StartupProbe.class.getName(),
                mode,
                url,
                String.valueOf(n),
                extra)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(mode + " probe failed: " + out);
    }
    // The last line: the tools may log to standard output before it.
    String[] parts = out.substring(out.lastIndexOf('\n') + 1).split(" ");
    return new double[] {
      Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])
    };
  }

  static List<Double> column(List<double[]> samples, int i) {
    List<Double> out = new ArrayList<>();
    for (double[] s : samples) {
      out.add(s[i]);
    }
    return out;
  }

  /** Median [min..max] of the paired ratios {@code a[k] / b[k]}. */
  static String ratios(List<double[]> a, List<double[]> b, int i) {
    List<Double> r = new ArrayList<>();
    for (int k = 0; k < a.size(); k++) {
      r.add(a.get(k)[i] / b.get(k)[i]);
    }
    return String.format(
        Locale.ROOT,
        "%.2f [%.2f..%.2f]",
        Bench.median(r),
        r.stream().mapToDouble(Double::doubleValue).min().orElse(0),
        r.stream().mapToDouble(Double::doubleValue).max().orElse(0));
  }

  static String raw(List<double[]> samples) {
    StringBuilder out = new StringBuilder();
    for (double[] s : samples) {
      out.append(String.format(Locale.ROOT, "%.0f/%.0f ", s[1], s[0]));
    }
    return out.toString().strip() + " (cpu/wall ms)";
  }
}
