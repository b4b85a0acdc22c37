package dev.migrata.bench;

import java.nio.file.Path;

/**
 * {@code bench/run.sh issue16}: every figure of issue 16 in one run. No-op startup against the
 * floor at N = 1,000 and 10,000 on SQLite, PostgreSQL and MariaDB with Flyway and Liquibase ({@link
 * Startup}), fresh apply of 1,000 migrations ({@link FreshApply}), then the processor figures (the
 * older {@code processor} command, and {@code procfloor}: full and partial compiles against {@code
 * -proc:none} and a do-nothing processor, where the processor goals are measured), the replay of
 * one wide model ({@code widereplay}) and {@code largetable}, each run as it runs alone. The system
 * properties of each part still apply; {@code bench.startupNs} defaults to 1000,10000 here.
 */
final class Issue16 {
  private Issue16() {}

  static void run(Path dir) throws Exception {
    if (System.getProperty("bench.startupNs") == null) {
      System.setProperty("bench.startupNs", "1000,10000");
    }
    Startup.run(dir);
    FreshApply.run(dir);
    for (String other : new String[] {"processor", "procfloor", "widereplay", "largetable"}) {
      Bench.run(other, new String[] {other}, dir);
    }
  }
}
