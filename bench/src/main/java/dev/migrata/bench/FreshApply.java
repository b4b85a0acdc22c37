package dev.migrata.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fresh apply: the history of {@link Bench#writeIndex} with N migrations ({@code bench.applyN},
 * 1,000) applied to an empty database by Migrata (from the index), Flyway (one SQL file per
 * migration) and Liquibase (one changeset per migration), each in a fresh JVM ({@link StartupProbe}
 * {@code fresh-*}), interleaved, {@code bench.applyReps} rounds (default {@code bench.reps}). Each
 * tool takes its lock, records every migration (Migrata with its checksum, Flyway with its CRC32)
 * and writes its progress, as it does for its users. Figures: median [min..max] of the paired
 * ratios tool / Flyway of the same round, wall time of the timed call (the headline here: the DDL
 * runs in the database server, whose CPU a client JVM's does not include) and the client JVM's CPU.
 * Checks, each fails the run: every tool reports N migrations applied, and the three databases of a
 * round have the same tables and columns.
 */
final class FreshApply {
  private FreshApply() {}

  static void run(Path dir) throws Exception {
    int n = Integer.getInteger("bench.applyN", 1000);
    int reps = Integer.getInteger("bench.applyReps", Bench.REPS);
    String[] backends =
        System.getProperty("bench.backends", "sqlite,postgresql,mariadb").split(",");
    System.out.println("### Fresh apply of N migrations (fresh JVM per sample)");
    System.out.println();
    System.out.println(
        "| backend | N | tool | wall ms | CPU ms (client JVM) | wall ratio to Flyway |"
            + " CPU ratio to Flyway |");
    System.out.println("|---|---:|---|---:|---:|---|---|");
    for (String backend : backends) {
      Path root = Files.createDirectories(dir.resolve("fresh-" + backend + "-" + n));
      Path indexDir = Bench.writeIndex(root.resolve("cp"), n);
      String cp = Bench.CLASSPATH + File.pathSeparator + indexDir;
      // The peers' files are written from Migrata's sqlmigrate output for this backend.
      String scratch = Startup.database(backend, root, "fresh_scripts");
      Peers peers;
      try {
        peers = Peers.write(root, scratch, indexDir, n);
      } finally {
        Startup.drop(backend, root, "fresh_scripts");
      }
      Map<String, List<double[]>> samples = new LinkedHashMap<>();
      for (int i = 0; i < reps; i++) {
        Map<String, String> urls = new LinkedHashMap<>();
        try {
          for (String tool : Startup.TOOLS) {
            urls.put(tool, Startup.database(backend, root, "fresh_" + tool));
          }
          for (String tool : Startup.TOOLS) {
            String extra =
                switch (tool) {
                  case "flyway" -> peers.flywayDir().toString();
                  case "liquibase" -> peers.changelog().toString();
                  default -> "";
                };
            samples
                .computeIfAbsent(tool, t -> new ArrayList<>())
                .add(Startup.probe(cp, "fresh-" + tool, urls.get(tool), n, extra));
          }
          Peers.checkSameSchema(urls);
        } finally {
          for (String tool : Startup.TOOLS) {
            Startup.drop(backend, root, "fresh_" + tool);
          }
        }
      }
      List<double[]> flyway = samples.get("flyway");
      for (var e : samples.entrySet()) {
        System.err.println(
            "fresh " + backend + " N=" + n + " " + e.getKey() + " " + Startup.raw(e.getValue()));
        System.out.printf(
            Locale.ROOT,
            "| %s | %d | %s | %s | %s | %s | %s |%n",
            backend,
            n,
            e.getKey(),
            Bench.f0(Bench.median(Startup.column(e.getValue(), 0))),
            Bench.f0(Bench.median(Startup.column(e.getValue(), 1))),
            Startup.ratios(e.getValue(), flyway, 0),
            Startup.ratios(e.getValue(), flyway, 1));
      }
    }
    System.out.println();
  }
}
