package dev.migrata.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One javac in a new {@code java} process ({@code java -m jdk.compiler/com.sun.tools.javac.Main},
 * default JVM flags), as a {@code mvn compile} pays it: Maven's compiler plugin runs javac in a JVM
 * that starts cold, so the JVM's start, javac's own classes and the processor's are all loaded and
 * interpreted afresh. The child runs under GNU {@code time}, whose user + system CPU of the whole
 * process (every thread, the JVM's start and exit; 10 ms resolution) is the figure.
 *
 * <p>Honesty: javac's exit status must be 0, and {@code -XprintProcessorInfo} must name the
 * processor that was asked for (and none with {@code -proc:none}), so that a processor path that
 * finds nothing cannot pass for a cheap compile.
 */
final class FreshJvmJavac {
  private static final String TIME = "/usr/bin/time";
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  /** Wall and CPU milliseconds of the child process. */
  record Run(double wall, double cpu) {}

  private FreshJvmJavac() {}

  /**
   * Compiles {@code sources} into {@code out} with {@code classPath}; {@code processorPath} null
   * means {@code -proc:none}, else it is javac's {@code -processorpath} (nothing else on it) and
   * {@code processor} the class name javac must report running.
   */
  static Run javac(
      List<Path> sources,
      String classPath,
      Path out,
      String processorPath,
      String processor,
      List<String> extraOptions,
      Path scratch)
      throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of(TIME))) {
      throw new IllegalStateException(TIME + " (GNU time) is needed for the fresh-JVM row");
    }
    Files.createDirectories(scratch);
    Path timeFile = scratch.resolve("time.txt");
    Path log = scratch.resolve("javac.log");
    List<String> cmd = new ArrayList<>();
    cmd.addAll(List.of(TIME, "-o", timeFile.toString(), "-f", "%e %U %S"));
    cmd.addAll(List.of(JAVA, "-m", "jdk.compiler/com.sun.tools.javac.Main"));
    cmd.addAll(List.of("-d", out.toString(), "-classpath", classPath, "-nowarn"));
    cmd.addAll(List.of("-implicit:none", "-sourcepath", "", "-XprintProcessorInfo"));
    if (processorPath == null) {
      cmd.add("-proc:none");
    } else {
      cmd.addAll(List.of("-processorpath", processorPath));
    }
    cmd.addAll(extraOptions);
    for (Path source : sources) {
      cmd.add(source.toString());
    }
    long t0 = System.nanoTime();
    Process child =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int rc = child.waitFor();
    double wall = (System.nanoTime() - t0) / 1e6;
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (rc != 0) {
      throw new IllegalStateException("fresh-JVM javac failed (" + rc + "):\n" + head(output));
    }
    boolean ran = output.contains("Processor ");
    if (processor == null ? ran : !output.contains("Processor " + processor)) {
      throw new IllegalStateException(
          "fresh-JVM javac did not run "
              + (processor == null ? "without" : processor)
              + ":\n"
              + head(output));
    }
    List<String> lines = Files.readAllLines(timeFile, StandardCharsets.UTF_8);
    String[] time = lines.get(lines.size() - 1).trim().split("\\s+");
    double cpu = (Double.parseDouble(time[1]) + Double.parseDouble(time[2])) * 1000;
    return new Run(wall, cpu);
  }

  /** What a build's processor path holds for Migrata: the processor and its runtime closure. */
  static String migrataProcessorPath() {
    return String.join(
        File.pathSeparator,
        Bench.jar("migrata-processor"),
        Bench.jar("migrata-core"),
        Bench.jar("migrata-annotations"),
        Bench.jar("javapoet"));
  }

  private static String head(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 2000) + "...";
  }
}
