package dev.migrata.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;

/** compile-testing runs of the processor with the source root in a temporary directory. */
final class Compiling {
  private Compiling() {}

  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  static Compilation compile(Path sourceRoot, List<String> options, JavaFileObject... sources) {
    List<String> all = new ArrayList<>();
    all.add("-Amigrata.sourceRoot=" + sourceRoot);
    all.addAll(options);
    return javac().withProcessors(new MigrataProcessor()).withOptions(all).compile(sources);
  }

  static Compilation compile(Path sourceRoot, JavaFileObject... sources) {
    return compile(sourceRoot, List.of(), sources);
  }

  /** The migration written into the source root, as text. */
  static String written(Path sourceRoot, String packageName, String className) {
    try {
      return Files.readString(
          sourceRoot.resolve(packageName.replace('.', '/')).resolve(className + ".java"),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The migration files in the source root's package directory, sorted. */
  static List<String> files(Path sourceRoot, String packageName) {
    Path dir = sourceRoot.resolve(packageName.replace('.', '/'));
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    String[] names = dir.toFile().list();
    Arrays.sort(names);
    return List.of(names);
  }

  /** A migration file from the source root as a compile-testing source. */
  static JavaFileObject migration(Path sourceRoot, String packageName, String className) {
    return source(packageName + "." + className, written(sourceRoot, packageName, className));
  }
}
