package dev.migrata.processor;

import static dev.migrata.processor.EndToEndTest.read;
import static dev.migrata.processor.EndToEndTest.writeIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental rebuild recompiles a few sources with the rest of the project as class files on
 * the class path: entities then come to the processor from their class files, private fields and
 * all, and the rebuild must plan exactly what the full build planned (nothing new).
 */
class JpaIncrementalBuildTest {
  private static final String SRC = "src/com/example/store/";
  private static final String MIGRATIONS = "src/com/example/store/migrations";

  @TempDir Path project;

  @BeforeEach
  void scratchProject() {
    writeIn(
        project,
        SRC + "Customer.java",
        "package com.example.store;\n"
            + "import jakarta.persistence.*;\n"
            + "@Entity @Table(name = \"customer\")\n"
            + "public class Customer {\n"
            + "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;\n"
            + "  @Column(nullable = false, length = 80) private String name;\n"
            + "  private java.time.LocalDate since;\n"
            + "  private int visits;\n"
            + "  @Transient private String display;\n"
            + "  public Long getId() { return id; }\n"
            + "  public String getName() { return name; }\n"
            + "}\n");
    writeIn(
        project,
        SRC + "Purchase.java",
        "package com.example.store;\n"
            + "import jakarta.persistence.*;\n"
            + "@Entity\n"
            + "public class Purchase {\n"
            + "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;\n"
            + "  @ManyToOne(optional = false) @JoinColumn(name = \"customer_id\")\n"
            + "  private Customer customer;\n"
            + "  @Column(precision = 10, scale = 2) private java.math.BigDecimal total;\n"
            + "}\n");
    writeIn(
        project,
        SRC + "Coupon.java",
        "package com.example.store;\n"
            + "import jakarta.persistence.*;\n"
            + "@Entity\n"
            + "public class Coupon {\n"
            + "  private String code;\n"
            + "  private int percent;\n"
            + "  @Id @Column(length = 16) public String getCode() { return code; }\n"
            + "  public void setCode(String v) { code = v; }\n"
            + "  @Column(name = \"pct\") public int getPercent() { return percent; }\n"
            + "  public void setPercent(int v) { percent = v; }\n"
            + "}\n");
    writeIn(project, SRC + "Service.java", service(""));
  }

  private static String service(String extra) {
    return "package com.example.store;\n"
        + "public class Service {\n"
        + "  public String hello() { return \"hi\"; }\n"
        + extra
        + "}\n";
  }

  @Test
  void recompilingAnotherSourceAgainstTheEntitiesClassFilesPlansNothing() {
    Result full =
        javac(
            project,
            sources(
                SRC + "Coupon.java",
                SRC + "Customer.java",
                SRC + "Purchase.java",
                SRC + "Service.java"));
    assertThat(full.success()).as(full.messages(Diagnostic.Kind.ERROR)).isTrue();
    assertThat(Compiling.files(project.resolve("src"), "com.example.store.migrations"))
        .containsExactly("M0001_initial.java");
    String initial = read(project, MIGRATIONS + "/M0001_initial.java");
    // Coupon's columns are its getters' (property access), read again from Coupon.class below.
    assertThat(initial).contains("column = \"pct\"");

    // Purchase.java alone, touched: Customer and Coupon come from their class files.
    writeIn(project, SRC + "Purchase.java", read(project, SRC + "Purchase.java"));
    Result partial = javac(project, sources(SRC + "Purchase.java"));
    assertThat(partial.success()).as(partial.messages(Diagnostic.Kind.ERROR)).isTrue();
    assertThat(partial.messages(Diagnostic.Kind.NOTE)).doesNotContain("[migrata.I002]");
    assertThat(Compiling.files(project.resolve("src"), "com.example.store.migrations"))
        .containsExactly("M0001_initial.java");
    assertThat(read(project, MIGRATIONS + "/M0001_initial.java")).isEqualTo(initial);
  }

  @Test
  void withTheSourcePathAsMavenPassesIt() {
    assertThat(
            javac(
                    project,
                    sources(SRC + "Coupon.java", SRC + "Customer.java", SRC + "Purchase.java"))
                .success())
        .isTrue();
    String initial = read(project, MIGRATIONS + "/M0001_initial.java");
    writeIn(project, SRC + "Purchase.java", read(project, SRC + "Purchase.java"));
    Result partial =
        javac(
            project,
            sources(SRC + "Purchase.java"),
            "-sourcepath",
            project.resolve("src").toString());
    assertThat(partial.success()).as(partial.messages(Diagnostic.Kind.ERROR)).isTrue();
    assertThat(Compiling.files(project.resolve("src"), "com.example.store.migrations"))
        .containsExactly("M0001_initial.java");
    assertThat(read(project, MIGRATIONS + "/M0001_initial.java")).isEqualTo(initial);
  }

