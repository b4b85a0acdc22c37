package dev.migrata.bench;

import dev.migrata.Migrata;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Migrata's benchmark kit. Commands:
 *
 * <ul>
 *   <li>{@code processor} — javac of a generated app with N migrations, with and without the
 *       Migrata processor, plus a partial (IDE-like) compile of the model alone;
 *   <li>{@code runtime} — startup against an up-to-date SQLite database (in-process warm, and cold
 *       in a fresh JVM through the CLI), and applying all N migrations to a fresh file;
 *   <li>{@code profile N [shape]} — one processor compile of N migrations with a stack sampler;
 *   <li>{@code all} — processor then runtime.
 * </ul>
 *
 * System properties: {@code bench.reps} (repetitions, default 5), {@code bench.procNs} (default
 * 100,500,1000,2000), {@code bench.rtNs} (default 100,1000,5000), {@code bench.shapes} (default
 * wide,narrow), {@code bench.dir} (scratch directory, default a temp dir).
 */
public final class Bench {
  static final int REPS = Integer.getInteger("bench.reps", 5);
  static final String CLASSPATH = System.getProperty("java.class.path");

  public static void main(String[] args) throws Exception {
    String cmd = args.length == 0 ? "all" : args[0];
    Path dir =
        System.getProperty("bench.dir") != null
            ? Files.createDirectories(Path.of(System.getProperty("bench.dir")))
            : Files.createTempDirectory("migrata-bench");
    header();
    run(cmd, args, dir);
  }

  /** One command of {@link #main}; {@code issue16} calls others through it. */
  static void run(String cmd, String[] args, Path dir) throws Exception {
    switch (cmd) {
      case "processor" -> processorBench(dir);
      case "runtime" -> runtimeBench(dir);
      case "profile" ->
          profile(
              dir,
              Integer.parseInt(args[1]),
              args.length > 2 ? args[2] : "wide",
              args.length > 3 && args[3].equals("partial"));
      case "rtprofile" -> profileRuntime(dir, Integer.parseInt(args[1]));
      case "fleet" -> new FleetBench(dir).run();
      case "startup" -> Startup.run(dir);
      case "adddefault" -> AddDefaultBench.run(dir);
      case "widereplay" -> WideReplay.run();
      case "largetable" -> LargeTable.run(dir);
      case "issue16" -> Issue16.run(dir);
      case "freshapply" -> FreshApply.run(dir);
      case "procfloor" -> ProcessorFloor.run(dir);
      case "procab" -> ProcessorAB.run(dir);
      case "all" -> {
        processorBench(dir);
        runtimeBench(dir);
      }
      default -> throw new IllegalArgumentException("unknown command " + cmd);
    }
  }

