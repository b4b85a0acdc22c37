package dev.migrata.bench;

import dev.migrata.Migrata;
import dev.migrata.internal.migration.MigrationIndex;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQLite fresh apply of a history that adds N NOT NULL integer columns with a constant database
 * default ({@code dbDefault = "0"}) to one table: a rebuild of the table per column before issue
 * 16, {@code ALTER TABLE ADD COLUMN} after. Median of {@code bench.reps} fresh files.
 */
final class AddDefaultBench {
  private AddDefaultBench() {}

  static void run(Path dir) throws Exception {
    int n = Integer.getInteger("bench.addDefaultN", 200);
    Path root = Files.createDirectories(dir.resolve("adddefault-" + n));
    Path idx = root.resolve("cp/META-INF/migrata/index");
    Files.createDirectories(idx.getParent());
    StringBuilder out = new StringBuilder("# migrata index v1\n");
    String prev = null;
    for (int i = 1; i <= n; i++) {
      String name = String.format(Locale.ROOT, "%04d_m%d", i, i);
      String ops =
          i == 1
              ? "[{\"@\":\"Op\",\"kind\":\"CREATE_MODEL\",\"name\":\"M\",\"fields\":[{\"@\":"
                  + "\"FieldDef\",\"name\":\"id\",\"type\":\"BigAutoField\",\"primaryKey\":true}]}]"
              : "[{\"@\":\"Op\",\"kind\":\"ADD_FIELD\",\"model\":\"m\",\"field\":[{\"@\":"
                  + "\"FieldDef\",\"name\":\"f"
                  + i
                  + "\",\"type\":\"IntegerField\",\"dbDefault\":\"0\"}]}]";
      out.append("ad\t")
          .append(name)
          .append("\tbench.ad.M")
          .append(name)
          .append('\t')
          .append(prev == null ? "i" : "-")
          .append('\t')
          .append(prev == null ? "-" : "ad:" + prev)
          .append("\t-\t-\t")
          .append(ops)
          .append('\n');
      prev = name;
    }
    Files.writeString(
        idx, MigrationIndex.write(MigrationIndex.read(out.toString(), "adddefault bench")));
    ClassLoader index =
        new URLClassLoader(
            new URL[] {root.resolve("cp").toUri().toURL()}, Bench.class.getClassLoader());
    List<Double> ms = new ArrayList<>();
    for (int r = 0; r < Bench.REPS; r++) {
      Path db = root.resolve("r" + r + ".db");
      Files.deleteIfExists(db);
      long t0 = System.nanoTime();
      int applied =
          Migrata.configure()
              .jdbcUrl("jdbc:sqlite:" + db, null, null)
              .classLoader(index)
              .load()
              .migrate()
              .size();
      ms.add((System.nanoTime() - t0) / 1e6);
      if (applied != n) {
        throw new IllegalStateException("applied " + applied + " of " + n);
      }
      Files.deleteIfExists(db);
    }
    System.err.println("adddefault N=" + n + " ms " + ms);
    System.out.printf(
        Locale.ROOT,
        "| SQLite fresh apply, %d AddField with dbDefault \"0\" | %s ms (median of %d) |%n",
        n - 1,
        Bench.f0(Bench.median(ms)),
        ms.size());
  }
}
