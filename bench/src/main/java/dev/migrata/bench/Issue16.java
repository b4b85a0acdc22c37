package dev.migrata.bench;

import java.nio.file.Path;

/**
 * {@code bench/run.sh issue16}: every figure of issue 16 in one run. No-op startup against the
 * floor at N = 1,000 and 10,000 on SQLite, PostgreSQL and MariaDB with Flyway and Liquibase ({@link
 * Startup}), fresh apply of 1,000 migrations ({@link FreshApply}), then the processor and
 * large-table benchmarks where this tree has them (their own commands, {@code processor} and {@code
 * largetable}, run as they run alone). The system properties of each part still apply; {@code
 * bench.startupNs} defaults to 1000,10000 here.
 */
final class Issue16 {
  private Issue16() {}

  static void run(Path dir) throws Exception {
    if (System.getProperty("bench.startupNs") == null) {
      System.setProperty("bench.startupNs", "1000,10000");
    }
    Startup.run(dir);
    FreshApply.run(dir);
    for (String other : new String[] {"processor", "largetable"}) {
      try {
        Bench.run(other, new String[] {other}, dir);
      } catch (IllegalArgumentException e) {
        if (!String.valueOf(e.getMessage()).startsWith("unknown command")) {
          throw e;
        }
        System.out.println("(`" + other + "`: not in this tree)");
        System.out.println();
      }
    }
  }
}
