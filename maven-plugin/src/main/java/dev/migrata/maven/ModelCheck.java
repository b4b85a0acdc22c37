package dev.migrata.maven;

import dev.migrata.processor.MigrataProcessor;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The processor's check mode ({@code -proc:only -Amigrata.check=true}) on the project's sources,
 * with javac in Maven's JVM: the processor instance is the plugin's own, so the project needs no
 * processor on its class path, and nothing is compiled or written into the source tree (the
 * processor's index and any generated file land under {@code target/migrata-check}).
 */
final class ModelCheck {
  private final List<String> sourceRoots;
  private final List<String> classPath;
  private final List<String> processorOptions;
  private final String encoding;
  private final Path workDirectory;
  private final Log log;

  ModelCheck(
      List<String> sourceRoots,
      List<String> classPath,
      List<String> processorOptions,
      String encoding,
      Path workDirectory,
      Log log) {
    this.sourceRoots = sourceRoots;
    this.classPath = classPath;
    this.processorOptions = processorOptions;
    this.encoding = encoding;
    this.workDirectory = workDirectory;
    this.log = log;
  }

  void run() throws MojoExecutionException, MojoFailureException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new MojoExecutionException(
          "migrata.checkModels needs a JDK (javax.tools): Maven runs on a JRE.");
    }
    List<File> sources = sources();
    if (sources.isEmpty()) {
      log.info("Migrata: no Java sources, no models to check.");
      return;
    }
    Path classes = workDirectory.resolve("classes");
    Path generated = workDirectory.resolve("generated-sources");
    try {
      Files.createDirectories(classes);
      Files.createDirectories(generated);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot create " + workDirectory, e);
    }
    List<String> options = new ArrayList<>();
    options.add("-proc:only");
    options.add("-encoding");
    options.add(encoding);
    options.add("-classpath");
    options.add(String.join(File.pathSeparator, classPath));
    options.add("-d");
    options.add(classes.toString());
    options.add("-s");
    options.add(generated.toString());
    options.addAll(processorOptions);
    options.add("-Amigrata.check=true");

    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter javacOutput = new StringWriter();
    boolean ok;
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, Charset.forName(encoding))) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              javacOutput,
              files,
              diagnostics,
              options,
              null,
              files.getJavaFileObjectsFromFiles(sources));
      task.setProcessors(List.of(new MigrataProcessor()));
      ok = task.call();
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot close javac's file manager.", e);
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      switch (d.getKind()) {
        case ERROR -> errors.add(message);
        case WARNING, MANDATORY_WARNING -> log.warn(message);
        default -> log.debug(message);
      }
    }
    if (!ok || !errors.isEmpty()) {
      if (errors.isEmpty()) {
        errors.add("javac failed: " + javacOutput.toString().strip());
      }
      throw new MojoFailureException(String.join("\n", errors));
    }
    log.info("Migrata: every model change has its migration.");
  }

  private List<File> sources() throws MojoExecutionException {
    List<File> sources = new ArrayList<>();
    for (String root : sourceRoots) {
      Path dir = Path.of(root);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
            .sorted()
            .forEach(p -> sources.add(p.toFile()));
      } catch (IOException e) {
        throw new MojoExecutionException("Cannot list the sources in " + dir, e);
      }
    }
    return sources;
  }
}
