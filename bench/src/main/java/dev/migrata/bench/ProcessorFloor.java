package dev.migrata.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Issue 16's processor figures ({@code bench/run.sh procfloor}): javac of the processor benchmark's
 * app with no processor ({@code -proc:none}), with a processor that does nothing (the floor any
 * annotation processor costs javac: compiled here into a temp jar) and with Migrata, as paired
 * ratios of the compiling thread's CPU time.
 *
 * <ul>
 *   <li><b>full</b>: every source, a clean class output each time (a {@code mvn clean compile});
 *   <li><b>partial</b>: only {@code Item.java}, into the class output a full build with the
 *       processor left (the migrations' class files, the index and whatever else the processor
 *       keeps there), which is also on the class path: an IDE's incremental build after a model
 *       edit. The class output is not cleaned between partial compiles.
 *   <li><b>partial, warm</b>: the same partial compiles with each processor's class loader kept
 *       across compiles (after {@value #WARM_UP} untimed ones), as in a long-lived build process (a
 *       Gradle daemon, an IDE's in-process compiler): the processor's classes are loaded and
 *       JIT-compiled once. The cold rows stay the reference: a fresh loader per compile.
 *   <li><b>partial, fresh JVM</b>: the same partial compile, each in a new {@code java} process
 *       running javac's main with {@code -processorpath} (the null processor's jar; Migrata's
 *       processor, core, annotations and JavaPoet jars) or {@code -proc:none}: a {@code mvn
 *       compile} after one model edit, whose javac runs in a JVM that starts cold. Its figure is
 *       the CPU of the whole child process ({@link FreshJvmJavac}), not of one thread.
 * </ul>
 *
 * Properties: {@code bench.floorNs} (default 1000,5000), {@code bench.fullMax} (full compiles only
 * up to this N, default 1000), {@code bench.shapes}, {@code bench.reps}, {@code bench.partial}
 * ({@code false}: the full rows only, no partial compiles, no IDE class output built).
 */
final class ProcessorFloor {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Untimed compiles with a kept class loader before the warm figures. */
  private static final int WARM_UP = 5;

  private enum Proc {
    NONE,
    NULL,
    MIGRATA
  }

  /**
   * Wall and CPU milliseconds of one compile; {@code own}: the CPU spent inside the processor's
   * {@code init} and {@code process} calls (0 without one), the part a processor change moves
   * without javac's share of the compile around it; {@code ownMb}: the megabytes the compiling
   * thread allocated there.
   */
  record Time(double wall, double cpu, double own, double ownMb) {
    Time(double wall, double cpu, double own) {
      this(wall, cpu, own, 0);
    }
  }

  private final Path dir;
  private final String nullProcessor;

  private ProcessorFloor(Path dir) throws IOException {
    this.dir = dir;
    this.nullProcessor = nullProcessorJar(dir.resolve("null-processor"));
  }

  static void run(Path dir) throws Exception {
    new ProcessorFloor(dir).measure();
  }

  private void measure() throws Exception {
    int[] ns = Bench.ints(System.getProperty("bench.floorNs", "1000,5000"));
    int fullMax = Integer.getInteger("bench.fullMax", 1000);
    String[] shapes = System.getProperty("bench.shapes", "wide,narrow").split(",");
    boolean partial = Boolean.parseBoolean(System.getProperty("bench.partial", "true"));
    String annotations = Bench.jar("migrata-annotations");
    Path warm = Bench.generateApp(dir.resolve("floor-warmup"), 50, "wide");
    for (int i = 0; i < 6; i++) {
      javac(
          Bench.javaFiles(warm),
          annotations,
          dir.resolve("floor-warm-out"),
          Proc.values()[i % 3],
          warm,
          true,
          null);
    }
    System.out.println("## Processor floor (issue 16): CPU of the compiling thread, paired ratios");
    System.out.println();
    System.out.println(
        "| shape | N | compile | -proc:none ms | null processor ms | Migrata ms | null / none |"
            + " Migrata / null | Migrata / none |");
    System.out.println("|---|---:|---|---:|---:|---:|---|---|---|");
    for (String shape : shapes) {
      for (int n : ns) {
        Path root = dir.resolve("floor-" + shape + "-" + n);
        if (Files.exists(root)) {
          Bench.deleteTree(root);
        }
        Path src = Bench.generateApp(root, n, shape);
        List<Path> all = Bench.javaFiles(src);
        List<Path> model = List.of(src.resolve("bench/app/Item.java"));
        Path full = root.resolve("full");
        Path ide = root.resolve("ide");
        // The IDE's class output: what a build with the processor left there.
        if (partial) {
          javac(all, annotations, ide, Proc.MIGRATA, src, true, null);
        }
        String ideCp = annotations + File.pathSeparator + ide;
        boolean doFull = n <= fullMax;
        Map<String, List<Time>> t = new LinkedHashMap<>();
        for (String k :
            List.of(
                "fnone", "fnull", "fwith", "pnone", "pnull", "pwith", "wnull", "wwith", "jnone",
                "jnull", "jwith")) {
          t.put(k, new ArrayList<>());
        }
        if (partial) {
          javac(model, ideCp, ide, Proc.MIGRATA, src, false, null); // untimed
        }
        try (URLClassLoader keptNull = processorLoader(Proc.NULL);
            URLClassLoader keptMigrata = processorLoader(Proc.MIGRATA)) {
          for (int i = 0; partial && i < WARM_UP; i++) {
            javac(model, ideCp, ide, Proc.NULL, src, false, keptNull);
            javac(model, ideCp, ide, Proc.MIGRATA, src, false, keptMigrata);
          }
          for (int r = 0; r < Bench.REPS; r++) {
            if (doFull) {
              t.get("fnone").add(javac(all, annotations, full, Proc.NONE, src, true, null));
              t.get("fnull").add(javac(all, annotations, full, Proc.NULL, src, true, null));
              t.get("fwith").add(javac(all, annotations, full, Proc.MIGRATA, src, true, null));
            }
            if (!partial) {
              continue;
            }
            t.get("pnone").add(javac(model, ideCp, ide, Proc.NONE, src, false, null));
            t.get("pnull").add(javac(model, ideCp, ide, Proc.NULL, src, false, null));
            t.get("pwith").add(javac(model, ideCp, ide, Proc.MIGRATA, src, false, null));
            t.get("wnull").add(javac(model, ideCp, ide, Proc.NULL, src, false, keptNull));
            t.get("wwith").add(javac(model, ideCp, ide, Proc.MIGRATA, src, false, keptMigrata));
            t.get("jnone").add(freshJvm(model, ideCp, ide, Proc.NONE, src));
            t.get("jnull").add(freshJvm(model, ideCp, ide, Proc.NULL, src));
            t.get("jwith").add(freshJvm(model, ideCp, ide, Proc.MIGRATA, src));
          }
        }
        if (doFull) {
          row(shape, n, "full", t.get("fnone"), t.get("fnull"), t.get("fwith"));
        }
        if (!partial) {
          Bench.deleteTree(root);
          continue;
        }
        row(shape, n, "partial", t.get("pnone"), t.get("pnull"), t.get("pwith"));
        row(shape, n, "partial, warm", t.get("pnone"), t.get("wnull"), t.get("wwith"));
        row(
            shape,
            n,
            "partial, fresh JVM (process CPU)",
            t.get("jnone"),
            t.get("jnull"),
            t.get("jwith"));
        Bench.deleteTree(root);
      }
    }
    System.out.println();
  }

  private static void row(
      String shape, int n, String kind, List<Time> none, List<Time> nul, List<Time> with) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %s | %.0f | %.0f | %.0f | %s | %s | %s |%n",
        shape,
        n,
        kind,
        Bench.median(cpu(none)),
        Bench.median(cpu(nul)),
        Bench.median(cpu(with)),
        ratio(nul, none),
        ratio(with, nul),
        ratio(with, none));
    System.err.printf(
        Locale.ROOT,
        "  [floor %s N=%d %s] cpu none %s null %s with %s | wall none %s null %s with %s"
            + " | %s%n",
        shape,
        n,
        kind,
        Bench.fmt(cpu(none)),
        Bench.fmt(cpu(nul)),
        Bench.fmt(cpu(with)),
        Bench.fmt(none.stream().map(Time::wall).toList()),
        Bench.fmt(nul.stream().map(Time::wall).toList()),
        Bench.fmt(with.stream().map(Time::wall).toList()),
        with.stream().allMatch(x -> x.own() == 0)
            ? "in the processor: not measured (another process)"
            : "in the processor: null "
                + Bench.fmt(nul.stream().map(Time::own).toList())
                + " Migrata "
                + Bench.fmt(with.stream().map(Time::own).toList())
                + " (median "
                + Bench.f0(Bench.median(with.stream().map(Time::own).toList()))
                + "), allocated in Migrata MB "
                + Bench.fmt(with.stream().map(Time::ownMb).toList())
                + " (median "
                + Bench.f1(Bench.median(with.stream().map(Time::ownMb).toList()))
                + ")");
  }

  private static List<Double> cpu(List<Time> times) {
    return times.stream().map(Time::cpu).toList();
  }

  /** Median [min..max] of the per-repetition ratios a / b (CPU). */
  private static String ratio(List<Time> a, List<Time> b) {
    List<Double> r = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      r.add(a.get(i).cpu() / b.get(i).cpu());
    }
    return Bench.f2(Bench.median(r))
        + " ["
        + Bench.f2(Collections.min(r))
        + ".."
        + Bench.f2(Collections.max(r))
        + "]";
  }

  /**
   * One in-process javac; fails on an error, a written migration or (Migrata) no index. The
   * processor comes from {@code kept} when given, else from a fresh class loader.
   */
  private Time javac(
      List<Path> sources,
      String classPath,
      Path out,
      Proc proc,
      Path src,
      boolean clean,
      URLClassLoader kept)
      throws IOException {
    if (clean && Files.exists(out)) {
      Bench.deleteTree(out);
    }
    Files.createDirectories(out);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    List<String> options = new ArrayList<>();
    Collections.addAll(options, "-d", out.toString(), "-classpath", classPath, "-nowarn");
    Collections.addAll(options, "-implicit:none", "-sourcepath", "");
    switch (proc) {
      case NONE -> options.add("-proc:none");
      case NULL -> {}
      case MIGRATA -> options.add("-Amigrata.sourceRoot=" + src);
    }
    int before = Bench.javaFiles(src).size();
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    boolean ok;
    TimedProcessor processor = null;
    try (StandardJavaFileManager fm =
            javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8);
        URLClassLoader fresh = kept == null ? processorLoader(proc) : null) {
      URLClassLoader loader = kept == null ? fresh : kept;
      JavaCompiler.CompilationTask task =
          javac.getTask(null, fm, diags, options, null, fm.getJavaFileObjectsFromPaths(sources));
      if (loader != null) {
        String name =
            proc == Proc.NULL ? "floor.NullProcessor" : "dev.migrata.processor.MigrataProcessor";
        processor =
            new TimedProcessor(
                (Processor) loader.loadClass(name).getDeclaredConstructor().newInstance());
        task.setProcessors(List.of(processor));
      }
      ok = task.call();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    Time time =
        new Time(
            (System.nanoTime() - t0) / 1e6,
            (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6,
            processor == null ? 0 : processor.cpuNanos / 1e6,
            processor == null ? 0 : processor.allocatedBytes / 1e6);
    if (!ok) {
      StringBuilder msg = new StringBuilder("javac failed:\n");
      diags.getDiagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .limit(5)
          .forEach(d -> msg.append(d).append('\n'));
      throw new IllegalStateException(msg.toString());
    }
    if (Bench.javaFiles(src).size() != before) {
      throw new IllegalStateException("the processor wrote a migration");
    }
    if (proc == Proc.MIGRATA && !Files.exists(out.resolve("META-INF/migrata/index"))) {
      throw new IllegalStateException("the processor did not run (no index written)");
    }
    return time;
  }

  /**
   * One partial compile in a new JVM ({@link FreshJvmJavac}), with the same checks as {@link
   * #javac}: no migration written, the index there (Migrata), plus javac naming the processor.
   */
  private Time freshJvm(List<Path> sources, String classPath, Path out, Proc proc, Path src)
      throws IOException, InterruptedException {
    int before = Bench.javaFiles(src).size();
    FreshJvmJavac.Run run =
        switch (proc) {
          case NONE ->
              FreshJvmJavac.javac(
                  sources, classPath, out, null, null, List.of(), dir.resolve("fj"));
          case NULL ->
              FreshJvmJavac.javac(
                  sources,
                  classPath,
                  out,
                  nullProcessor,
                  "floor.NullProcessor",
                  List.of(),
                  dir.resolve("fj"));
          case MIGRATA ->
              FreshJvmJavac.javac(
                  sources,
                  classPath,
                  out,
                  FreshJvmJavac.migrataProcessorPath(),
                  "dev.migrata.processor.MigrataProcessor",
                  List.of("-Amigrata.sourceRoot=" + src),
                  dir.resolve("fj"));
        };
    if (Bench.javaFiles(src).size() != before) {
      throw new IllegalStateException("the processor wrote a migration");
    }
    if (proc == Proc.MIGRATA && !Files.exists(out.resolve("META-INF/migrata/index"))) {
      throw new IllegalStateException("no index in the class output");
    }
    return new Time(run.wall(), run.cpu(), 0);
  }

  /**
   * A fresh class loader over the processor's jars for each compile, as a build tool's processor
   * path gets: the processor's classes are loaded and run cold every time. Its parent is the
   * platform loader, so that neither processor comes from (nor sees) this kit's own class path;
   * javac's {@code -processorpath} would delegate to it and find Migrata even for the floor.
   * Migrata's loader holds the processor's own closure (its jar, core, annotations, JavaPoet), as a
   * build tool's processor path does, not this kit's whole class path: a fresh loader over the
   * kit's 24 jars opened and read the manifest of every jar before the processor's (~13 % of a cold
   * compile's samples at N = 1,000, outside the processor's own calls).
   */
  private URLClassLoader processorLoader(Proc proc) throws IOException {
    String path =
        switch (proc) {
          case NONE -> null;
          case NULL -> nullProcessor;
          case MIGRATA -> FreshJvmJavac.migrataProcessorPath();
        };
    if (path == null) {
      return null;
    }
    List<URL> urls = new ArrayList<>();
    for (String entry : path.split(File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  /**
   * A jar with one processor that claims every annotation and does nothing: what javac costs with
   * any processor at all (its rounds, the final round, the processor's class loading).
   */
  private static String nullProcessorJar(Path at) throws IOException {
    Path srcDir = at.resolve("src/floor");
    Path classes = at.resolve("classes");
    Files.createDirectories(srcDir);
    Files.createDirectories(classes);
    Path source = srcDir.resolve("NullProcessor.java");
    Files.writeString(
        source,
        "package floor;\n"
            + "import java.util.Set;\n"
            + "import javax.annotation.processing.*;\n"
            + "import javax.lang.model.SourceVersion;\n"
            + "import javax.lang.model.element.TypeElement;\n"
            + "@SupportedAnnotationTypes(\"*\")\n"
            + "public final class NullProcessor extends AbstractProcessor {\n"
            + "  @Override public SourceVersion getSupportedSourceVersion() {\n"
            + "    return SourceVersion.latestSupported();\n"
            + "  }\n"
            + "  @Override public boolean process(Set<? extends TypeElement> a, RoundEnvironment r)"
            + " {\n"
            + "    return false;\n"
            + "  }\n"
            + "}\n");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac.run(null, null, null, "-proc:none", "-d", classes.toString(), source.toString())
        != 0) {
      throw new IllegalStateException("could not compile the null processor");
    }
    Path jar = at.resolve("null-processor.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("META-INF/services/javax.annotation.processing.Processor"));
      out.write("floor.NullProcessor\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      out.putNextEntry(new JarEntry("floor/NullProcessor.class"));
      out.write(Files.readAllBytes(classes.resolve("floor/NullProcessor.class")));
      out.closeEntry();
    }
    return jar.toString();
  }
}
