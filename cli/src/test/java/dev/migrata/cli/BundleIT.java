package dev.migrata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable bundle ({@code migrata-cli-<v>-all.jar}) as a user runs it: {@code java -jar} in a
 * fresh JVM, against an app compiled here with javac and the processor, its classes given with
 * {@code --classpath}. Runs in the integration-test phase, after the bundle is built (the build
 * passes its path as {@code migrata.bundle}).
 */
class BundleIT {
  private static final String PKG = "com/example/library";

  @TempDir Path project;
  Path bundle;
  String out;
  String err;

  @BeforeEach
  void bundle() {
    String path = System.getProperty("migrata.bundle");
    Assumptions.assumeTrue(
        path != null, "runs in the integration-test phase, once the -all jar is built");
    bundle = Path.of(path);
    assertThat(bundle).exists();
  }

  @Test
  void theBundleMigratesAnAppGivenByClassPathRunningItsJavaCode() throws Exception {
    write(
        PKG + "/Author.java",
        "package com.example.library;",
        "import dev.migrata.annotations.*;",
        "@Model",
        "public class Author {",
        "  @Field(maxLength = 100) String name;",
        "}");
    write(
        PKG + "/package-info.java",
        "@App(\"library\")",
        "package com.example.library;",
        "import dev.migrata.annotations.App;");
    // A class of the app's own, which the RunJava method calls: found through --classpath too.
    write(
        PKG + "/Names.java",
        "package com.example.library;",
        "public final class Names {",
        "  public static String first() { return \"Ann\"; }",
        "}");
    compile();
    assertThat(project.resolve("src/" + PKG + "/migrations/M0001_initial.java")).exists();
    write(
        PKG + "/migrations/M0002_add_ann.java",
        "package com.example.library.migrations;",
        "import static dev.migrata.annotations.migration.Op.Kind.RUN_JAVA;",
        "import dev.migrata.annotations.migration.*;",
        "import dev.migrata.data.HistoricalModels;",
        "import dev.migrata.schema.SchemaEditor;",
        "import java.util.Map;",
        "@Migration(app = \"library\", name = \"0002_add_ann\",",
        "    dependencies = @Dependency(app = \"library\", name = \"0001_initial\"),",
        "    operations = @Op(kind = RUN_JAVA, method = \"add\", reverseMethod = \"remove\"))",
        "public final class M0002_add_ann {",
        "  static void add(HistoricalModels apps, SchemaEditor editor) {",
        "    apps.model(\"library\", \"Author\").insert(",
        "        Map.of(\"name\", com.example.library.Names.first()));",
        "  }",
        "  static void remove(HistoricalModels apps, SchemaEditor editor) {",
        "    apps.model(\"library\", \"Author\").all().delete();",
        "  }",
        "}");
    compile();

    Path db = project.resolve("app.db");
    String url = "jdbc:sqlite:" + db;
    String classes = project.resolve("classes").toString();
    assertThat(cli("migrate", "--url", url, "--classpath", classes)).as(err).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "Operations to perform:",
                "  Apply all migrations: library",
                "Running migrations:",
                "  Applying library.0001_initial... OK",
                "  Applying library.0002_add_ann... OK"));
    assertThat(err).isEmpty();
    assertThat(names(url)).containsExactly("Ann");

    assertThat(cli("showmigrations", "--url", url, "--classpath", classes)).isZero();
    assertThat(out).isEqualTo(lines("library", " [X] 0001_initial", " [X] 0002_add_ann"));

    assertThat(cli("migrate", "library", "0001", "--url", url, "-cp", classes)).as(err).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                "Operations to perform:",
                "  Target specific migration: 0001_initial, from library",
                "Running migrations:",
                "  Rendering model states... DONE",
                "  Unapplying library.0002_add_ann... OK"));
    assertThat(names(url)).isEmpty();
  }

  @Test
  void theBundleCarriesTheThreeDriversAndIsNoProcessor() throws Exception {
    try (JarFile jar = new JarFile(bundle.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("dev.migrata.cli.Main");
      assertThat(jar.getEntry("org/sqlite/JDBC.class")).isNotNull();
      assertThat(jar.getEntry("org/postgresql/Driver.class")).isNotNull();
      assertThat(jar.getEntry("org/mariadb/jdbc/Driver.class")).isNotNull();
      assertThat(jar.getEntry("META-INF/services/javax.annotation.processing.Processor")).isNull();
      // The runtime logs through SLF4J; the CLI selects the bundled no-op provider.
      assertThat(jar.getEntry("org/slf4j/nop/NOPServiceProvider.class")).isNotNull();
    }
    assertThat(cli("migrate", "--url", "jdbc:sqlite:" + project.resolve("app.db"))).isEqualTo(1);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: No migrations: the class path has no Migrata index"
                    + " (META-INF/migrata/index). Pass the application's compiled classes with"
                    + " --classpath (e.g. --classpath target/classes)."));
    assertThat(cli("frobnicate")).isEqualTo(2);
    assertThat(out).isEmpty();
    assertThat(err)
        .isEqualTo(lines("Error: unknown command 'frobnicate'." + CommandLineTest.COMMANDS));
  }

  private int cli(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(bundle.toString());
    command.addAll(List.of(args));
    Path stdout = project.resolve("stdout.txt");
    Path stderr = project.resolve("stderr.txt");
    Process process =
        new ProcessBuilder(command)
            .directory(project.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the CLI did not finish within 120s: " + command);
    }
    out = Files.readString(stdout, StandardCharsets.UTF_8);
    err = Files.readString(stderr, StandardCharsets.UTF_8);
    return process.exitValue();
  }

  /** javac on src into classes, the processor (from this test's class path) on. */
  private void compile() throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path classes = Files.createDirectories(project.resolve("classes"));
    Path gen = Files.createDirectories(project.resolve("gen"));
    String testPath = System.getProperty("java.class.path");
    List<Path> sources;
    try (Stream<Path> files = Files.walk(project.resolve("src"))) {
      sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "-d",
              classes.toString(),
              "-s",
              gen.toString(),
              "-cp",
              testPath + File.pathSeparator + classes,
              "-processorpath",
              testPath);
      boolean ok =
          compiler
              .getTask(
                  null,
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
      assertThat(ok).as(diagnostics.getDiagnostics().toString()).isTrue();
    }
  }

  private void write(String relative, String... lines) throws IOException {
    Path file = project.resolve("src").resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    // javac decides what is stale by time stamps; make the edit clearly newer.
    file.toFile().setLastModified(System.currentTimeMillis() + 2000);
  }

  private static List<String> names(String url) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT name FROM library_author ORDER BY id")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }
}
