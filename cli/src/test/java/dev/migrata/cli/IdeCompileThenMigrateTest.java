package dev.migrata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.processor.MigrataProcessor;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IDE's sequence of compiles (a full build, then javac over the edited files only, the replay
 * cache on as by default) with {@code migrata migrate --classpath} after each against SQLite: the
 * index each partial compile leaves (or leaves alone) must make the runtime apply exactly the
 * migrations the compile wrote, and nothing once they are applied.
 */
class IdeCompileThenMigrateTest {
  private static final String LIBRARY = "src/com/example/library/";
  private static final String MIGRATIONS = LIBRARY + "migrations/";
  private static final String BOOK = LIBRARY + "Book.java";
  private static final String CLASSES = "classes/com/example/library/migrations/";

  @TempDir Path project;
  private String out;

  @Test
  void eachPartialCompileLeavesAnIndexTheRuntimeAppliesExactly() throws Exception {
    write(
        LIBRARY + "Author.java",
        "package com.example.library;\nimport dev.migrata.annotations.*;\n@Model\n"
            + "public class Author {\n  @Field(maxLength = 100) String name;\n}\n");
    write(BOOK, book(""));
    compile(null);
    assertThat(migrate()).isZero();
    assertThat(out).contains("Applying library.0001_initial");

    write(BOOK, book("  @Field(defaultValue = \"0\") int rating;\n"));
    compile(List.of(BOOK));
    assertThat(project.resolve(MIGRATIONS + "M0002_book_rating.java")).exists();
    assertThat(migrate()).isZero();
    assertThat(applied()).containsExactly("library.0002_book_rating");

    compile(List.of(BOOK));
    Path index = project.resolve("classes/META-INF/migrata/index");
    String text = Files.readString(index);
    compile(List.of(BOOK));
    assertThat(Files.readString(index)).isEqualTo(text);
    assertThat(migrate()).isZero();
    assertThat(out).contains("No migrations to apply.");

    // 0002 deleted with its class (a mistaken clean-up): the next compile writes it again, as it
    // was, and the runtime finds it applied and unchanged.
    String source = read(MIGRATIONS + "M0002_book_rating.java");
    Files.delete(project.resolve(MIGRATIONS + "M0002_book_rating.java"));
    Files.delete(project.resolve(CLASSES + "M0002_book_rating.class"));
    compile(List.of(BOOK));
    assertThat(read(MIGRATIONS + "M0002_book_rating.java")).isEqualTo(source);
    assertThat(migrate()).isZero();
    assertThat(out).contains("No migrations to apply.");

    // A hand-written data migration compiled alone.
    String m3 = MIGRATIONS + "M0003_data.java";
    write(
        m3,
        "package com.example.library.migrations;\n"
            + "import static dev.migrata.annotations.migration.Op.Kind.RUN_SQL;\n"
            + "import dev.migrata.annotations.migration.*;\n"
            + "@Migration(app = \"library\", name = \"0003_data\",\n"
            + "    dependencies = @Dependency(app = \"library\", name = \"0002_book_rating\"),\n"
            + "    operations = @Op(kind = RUN_SQL,"
            + " sql = \"INSERT INTO library_author (name) VALUES ('Ann')\","
            + " reverseSql = \"DELETE FROM library_author WHERE name = 'Ann'\"))\n"
            + "public final class M0003_data {}\n");
    compile(List.of(m3));
    assertThat(migrate()).isZero();
    assertThat(applied()).containsExactly("library.0003_data");
    assertThat(authors()).containsExactly("Ann");

    compile(List.of(BOOK));
    assertThat(migrate()).isZero();
    assertThat(out).contains("No migrations to apply.");
  }

