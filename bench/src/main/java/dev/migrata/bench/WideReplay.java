package dev.migrata.bench;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/run.sh widereplay}: the core-level check of issue 16's "replay linear in
 * operations". {@link WideReplayProbe} replays the wide history (one model growing to N/2 fields)
 * with {@code stateForwards} only, no javac around it, and reports the CPU time per operation for
 * each N: flat in N when replay is linear. With {@code -Dbench.baselineCore=<migrata-core jar>} the
 * same probe also runs on that jar (e.g. main's), each core in its own class loader in this JVM,
 * samples interleaved, and the paired ratio baseline / current is reported.
 */
final class WideReplay {
  private record Side(String label, Method history, Method replay) {}

  private WideReplay() {}

  static void run() throws Exception {
    int[] ns = Bench.ints(System.getProperty("bench.wideNs", "1000,2000,5000,10000"));
    List<Side> sides = new ArrayList<>();
    sides.add(side("current", Bench.jar("migrata-core")));
    String baseline = System.getProperty("bench.baselineCore");
    if (baseline != null) {
      sides.add(side("baseline", baseline));
    }
    System.out.println("## Wide replay, core only (CPU µs per operation, median [min..max])");
    System.out.println();
    System.out.println(
        "One model: CreateModel(id, f0), then AddField/AlterField alternating, a RenameField"
            + " there and back about every 50 operations; `stateForwards` of every operation,"
            + " CPU time of the replaying thread. "
            + Bench.REPS
            + " interleaved samples per N.");
    System.out.println();
    StringBuilder head = new StringBuilder("| N ops | fields at the end |");
    StringBuilder rule = new StringBuilder("|---:|---:|");
    for (Side s : sides) {
      head.append(' ').append(s.label()).append(" µs/op |");
      rule.append("---|");
    }
    if (sides.size() == 2) {
      head.append(" baseline / current (paired) |");
      rule.append("---|");
    }
    System.out.println(head);
    System.out.println(rule);
    for (int n : ns) {
      int times = Math.max(1, 100_000 / n);
      List<List<Object>> histories = new ArrayList<>();
      for (Side s : sides) {
        @SuppressWarnings("unchecked")
        List<Object> ops = (List<Object>) s.history().invoke(null, n);
        histories.add(ops);
        for (int w = 0; w < 3; w++) {
          s.replay().invoke(null, ops, times);
        }
      }
      List<List<Double>> perOp = new ArrayList<>();
      sides.forEach(s -> perOp.add(new ArrayList<>()));
      List<Double> ratios = new ArrayList<>();
      long checksum = -1;
      for (int r = 0; r < Bench.REPS; r++) {
        double[] round = new double[sides.size()];
        for (int i = 0; i < sides.size(); i++) {
          long[] result = (long[]) sides.get(i).replay().invoke(null, histories.get(i), times);
          if (checksum >= 0 && result[1] != checksum) {
            throw new IllegalStateException("the two cores replayed different final models");
          }
          checksum = result[1];
          round[i] = result[0] / 1e3 / times / histories.get(i).size();
          perOp.get(i).add(round[i]);
        }
        if (round.length == 2) {
          ratios.add(round[1] / round[0]);
        }
      }
      StringBuilder row =
          new StringBuilder(String.format(Locale.ROOT, "| %d | %d |", n, checksum / times));
      for (List<Double> xs : perOp) {
        row.append(' ').append(spread(xs, 2)).append(" |");
      }
      if (!ratios.isEmpty()) {
        row.append(' ').append(spread(ratios, 1)).append(" |");
      }
      System.out.println(row);
      System.err.printf(Locale.ROOT, "  [widereplay N=%d] per op %s ratios %s%n", n, perOp, ratios);
    }
    System.out.println();
  }

  private static String spread(List<Double> xs, int digits) {
    String f = "%." + digits + "f";
    return String.format(
        Locale.ROOT,
        f + " [" + f + ".." + f + "]",
        Bench.median(xs),
        xs.stream().mapToDouble(Double::doubleValue).min().orElse(0),
        xs.stream().mapToDouble(Double::doubleValue).max().orElse(0));
  }

  /**
   * The probe loaded with {@code coreJar} (and the annotations jar), not with this class's loader.
   */
  private static Side side(String label, String coreJar) throws Exception {
    URL benchClasses = WideReplay.class.getProtectionDomain().getCodeSource().getLocation();
    URL[] urls = {
      benchClasses,
      new File(coreJar).toURI().toURL(),
      new File(Bench.jar("migrata-annotations")).toURI().toURL()
    };
    ClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    Class<?> probe = loader.loadClass(WideReplayProbe.class.getName());
    if (probe.getClassLoader() != loader) {
      throw new IllegalStateException("the probe was not isolated");
    }
    return new Side(
        label,
        probe.getMethod("history", int.class),
        probe.getMethod("replay", List.class, int.class));
  }
}
