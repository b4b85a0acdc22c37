package dev.migrata.cli;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationIndex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI run in process against an index on a class path of its own (the thread's context class
 * loader, restored after each test), keeping what it printed in {@link #out} and {@link #err}.
 */
abstract class CliTestBase {
  @TempDir Path dir;
  ClassLoader previous;
  String out;
  String err;

  /** The index as the processor writes it, on a class path of its own. */
  void index(List<MigrationDefinition> migrations) throws Exception {
    Path classes = indexDirectory(migrations);
    if (previous == null) {
      previous = Thread.currentThread().getContextClassLoader();
    }
    Thread.currentThread()
        .setContextClassLoader(new URLClassLoader(new URL[] {classes.toUri().toURL()}, null));
  }

  /** A class directory holding the index of {@code migrations}, for {@code --classpath}. */
  Path indexDirectory(List<MigrationDefinition> migrations) throws Exception {
    Path classes = Files.createTempDirectory(dir, "classes");
    Path index = classes.resolve(MigrationIndex.RESOURCE);
    Files.createDirectories(index.getParent());
    Files.writeString(index, MigrationIndex.write(migrations));
    return classes;
  }

  @AfterEach
  void restore() {
    Thread.currentThread().setContextClassLoader(previous);
  }

  int run(String... args) {
    return run(Map.of(), args);
  }

  int run(Map<String, String> env, String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new PrintStream(o, true, StandardCharsets.UTF_8),
            new PrintStream(e, true, StandardCharsets.UTF_8),
            env);
    out = o.toString(StandardCharsets.UTF_8);
    err = e.toString(StandardCharsets.UTF_8);
    return code;
  }

  static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }
}