  static void header() {
    System.out.println("# Migrata benchmark");
    System.out.println();
    System.out.printf(
        "java %s, %d CPUs, reps %d, Migrata jars:%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), REPS);
    for (String e : CLASSPATH.split(File.pathSeparator)) {
      if (e.contains("migrata-")) {
        File f = new File(e);
        System.out.printf("  %s (%s)%n", f.getName(), new java.util.Date(f.lastModified()));
      }
    }
    System.out.println();
  }

  // =================================================================== processor benchmark

  /**
   * Generates {@code src/bench/app/{package-info,Item}.java} and {@code migrations/M*.java}: a
   * CreateModel then {@code n - 1} one-operation migrations, and the model matching the final state
   * (so the processor finds nothing to write).
   *
   * <p>Shape {@code wide}: CreateModel(id, f0), then AddField f1, AlterField f1, AddField f2, ... —
   * the model grows to about n/2 fields (the brief's shape). Shape {@code narrow}: CreateModel(id,
   * f0..f9), then n - 1 AlterField cycling over f0..f9 — the model keeps 11 fields, so the
   * per-operation work cannot depend on the model's size.
   */
  static Path generateApp(Path root, int n, String shape) throws IOException {
    Path src = root.resolve("src");
    Path app = src.resolve("bench/app");
    Path mig = app.resolve("migrations");
    Files.createDirectories(mig);
    Files.writeString(
        app.resolve("package-info.java"),
        "@App(\"bench\")\npackage bench.app;\n\nimport dev.migrata.annotations.App;\n");
    Map<String, Integer> fields = new LinkedHashMap<>(); // name -> maxLength
    String prev = null;
    int initialFields = shape.equals("narrow") ? 10 : 1;
    for (int i = 1; i <= n; i++) {
      String name;
      String op;
      String imports;
      if (i == 1) {
        StringBuilder defs =
            new StringBuilder(
                "@FieldDef(name = \"id\", type = \"BigAutoField\", primaryKey = true)");
        for (int f = 0; f < initialFields; f++) {
          fields.put("f" + f, 10);
          defs.append(",\n                ").append(fieldDef("f" + f, 10));
        }
        name = "0001_initial";
        imports = "CREATE_MODEL";
        op = "@Op(kind = CREATE_MODEL, name = \"Item\", fields = {\n                " + defs + "})";
      } else if (shape.equals("narrow")) {
        String f = "f" + ((i - 2) % 10);
        int len = 10 + i;
        fields.put(f, len);
        name = String.format("%04d_alter_item_%s", i, f);
        imports = "ALTER_FIELD";
        op = "@Op(kind = ALTER_FIELD, model = \"item\", field = " + fieldDef(f, len) + ")";
      } else if (i % 2 == 0) {
        String f = "f" + (i / 2);
        fields.put(f, 10);
        name = String.format("%04d_item_%s", i, f);
        imports = "ADD_FIELD";
        op = "@Op(kind = ADD_FIELD, model = \"item\", field = " + fieldDef(f, 10) + ")";
      } else {
        String f = "f" + (i / 2);
        fields.put(f, 20);
        name = String.format("%04d_alter_item_%s", i, f);
        imports = "ALTER_FIELD";
        op = "@Op(kind = ALTER_FIELD, model = \"item\", field = " + fieldDef(f, 20) + ")";
      }
      String cls = "M" + name;
      String text =
          "package bench.app.migrations;\n\n"
              + "import static dev.migrata.annotations.migration.Op.Kind."
              + imports
              + ";\n\n"
              + "import dev.migrata.annotations.migration.Dependency;\n"
              + "import dev.migrata.annotations.migration.FieldDef;\n"
              + "import dev.migrata.annotations.migration.Migration;\n"
              + "import dev.migrata.annotations.migration.Op;\n\n"
              + "@Migration(\n    app = \"bench\",\n    name = \""
              + name
              + "\",\n"
              + (prev == null
                  ? "    initial = true,\n"
                  : "    dependencies = @Dependency(app = \"bench\", name = \"" + prev + "\"),\n")
              + "    operations = "
              + op
              + ")\npublic final class "
              + cls
              + " {\n}\n";
      Files.writeString(mig.resolve(cls + ".java"), text);
      prev = name;
    }
    StringBuilder model =
        new StringBuilder(
            "package bench.app;\n\nimport dev.migrata.annotations.Field;\n"
                + "import dev.migrata.annotations.Model;\n\n@Model\npublic class Item {\n");
    fields.forEach(
        (f, len) ->
            model
                .append("  @Field(maxLength = ")
                .append(len)
                .append(", nullable = true)\n  String ")
                .append(f)
                .append(";\n"));
    model.append("}\n");
    Files.writeString(app.resolve("Item.java"), model.toString());
    return src;
  }

  static String fieldDef(String name, int maxLength) {
    return "@FieldDef(name = \""
        + name
        + "\", type = \"CharField\", maxLength = "
        + maxLength
        + ", nullable = true)";
  }

  static List<Path> javaFiles(Path src) throws IOException {
    try (Stream<Path> s = Files.walk(src)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  static String jar(String part) {
    return Arrays.stream(CLASSPATH.split(File.pathSeparator))
        .filter(e -> e.contains(part))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(part + " not on the class path"));
  }

  /** The processor path: the processor jar and its dependency closure (the bench class path). */
  static String processorPath() {
    return Arrays.stream(CLASSPATH.split(File.pathSeparator))
        .filter(e -> e.endsWith(".jar"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** One javac run; returns milliseconds. Fails on any error or on a written migration. */
  static double javac(List<Path> sources, String classPath, Path out, boolean proc, Path src)
      throws IOException {
    if (Files.exists(out)) {
      deleteTree(out);
    }
    Files.createDirectories(out);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    List<String> options = new ArrayList<>();
    Collections.addAll(options, "-d", out.toString(), "-classpath", classPath, "-nowarn");
    Collections.addAll(options, "-implicit:none", "-sourcepath", "");
    if (proc) {
      Collections.addAll(options, "-processorpath", processorPath(), "-Amigrata.sourceRoot=" + src);
    } else {
      options.add("-proc:none");
    }
    int before = javaFiles(src).size();
    long t0 = now();
    boolean ok;
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
      ok =
          javac
              .getTask(null, fm, diags, options, null, fm.getJavaFileObjectsFromPaths(sources))
              .call();
    }
    double ms = (now() - t0) / 1e6;
    if (!ok) {
      StringBuilder msg = new StringBuilder("javac failed:\n");
      diags.getDiagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .limit(5)
          .forEach(d -> msg.append(d).append('\n'));
      throw new IllegalStateException(msg.toString());
    }
    if (javaFiles(src).size() != before) {
      throw new IllegalStateException(
          "the processor wrote a migration: the generated model does not match the history");
    }
    if (proc && !Files.exists(out.resolve("META-INF/migrata/index"))) {
      throw new IllegalStateException("the processor did not run (no index written)");
    }
    return ms;
  }

  /**
   * The clock of {@link #javac}: wall time, or with {@code -Dbench.cpu=true} the compiling thread's
   * CPU time (javac and the processor run on it), steadier on a loaded machine.
   */
  static long now() {
    return Boolean.getBoolean("bench.cpu")
        ? java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
        : System.nanoTime();
  }

  static void processorBench(Path dir) throws Exception {
    int[] ns = ints(System.getProperty("bench.procNs", "100,500,1000,2000"));
    String[] shapes = System.getProperty("bench.shapes", "wide,narrow").split(",");
    String annotations = jar("migrata-annotations");

    // Warm javac itself (not the processor: each compile gets a fresh processor class loader,
    // as a Maven or IDE build does).
    Path warm = generateApp(dir.resolve("warmup"), 50, "wide");
    for (int i = 0; i < 5; i++) {
      javac(javaFiles(warm), annotations, dir.resolve("warmup-out"), i % 2 == 0, warm);
    }

    System.out.println("## Processor replay (javac in-process, medians of " + REPS + " runs, ms)");
    System.out.println();
    System.out.println(
        "Full = all sources compiled (package-info, model, N migrations). Partial = only the"
            + " model source; the migrations are class files on the class path (an IDE's"
            + " incremental build).");
    System.out.println();
    System.out.println(
        "| shape | N ops | full -proc:none | full with processor | processor extra | extra per op"
            + " (µs) | partial -proc:none | partial with processor | partial extra | partial extra"
            + " per op (µs) |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (String shape : shapes) {
      for (int n : ns) {
        Path root = dir.resolve("proc-" + shape + "-" + n);
        if (Files.exists(root)) {
          deleteTree(root);
        }
        Path src = generateApp(root, n, shape);
        List<Path> all = javaFiles(src);
        List<Path> model = List.of(src.resolve("bench/app/Item.java"));
        Path out = root.resolve("out");
        Path classes = root.resolve("classes");
        javac(all, annotations, classes, false, src); // the class files of the partial compile
        String partialCp = annotations + File.pathSeparator + classes;
        List<Double> none = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        List<Double> pNone = new ArrayList<>();
        List<Double> pWith = new ArrayList<>();
        javac(all, annotations, out, true, src); // one untimed run per N
        for (int r = 0; r < REPS; r++) {
          // interleaved, so that load from other processes hits both sides alike
          none.add(javac(all, annotations, out, false, src));
          with.add(javac(all, annotations, out, true, src));
          pNone.add(javac(model, partialCp, out, false, src));
          pWith.add(javac(model, partialCp, out, true, src));
        }
        double extra = median(with) - median(none);
        double pExtra = median(pWith) - median(pNone);
        System.out.printf(
            Locale.ROOT,
            "| %s | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |%n",
            shape,
            n,
            median(none),
            median(with),
            extra,
            extra * 1000 / n,
            median(pNone),
            median(pWith),
            pExtra,
            pExtra * 1000 / n);
        System.err.printf(
            Locale.ROOT,
            "  [%s N=%d] none %s with %s pnone %s pwith %s%n",
            shape,
            n,
            fmt(none),
            fmt(with),
            fmt(pNone),
            fmt(pWith));
        deleteTree(root);
      }
    }
    System.out.println();
  }

  /**
   * One processor compile of N migrations with a stack sampler on the compiling thread; {@code
   * partial}: only the model source, the migrations as class files.
   */
  static void profile(Path dir, int n, String shape, boolean partial) throws Exception {
    String annotations = jar("migrata-annotations");
    Path root = dir.resolve("profile-" + shape + "-" + n);
    if (Files.exists(root)) {
      deleteTree(root);
    }
    Path src = generateApp(root, n, shape);
    List<Path> all = javaFiles(src);
    String cp = annotations;
    if (partial) {
      javac(all, annotations, root.resolve("classes"), false, src);
      all = List.of(src.resolve("bench/app/Item.java"));
      cp = annotations + File.pathSeparator + root.resolve("classes");
    }
    for (int i = 0; i < 3; i++) {
      javac(all, cp, root.resolve("out"), true, src);
    }
    List<Path> sources = all;
    String classPath = cp;
    double[] ms = {0};
    int runs = partial ? 10 : 1;
    Sampler sampler =
        Sampler.run(
            () -> {
              for (int i = 0; i < runs; i++) {
                try {
                  ms[0] += javac(sources, classPath, root.resolve("out"), true, src) / runs;
                } catch (IOException e) {
                  throw new RuntimeException(e);
                }
              }
            });
    System.out.printf(
        Locale.ROOT,
        "## Profile: processor compile (%s), shape %s, N = %d: %.0f ms per compile, %d samples%n%n",
        partial ? "partial, 10 compiles" : "full",
        shape,
        n,
        ms[0],
        sampler.samples.get());
    sampler.print();
    deleteTree(root);
  }

  /** Up-to-date load().plan() and load().migrate() of N migrations, sampled. */
  static void profileRuntime(Path dir, int n) throws Exception {
    Logger.getLogger("").setLevel(java.util.logging.Level.OFF);
    Path root = dir.resolve("rtprofile-" + n);
    if (Files.exists(root)) {
      deleteTree(root);
    }
    Path indexDir = writeIndex(root.resolve("cp"), n);
    ClassLoader cl =
        new URLClassLoader(new URL[] {indexDir.toUri().toURL()}, Bench.class.getClassLoader());
    String url = "jdbc:sqlite:" + root.resolve("db.sqlite3");
    Migrata.configure().jdbcUrl(url, null, null).classLoader(cl).load().migrate();
    Runnable round =
        () -> {
          Migrata.configure().jdbcUrl(url, null, null).classLoader(cl).load().plan();
          Migrata.configure().jdbcUrl(url, null, null).classLoader(cl).load().migrate();
        };
    for (int i = 0; i < 10; i++) {
      round.run();
    }
    long t0 = System.nanoTime();
    Sampler sampler =
        Sampler.run(
            () -> {
              for (int i = 0; i < 20; i++) {
                round.run();
              }
            });
    System.out.printf(
        Locale.ROOT,
        "## Profile: up-to-date load().plan() + load().migrate(), N = %d: %.0f ms per round, %d"
            + " samples%n%n",
        n,
        (System.nanoTime() - t0) / 1e6 / 20,
        sampler.samples.get());
    sampler.print();
    deleteTree(root);
  }

  /** A poor man's sampling profiler: the calling thread's stack every 2 ms. */
  static final class Sampler {
    final Map<String, Integer> self = new HashMap<>();
    final Map<String, Integer> migrata = new HashMap<>();
    final AtomicInteger samples = new AtomicInteger();
    volatile boolean stop;

    static Sampler run(Runnable work) throws InterruptedException {
      Sampler s = new Sampler();
      Thread main = Thread.currentThread();
      Thread t =
          new Thread(
              () -> {
                while (!s.stop) {
                  StackTraceElement[] st = main.getStackTrace();
                  if (st.length > 0) {
                    s.samples.incrementAndGet();
                    s.self.merge(frame(st[0]), 1, Integer::sum);
                    String inner = "(no dev.migrata frame: javac)";
                    for (StackTraceElement e : st) {
                      if (e.getClassName().startsWith("dev.migrata.")
                          && !e.getClassName().startsWith("dev.migrata.bench.")) {
                        inner = frame(e) + ":" + e.getLineNumber();
                        break;
                      }
                    }
                    s.migrata.merge(inner, 1, Integer::sum);
                  }
                  try {
                    Thread.sleep(2);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      t.setDaemon(true);
      t.start();
      try {
        work.run();
      } finally {
        s.stop = true;
        t.join();
      }
      return s;
    }

    void print() {
      System.out.println("Innermost dev.migrata frame on the stack (where Migrata code is):");
      Bench.print(migrata, samples.get());
      System.out.println("Top frame (self time):");
      Bench.print(self, samples.get());
    }
  }

  static String frame(StackTraceElement e) {
    return e.getClassName() + "." + e.getMethodName();
  }

  static void print(Map<String, Integer> counts, int total) {
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(15)
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    System.out.println();
  }

  // =================================================================== runtime benchmark

  /**
   * Writes {@code META-INF/migrata/index} with N migrations of app {@code rt}: every 25th a
   * CreateModel (id, name), the others AddField of a nullable integer on the latest model. The
   * named migration classes do not exist: the runtime must not need them.
   */
  static Path writeIndex(Path root, int n) throws IOException {
    Path idx = root.resolve("META-INF/migrata/index");
    Files.createDirectories(idx.getParent());
    StringBuilder out = new StringBuilder("# migrata index v1\n");
    String prev = null;
    int model = 0;
    for (int i = 1; i <= n; i++) {
      String name;
      String ops;
      if ((i - 1) % 25 == 0) {
        model++;
        name = String.format("%04d_m%d", i, model);
        ops =
            "[{\"@\":\"Op\",\"kind\":\"CREATE_MODEL\",\"name\":\"M"
                + model
                + "\",\"fields\":[{\"@\":\"FieldDef\",\"name\":\"id\",\"type\":\"BigAutoField\","
                + "\"primaryKey\":true},{\"@\":\"FieldDef\",\"name\":\"name\",\"type\":\"CharField\","
                + "\"maxLength\":50}]}]";
      } else {
        name = String.format("%04d_m%d_f%d", i, model, i);
        ops =
            "[{\"@\":\"Op\",\"kind\":\"ADD_FIELD\",\"model\":\"m"
                + model
                + "\",\"field\":[{\"@\":\"FieldDef\",\"name\":\"f"
                + i
                + "\",\"type\":\"IntegerField\",\"nullable\":true}]}]";
      }
      out.append("rt\t")
          .append(name)
          .append("\tbench.rt.migrations.M")
          .append(name)
          .append('\t')
          .append(prev == null ? "i" : "-")
          .append('\t')
          .append(prev == null ? "-" : "rt:" + prev)
          .append("\t-\t-\t")
          .append(ops)
          .append('\n');
      prev = name;
    }
    // Written in version 1 (no checksums) for brevity, stored as the processor writes it today.
    Files.writeString(
        idx,
        dev.migrata.internal.migration.MigrationIndex.write(
            dev.migrata.internal.migration.MigrationIndex.read(out.toString(), "bench")));
    return root;
  }

  static void runtimeBench(Path dir) throws Exception {
    int[] ns = ints(System.getProperty("bench.rtNs", "100,1000,5000"));
    Logger.getLogger("").setLevel(java.util.logging.Level.OFF);
    List<String[]> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (int n : ns) {
      Path root = dir.resolve("rt-" + n);
      if (Files.exists(root)) {
        deleteTree(root);
      }
      Path indexDir = writeIndex(root.resolve("cp"), n);
      ClassLoader cl =
          new URLClassLoader(new URL[] {indexDir.toUri().toURL()}, Bench.class.getClassLoader());

      // Apply all N to a fresh file (the first one also leaves the database the rest use).
      int applyReps = n >= 5000 ? Math.max(1, Math.min(REPS, 3)) : REPS;
      List<Double> apply = new ArrayList<>();
      Path db = root.resolve("db.sqlite3");
      for (int r = 0; r < applyReps; r++) {
        Path fresh = r == 0 ? db : root.resolve("fresh" + r + ".sqlite3");
        String url = "jdbc:sqlite:" + fresh;
        long t0 = System.nanoTime();
        int applied =
            Migrata.configure().jdbcUrl(url, null, null).classLoader(cl).load().migrate().size();
        apply.add((System.nanoTime() - t0) / 1e6);
        if (applied != n) {
          throw new IllegalStateException("applied " + applied + " of " + n);
        }
        if (r > 0) {
          Files.deleteIfExists(fresh);
        }
      }
      String url = "jdbc:sqlite:" + db;

      // Up to date, in-process, after warm-up.
      Supplier<Integer> plan =
          () ->
              Migrata.configure()
                  .jdbcUrl(url, null, null)
                  .classLoader(cl)
                  .load()
                  .plan()
                  .toString()
                  .length();
      Supplier<Integer> migrate =
          () ->
              Migrata.configure().jdbcUrl(url, null, null).classLoader(cl).load().migrate().size();
      for (int i = 0; i < 30; i++) {
        plan.get();
        migrate.get();
      }
      List<Double> load = new ArrayList<>();
      List<Double> plans = new ArrayList<>();
      List<Double> migrates = new ArrayList<>();
      int warmReps = Math.max(REPS, 30);
      for (int i = 0; i < warmReps; i++) {
        long t0 = System.nanoTime();
        Migrata.configure().jdbcUrl(url, null, null).classLoader(cl).load();
        load.add((System.nanoTime() - t0) / 1e6);
        t0 = System.nanoTime();
        plan.get();
        plans.add((System.nanoTime() - t0) / 1e6);
        t0 = System.nanoTime();
        int ran = migrate.get();
        migrates.add((System.nanoTime() - t0) / 1e6);
        if (ran != 0) {
          throw new IllegalStateException("up-to-date database applied " + ran);
        }
      }

      // What an up-to-date migrate() does on the database.
      CountingDataSource counting = new CountingDataSource("jdbc:sqlite:" + db);
      Migrata.configure().dataSource(counting).classLoader(cl).load().migrate();
      notes.add(
          "N = "
              + n
              + ": up-to-date migrate() opened "
              + counting.connections
              + " connection(s), ran "
              + counting.statements.size()
              + " statement(s): "
              + counting.statements);

      // Cold: a fresh JVM running the CLI.
      List<Double> cold = new ArrayList<>();
      String cp = CLASSPATH + File.pathSeparator + indexDir;
      for (int r = 0; r < REPS; r++) {
        cold.add(cli(cp, url));
      }
      rows.add(
          new String[] {
            String.valueOf(n),
            f1(median(load)),
            f1(median(plans)),
            f1(median(migrates)),
            f0(median(cold)),
            f0(median(apply)),
            f2(median(apply) / n)
          });
      System.err.printf(
          Locale.ROOT,
          "  [runtime N=%d] plan %s migrate %s cold %s apply %s%n",
          n,
          fmt(plans.subList(0, 5)),
          fmt(migrates.subList(0, 5)),
          fmt(cold),
          fmt(apply));
      deleteTree(root);
    }
    // Baseline: the same CLI with no index at all (JVM start + CLI + SQLite driver).
    Path empty = Files.createDirectories(dir.resolve("rt-0/cp"));
    List<Double> base = new ArrayList<>();
    for (int r = 0; r < REPS; r++) {
      base.add(
          cli(
              CLASSPATH + File.pathSeparator + empty,
              "jdbc:sqlite:" + dir.resolve("rt-0/db.sqlite3")));
    }
    deleteTree(dir.resolve("rt-0"));

    System.out.println("## Runtime (SQLite file, medians, ms)");
    System.out.println();
    System.out.println(
        "Warm = in-process after 30 warm-up rounds ("
            + Math.max(REPS, 30)
            + " timed rounds); each round builds a new Migrata (`configure().jdbcUrl(..).load()`)."
            + " Cold = `java -cp ... dev.migrata.cli.Main migrate --url ...` in a fresh JVM, wall"
            + " time ("
            + REPS
            + " runs). Apply = migrate() of all N onto a fresh file, in-process.");
    System.out.println();
    System.out.println(
        "| N migrations | warm load() | warm load().plan() | warm load().migrate() (up to date) |"
            + " cold CLI migrate (up to date) | apply all N (fresh file) | apply per migration |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
    System.out.printf(Locale.ROOT, "| 0 (no index) | | | | %s | | |%n", f0(median(base)));
    for (String[] r : rows) {
      System.out.println("| " + String.join(" | ", r) + " |");
    }
    System.out.println();
    notes.forEach(s -> System.out.println("- " + s));
    System.out.println();
  }

  static double cli(String cp, String url) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(java, "-cp", cp, "dev.migrata.cli.Main", "migrate", "--url", url)
            .redirectErrorStream(true);
    long t0 = System.nanoTime();
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    double ms = (System.nanoTime() - t0) / 1e6;
    if (rc != 0) {
      throw new IllegalStateException("CLI exited " + rc + ":\n" + output);
    }
    return ms;
  }

  /** A DataSource over DriverManager that records the SQL each statement runs. */
  static final class CountingDataSource implements DataSource {
    final String url;
    int connections;
    final List<String> statements = new ArrayList<>();

    CountingDataSource(String url) {
      this.url = url;
    }

    @Override
    public Connection getConnection() throws SQLException {
      connections++;
      return wrap(Connection.class, DriverManager.getConnection(url));
    }

    @SuppressWarnings("unchecked")
    <T> T wrap(Class<T> type, T target) {
      InvocationHandler h =
          (proxy, method, args) -> {
            String m = method.getName();
            if (m.startsWith("prepare") && args != null && args[0] instanceof String sql) {
              statements.add(sql.trim().replaceAll("\\s+", " "));
            } else if (m.startsWith("execute") && args != null && args[0] instanceof String sql) {
              statements.add(sql.trim().replaceAll("\\s+", " "));
            }
            Object result;
            try {
              result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
            if (result instanceof java.sql.PreparedStatement ps) {
              return ps; // recorded at prepare time
            }
            if (result instanceof java.sql.Statement st && m.equals("createStatement")) {
              return wrap(java.sql.Statement.class, st);
            }
            return result;
          };
      return (T) Proxy.newProxyInstance(Bench.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    @Override
    public Connection getConnection(String u, String p) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("no");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }

  // =================================================================== helpers

  static int[] ints(String s) {
    return Arrays.stream(s.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(Comparator.naturalOrder());
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  static String fmt(List<Double> xs) {
    return xs.stream().map(Bench::f0).collect(Collectors.joining(",", "[", "]"));
  }

  static String f0(double x) {
    return String.format(Locale.ROOT, "%.0f", x);
  }

  static String f1(double x) {
    return String.format(Locale.ROOT, "%.1f", x);
  }

  static String f2(double x) {
    return String.format(Locale.ROOT, "%.2f", x);
  }

  static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }

  static String stack(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
