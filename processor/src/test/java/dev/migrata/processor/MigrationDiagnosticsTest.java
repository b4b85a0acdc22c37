package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.migration;
import static dev.migrata.processor.Compiling.source;
import static dev.migrata.processor.MigrationGoldenTest.BOOK_BODY;
import static dev.migrata.processor.MigrationGoldenTest.MIGRATIONS;
import static dev.migrata.processor.MigrationGoldenTest.author;
import static dev.migrata.processor.MigrationGoldenTest.book;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per diagnostic about migrations and writing them: the code, the message and, where the
 * diagnostic has an element, the file and the line.
 */
class MigrationDiagnosticsTest {
  @TempDir Path root;
  private JavaFileObject m1;

  @BeforeEach
  void initialMigration() {
    assertThat(compile(root, author(), book(BOOK_BODY))).succeeded();
    m1 = migration(root, MIGRATIONS, "M0001_initial");
  }

  private static JavaFileObject migrationSource(String className, String annotation) {
    return source(
        MIGRATIONS + "." + className,
        "package com.example.library.migrations;\n"
            + "import dev.migrata.annotations.migration.*;\n"
            // One line, so the test holds whether the error points at the class or the value.
            + annotation
            + " public final class "
            + className
            + " {}\n");
  }

  private static JavaFileObject branch(String className, String name) {
    return migrationSource(
        className,
        "@Migration(app = \"library\", name = \""
            + name
            + "\", dependencies = @Dependency(app = \"library\", name = \"0001_initial\"))");
  }

  @Test
  void writtenMigrationIsANote() {
    JavaFileObject book = book(BOOK_BODY + "  @Field(defaultValue = \"0\") int rating;\n");
    Compilation c = compile(root, author(), book, m1);
    assertThat(c).succeeded();
    assertThat(c)
        .hadNoteContaining(
            "[migrata.I002] Migrata wrote migration library.0002_book_rating to "
                + root.resolve("com/example/library/migrations/M0002_book_rating.java")
                + ": Add field rating to book");
  }

  @Test
  void writtenMergeMigrationIsANoteNamingTheLeaves() {
    Compilation c =
        compile(
            root,
            List.of("-Amigrata.merge=true"),
            author(),
            book(BOOK_BODY),
            m1,
            branch("M0002_a", "0002_a"),
            branch("M0002_b", "0002_b"));
    assertThat(c).succeeded();
    assertThat(c)
        .hadNoteContaining(
            "[migrata.I001] Migrata wrote merge migration library.0003_merge_0002_a_0002_b to "
                + root.resolve("com/example/library/migrations/M0003_merge_0002_a_0002_b.java")
                + ": it depends on library.0002_a and library.0002_b.");
    assertThat(c).hadNoteCount(1);
  }

