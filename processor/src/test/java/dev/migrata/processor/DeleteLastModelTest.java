package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deleting an app's last model (issue 8, #7): with no model left, the source root comes from the
 * app's package-info, its migration sources, or another app of the compile. Sources are real files
 * and no -Amigrata.sourceRoot is passed, as in a Maven build.
 */
class DeleteLastModelTest {
  private static final String LIB = "com/example/library/";

  @TempDir Path root;

  @BeforeEach
  void initial() {
    write(
        LIB + "Book.java",
        "package com.example.library;\nimport dev.migrata.annotations.*;\n"
            + "@Model public class Book { @Field(maxLength = 20) String title; }\n");
    write(
        LIB + "package-info.java",
        "@dev.migrata.annotations.App(\"library\")\npackage com.example.library;\n");
    assertThat(compile(LIB + "Book.java", LIB + "package-info.java")).succeeded();
    assertThat(migrations()).containsExactly("M0001_initial.java");
    delete(LIB + "Book.java");
  }

  @Test
  void fromTheAppsMigrationSources() {
    Compilation c = compile(LIB + "migrations/M0001_initial.java");
    assertThat(c).succeeded();
    assertDeleted();
  }

  @Test
  void fromThePackageInfo() {
    Compilation c = compile(LIB + "package-info.java", LIB + "migrations/M0001_initial.java");
    assertThat(c).succeeded();
    assertDeleted();
  }

  @Test
  void fromAnotherAppOfTheCompile() {
    write(
        "com/example/shop/Item.java",
        "package com.example.shop;\nimport dev.migrata.annotations.*;\n"
            + "@Model public class Item { @Field int count; }\n");
    Compilation c =
        compile(
            "com/example/shop/Item.java",
            LIB + "package-info.java",
            LIB + "migrations/M0001_initial.java");
    assertThat(c).succeeded();
    assertDeleted();
    assertThat(Files.exists(root.resolve("com/example/shop/migrations/M0001_initial.java")))
        .isTrue();
  }

  private void assertDeleted() {
    assertThat(migrations()).containsExactly("M0001_initial.java", "M0002_delete_book.java");
    assertThat(read(LIB + "migrations/M0002_delete_book.java")).contains("DELETE_MODEL");
  }

  private Compilation compile(String... paths) {
    JavaFileObject[] sources =
        Arrays.stream(paths).map(p -> fileObject(root.resolve(p))).toArray(JavaFileObject[]::new);
    return javac().withProcessors(new MigrataProcessor()).compile(sources);
  }

  private static JavaFileObject fileObject(Path path) {
    try {
      return JavaFileObjects.forResource(path.toUri().toURL());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  private String[] migrations() {
    String[] names = root.resolve(LIB + "migrations").toFile().list();
    Arrays.sort(names);
    return names;
  }

  private void write(String path, String text) {
    try {
      Files.createDirectories(root.resolve(path).getParent());
      Files.writeString(root.resolve(path), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String read(String path) {
    try {
      return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void delete(String path) {
    try {
      Files.delete(root.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