  @Test
  void anEntityKnownOnlyByItsClassFile() throws Exception {
    assertThat(
            javac(
                    project,
                    sources(SRC + "Coupon.java", SRC + "Customer.java", SRC + "Purchase.java"))
                .success())
        .isTrue();
    String initial = read(project, MIGRATIONS + "/M0001_initial.java");
    Files.delete(project.resolve(SRC + "Customer.java"));
    writeIn(project, SRC + "Purchase.java", read(project, SRC + "Purchase.java"));
    Result partial = javac(project, sources(SRC + "Purchase.java"));
    assertThat(partial.success()).as(partial.messages(Diagnostic.Kind.ERROR)).isTrue();
    assertThat(Compiling.files(project.resolve("src"), "com.example.store.migrations"))
        .containsExactly("M0001_initial.java");
    assertThat(read(project, MIGRATIONS + "/M0001_initial.java")).isEqualTo(initial);
  }

  @Test
  void eclipseCompilerRecompilingOneEntity() {
    EndToEndTest.Result full =
        EcjCompileTest.ecj(
            project, sources(SRC + "Coupon.java", SRC + "Customer.java", SRC + "Purchase.java"));
    assertThat(full.success()).as(full.messages(Diagnostic.Kind.ERROR)).isTrue();
    String initial = read(project, MIGRATIONS + "/M0001_initial.java");
    writeIn(project, SRC + "Purchase.java", read(project, SRC + "Purchase.java"));
    EndToEndTest.Result partial = EcjCompileTest.ecj(project, sources(SRC + "Purchase.java"));
    assertThat(partial.success()).as(partial.messages(Diagnostic.Kind.ERROR)).isTrue();
    assertThat(Compiling.files(project.resolve("src"), "com.example.store.migrations"))
        .containsExactly("M0001_initial.java");
    assertThat(read(project, MIGRATIONS + "/M0001_initial.java")).isEqualTo(initial);
  }

  @Test
  void anUnresolvedAnnotationOnAnEntityWritesNothing() {
    // @JoinColumn not imported: read without it, the key would take its implicit column.
    writeIn(
        project,
        SRC + "Purchase.java",
        "package com.example.store;\n"
            + "import jakarta.persistence.*;\n"
            + "@Entity public class Purchase {\n"
            + "  @Id private Long id;\n"
            + "  @ManyToOne @Join(name = \"buyer\") private Customer customer;\n"
            + "}\n");
    Result failed =
        javac(project, sources(SRC + "Coupon.java", SRC + "Customer.java", SRC + "Purchase.java"));
    assertThat(failed.success()).isFalse();
    assertThat(failed.messages(Diagnostic.Kind.ERROR)).contains("cannot find symbol");
    assertThat(failed.messages(Diagnostic.Kind.NOTE))
        .contains(
            "[migrata.I003] Migrata wrote no migration for app 'store' because the annotation"
                + " @Join on Purchase.customer does not resolve");
    assertThat(Compiling.files(project.resolve("src"), "com.example.store.migrations")).isEmpty();
  }

  private List<Path> sources(String... relative) {
    List<Path> result = new ArrayList<>();
    for (String r : relative) {
      result.add(project.resolve(r));
    }
    return result;
  }

  record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    String messages(Diagnostic.Kind kind) {
      StringBuilder b = new StringBuilder();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
        if (d.getKind() == kind) {
          b.append(d.getMessage(null)).append('\n');
        }
      }
      return b.toString();
    }
  }

  /**
   * javac over {@code sources} with the project's earlier class files and the test's class path
   * (annotations, jakarta.persistence, the processor) on the class path, as Maven's incremental
   * compile runs it.
   */
  static Result javac(Path project, List<Path> sources, String... options) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      Path classes = Files.createDirectories(project.resolve("classes"));
      Path gen = Files.createDirectories(project.resolve("gen"));
      List<String> args = new ArrayList<>();
      args.addAll(List.of("-d", classes.toString(), "-s", gen.toString()));
      args.addAll(
          List.of("-cp", classes + File.pathSeparator + System.getProperty("java.class.path")));
      args.addAll(List.of("-processorpath", System.getProperty("java.class.path")));
      args.addAll(List.of(options));
      boolean ok =
          compiler
              .getTask(
                  null, files, diagnostics, args, null, files.getJavaFileObjectsFromPaths(sources))
              .call();
      return new Result(ok, diagnostics.getDiagnostics());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