  @Test
  void anAppCompiledAloneKeepsTheOtherAppsEntriesForTheRuntime() throws Exception {
    write(
        LIBRARY + "Author.java",
        "package com.example.library;\nimport dev.migrata.annotations.*;\n@Model\n"
            + "public class Author {\n  @Field(maxLength = 100) String name;\n}\n");
    write(BOOK, book(""));
    compile(null);
    assertThat(migrate()).isZero();
    assertThat(applied()).containsExactly("library.0001_initial");

    String shop = "src/com/example/shop/Order.java";
    write(
        shop,
        "package com.example.shop;\nimport dev.migrata.annotations.*;\n"
            + "import com.example.library.Book;\n@Model\npublic class Order {\n"
            + "  @Field(maxLength = 10) String code;\n"
            + "  @ForeignKey(onDelete = OnDelete.PROTECT) Book book;\n}\n");
    compile(List.of(shop));
    assertThat(migrate()).isZero();
    assertThat(applied()).containsExactly("shop.0001_initial");

    // library alone, unchanged, then changed: shop's entries stay in the index.
    compile(List.of(BOOK));
    compile(List.of(BOOK));
    assertThat(migrate()).isZero();
    assertThat(out).contains("No migrations to apply.").doesNotContain("Warning");
    write(BOOK, book("  @Field(nullable = true) Integer pages;\n"));
    compile(List.of(BOOK));
    assertThat(migrate()).isZero();
    assertThat(applied()).containsExactly("library.0002_book_pages");
    compile(List.of(shop));
    compile(List.of(BOOK));
    assertThat(migrate()).isZero();
    assertThat(out).contains("No migrations to apply.").doesNotContain("Warning");
  }

  private static String book(String extra) {
    return "package com.example.library;\nimport dev.migrata.annotations.*;\n@Model\n"
        + "public class Book {\n  @Field(maxLength = 200) String title;\n"
        + "  @ForeignKey(onDelete = OnDelete.CASCADE) Author author;\n"
        + extra
        + "}\n";
  }

  private String url() {
    return "jdbc:sqlite:" + project.resolve("app.db");
  }

  private int migrate() {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code =
        Main.run(
            new String[] {
              "migrate", "--url", url(), "--classpath", project.resolve("classes").toString()
            },
            new PrintStream(o, true, StandardCharsets.UTF_8),
            new PrintStream(e, true, StandardCharsets.UTF_8),
            Map.of());
    out = o.toString(StandardCharsets.UTF_8) + e.toString(StandardCharsets.UTF_8);
    return code;
  }

  /** The migrations the last migrate applied, from its output. */
  private List<String> applied() {
    return out.lines()
        .filter(l -> l.trim().startsWith("Applying "))
        .map(l -> l.trim().substring("Applying ".length()).replaceAll("\\.\\.\\..*", ""))
        .toList();
  }

  private List<String> authors() throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT name FROM library_author")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  /** javac with the processor over {@code sources} (all of them when null). */
  private void compile(List<String> sources) throws Exception {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      Path classes = Files.createDirectories(project.resolve("classes"));
      Path gen = Files.createDirectories(project.resolve("gen"));
      String annotations =
          Path.of(
                  dev.migrata.annotations.Model.class
                      .getProtectionDomain()
                      .getCodeSource()
                      .getLocation()
                      .toURI())
              .toString();
      List<String> args =
          List.of(
              "-d",
              classes.toString(),
              "-s",
              gen.toString(),
              "-cp",
              annotations + File.pathSeparator + classes);
      List<Path> paths;
      if (sources == null) {
        try (Stream<Path> all = Files.walk(project.resolve("src"))) {
          paths = all.filter(p -> p.toString().endsWith(".java")).toList();
        }
      } else {
        paths = sources.stream().map(project::resolve).toList();
      }
      JavaCompiler.CompilationTask task =
          compiler.getTask(
              null, files, diagnostics, args, null, files.getJavaFileObjectsFromPaths(paths));
      task.setProcessors(List.of(new MigrataProcessor()));
      assertThat(task.call()).as(diagnostics.getDiagnostics().toString()).isTrue();
    }
  }

  private void write(String relative, String text) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private String read(String relative) throws IOException {
    return Files.readString(project.resolve(relative));
  }
}
