package dev.migrata.bench;

import com.sun.management.ThreadMXBean;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * {@code procab}: two builds of the processor in one JVM, full compiles (every source, a clean
 * class output) alternated A B B A, each with a fresh class loader over its processor path ({@code
 * -Dbench.pathA}, {@code -Dbench.pathB}: the processor, core, annotations and JavaPoet jars of each
 * build). javac itself is the same warm code for both, so the paired per-repetition difference of
 * the CPU spent inside the processor ({@code init} + {@code process}) is steadier on a loaded
 * machine than two {@code procfloor} runs. Also the bytes the compiling thread allocates inside the
 * processor. Properties: {@code bench.reps} (pairs, after two untimed), {@code bench.abN} (default
 * 1000), {@code bench.shapes} (the first shape; default narrow).
 */
final class ProcessorAB {
  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  private ProcessorAB() {}

  static void run(Path dir) throws Exception {
    String[] paths = {System.getProperty("bench.pathA"), System.getProperty("bench.pathB")};
    if (paths[0] == null || paths[1] == null) {
      throw new IllegalArgumentException("procab needs -Dbench.pathA and -Dbench.pathB");
    }
    int n = Integer.getInteger("bench.abN", 1000);
    String shape = System.getProperty("bench.shapes", "narrow").split(",")[0];
    Path root = dir.resolve("ab-" + shape + "-" + n);
    if (Files.exists(root)) {
      Bench.deleteTree(root);
    }
    Path src = Bench.generateApp(root, n, shape);
    List<Path> all = Bench.javaFiles(src);
    String annotations = Bench.jar("migrata-annotations");
    List<List<double[]>> t = List.of(new ArrayList<>(), new ArrayList<>());
    for (int r = 0; r < Bench.REPS + 2; r++) {
      for (int k = 0; k < 2; k++) {
        int i = r % 2 == 0 ? k : 1 - k;
        double[] x = compile(all, annotations, root.resolve("out"), src, paths[i]);
        if (r >= 2) {
          t.get(i).add(x);
        }
      }
    }
    List<Double> diff = new ArrayList<>();
    for (int r = 0; r < t.get(0).size(); r++) {
      diff.add(t.get(1).get(r)[0] - t.get(0).get(r)[0]);
    }
    System.out.println("## Processor A/B: full compile, " + shape + " N=" + n);
    System.out.println();
    System.out.println("| build | in the processor CPU ms | allocated in it MB |");
    System.out.println("|---|---:|---:|");
    for (int i = 0; i < 2; i++) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %.1f | %.2f |%n",
          i == 0 ? "A" : "B",
          Bench.median(column(t.get(i), 0)),
          Bench.median(column(t.get(i), 1)));
      System.err.println(
          "  [ab " + (i == 0 ? "A" : "B") + "] in the processor " + Bench.fmt(column(t.get(i), 0)));
    }
    long lower = diff.stream().filter(d -> d < 0).count();
    System.out.printf(
        Locale.ROOT,
        "%nB - A, paired: median %.1f ms (B lower in %d of %d pairs)%n%n",
        Bench.median(diff),
        lower,
        diff.size());
    Bench.deleteTree(root);
  }

  private static List<Double> column(List<double[]> rows, int c) {
    List<Double> v = new ArrayList<>();
    for (double[] row : rows) {
      v.add(row[c]);
    }
    return v;
  }

  /** One full compile; returns the processor's CPU ms and allocated MB. */
  private static double[] compile(
      List<Path> sources, String classPath, Path out, Path src, String processorPath)
      throws IOException, ReflectiveOperationException {
    if (Files.exists(out)) {
      Bench.deleteTree(out);
    }
    Files.createDirectories(out);
    List<URL> urls = new ArrayList<>();
    for (String e : processorPath.split(File.pathSeparator)) {
      urls.add(Path.of(e).toUri().toURL());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    List<String> options =
        List.of(
            "-d",
            out.toString(),
            "-classpath",
            classPath,
            "-nowarn",
            "-implicit:none",
            "-sourcepath",
            "",
            "-Amigrata.sourceRoot=" + src);
    try (URLClassLoader loader =
            new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        StandardJavaFileManager fm =
            javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(null, fm, diags, options, null, fm.getJavaFileObjectsFromPaths(sources));
      TimedProcessor processor =
          new TimedProcessor(
              (Processor)
                  loader
                      .loadClass("dev.migrata.processor.MigrataProcessor")
                      .getDeclaredConstructor()
                      .newInstance());
      task.setProcessors(List.of(processor));
      if (!task.call()) {
        throw new IllegalStateException("javac failed: " + diags.getDiagnostics());
      }
      if (!Files.exists(out.resolve("META-INF/migrata/index"))) {
        throw new IllegalStateException("the processor did not run (no index written)");
      }
      return new double[] {processor.cpuNanos / 1e6, processor.allocatedBytes / 1e6};
    }
  }
}