  @Test
  void dependencyOnAMigrationThatDoesNotExist() {
    JavaFileObject orphan =
        migrationSource(
            "M0002_orphan",
            "@Migration(app = \"library\", name = \"0002_orphan\","
                + " dependencies = @Dependency(app = \"library\", name = \"0001_nope\"))");
    Compilation c = compile(root, author(), book(BOOK_BODY), m1, orphan);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E017] The migration library.0002_orphan depends on library.0001_nope, which"
                + " does not exist.")
        .inFile(orphan)
        .onLineContaining("0001_nope");
  }

  @Test
  void noSourceRootToWriteInto() {
    // In-memory sources have no directory, and no -Amigrata.sourceRoot is given.
    JavaFileObject author = author();
    Compilation c = javac().withProcessors(new MigrataProcessor()).compile(author, book(BOOK_BODY));
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E018] Migrata cannot find the source directory to write the migration"
                + " library.0001_initial into. Pass the compiler option -Amigrata.sourceRoot=")
        .inFile(author)
        .onLineContaining("class Author");
  }

  @Test
  void migrationFileOutsideTheCompilationIsNotOverwritten() {
    // M0001_initial is on disk but not compiled, so the history is empty and 0001 is planned again.
    JavaFileObject author = author();
    Compilation c = compile(root, author, book(BOOK_BODY));
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E019] The migration file "
                + root.resolve("com/example/library/migrations/M0001_initial.java")
                + " already exists but is not part of this compilation")
        .inFile(author)
        .onLineContaining("class Author");
  }

  @Test
  void fileInTheWayOfTheMigrationsDirectory() throws IOException {
    Path other = root.resolve("other");
    Files.createDirectories(other.resolve("com/example/library"));
    Files.writeString(other.resolve("com/example/library/migrations"), "not a directory");
    JavaFileObject author = author();
    Compilation c = compile(other, author, book(BOOK_BODY));
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E020] Migrata could not write "
                + other.resolve("com/example/library/migrations/M0001_initial.java")
                + ": "
                + other.resolve("com/example/library/migrations")
                + " is not a directory. Check that the directory is writable.")
        .inFile(author)
        .onLineContaining("class Author");
  }

  @Test
  void deletedModelStillReferencedFromAnAppOutsideTheCompilation() throws IOException {
    // shop.Item points at library.Author; shop is compiled once, then only used as class files.
    JavaFileObject item =
        source(
            "com.example.shop.Item",
            "package com.example.shop;\nimport dev.migrata.annotations.*;\n"
                + "@Model public class Item {\n"
                + "  @ForeignKey(onDelete = OnDelete.CASCADE, nullable = true)"
                + " com.example.library.Author author;\n}\n");
    Path shopRoot = Files.createDirectories(root.resolve("shop"));
    Compilation shop = compile(shopRoot, author(), book(BOOK_BODY), item);
    assertThat(shop).succeeded();
    Path classes = root.resolve("classes");
    for (JavaFileObject f : shop.generatedFiles()) {
      String name = f.toUri().getPath();
      if (name.endsWith(".class") && name.contains("/com/example/shop/")) {
        Path target = classes.resolve(name.substring(name.indexOf("com/example/shop/")));
        Files.createDirectories(target.getParent());
        try (var in = f.openInputStream()) {
          Files.copy(in, target);
        }
      }
    }
    List<File> classpath = new ArrayList<>();
    classpath.add(classes.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    // Author is deleted; Book now points into shop, so shop's history is part of the project.
    JavaFileObject book =
        book(
            "  @Field(maxLength = 200) String title;\n"
                + "  @Field(nullable = true) LocalDate published;\n"
                + "  @ForeignKey(onDelete = OnDelete.CASCADE, nullable = true)"
                + " com.example.shop.Item item;\n");
    JavaFileObject shopM1 =
        source(
            MIGRATIONS + ".M0001_initial",
            Files.readString(
                shopRoot.resolve("com/example/library/migrations/M0001_initial.java")));
    Compilation c =
        javac()
            .withProcessors(new MigrataProcessor())
            .withClasspath(classpath)
            .withOptions("-Amigrata.sourceRoot=" + shopRoot)
            .compile(book, shopM1);
    assertThat(c).failed();
    // The model at fault is only a class file here, so the error has no source line.
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E004] The model Author of app 'library' is deleted, but Item.author still"
                + " points at it. Remove or re-point that relation in the same change, or keep the"
                + " model.");
  }

  @Test
  void unexpectedFailureIsOneErrorWithoutAStackTrace() {
    Compilation c = javac().withProcessors(new FailingRounds()).compile(author(), book(BOOK_BODY));
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E022] Migrata failed unexpectedly (java.lang.IllegalStateException: no"
                + " round). Please report this");
    assertThat(c).hadErrorCount(1);
  }

  /** The real processor, handed a round that breaks, as a bug in a later step would. */
  private static final class FailingRounds extends AbstractProcessor {
    private final MigrataProcessor migrata = new MigrataProcessor();

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      migrata.init(env);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return migrata.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (round.processingOver()) {
        return false;
      }
      RoundEnvironment broken =
          (RoundEnvironment)
              Proxy.newProxyInstance(
                  RoundEnvironment.class.getClassLoader(),
                  new Class<?>[] {RoundEnvironment.class},
                  (proxy, method, args) -> {
                    if (method.getName().equals("processingOver")) {
                      return false;
                    }
                    throw new IllegalStateException("no round");
                  });
      return migrata.process(annotations, broken);
    }
  }
}
