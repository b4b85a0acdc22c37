package dev.migrata.processor;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.JavaFileObject;

/**
 * The dual write of DESIGN-NOTES fact 2: the new migration goes through the {@link Filer}, so
 * this very build compiles it (and its jar contains it), and the identical text goes into the
 * source tree with {@code CREATE_NEW}, to be committed. A committed file is never overwritten, and
 * an in-memory guard stops a later round from writing the same migration again. The Filer copy is
 * deleted when processing is over, so the next build does not see the class twice.
 */
final class MigrationFiles {
  private final Filer filer;
  private final Reporter reporter;
  private final Set<String> written = new HashSet<>();
  private final List<JavaFileObject> filerCopies = new ArrayList<>();

  MigrationFiles(Filer filer, Reporter reporter) {
    this.filer = filer;
    this.reporter = reporter;
  }

  /** Checks, before anything is written, that the source file can be created. */
  boolean canWrite(Path target, Element element) {
    if (Files.exists(target)) {
      reporter.report(Problem.MIGRATION_FILE_EXISTS, element, target);
      return false;
    }
    return true;
  }

  /** Writes both copies; returns false (after reporting) when either fails. */
  boolean write(
      String qualifiedName, String text, Path target, Element element, Element... originating) {
    if (!written.add(qualifiedName)) {
      return true;
    }
    Path filerPath = null;
    try {
      JavaFileObject file = filer.createSourceFile(qualifiedName, originating);
      try (Writer out = file.openWriter()) {
        out.write(text);
      }
      filerPath = pathOf(file);
      if (!target.equals(filerPath)) {
        filerCopies.add(file);
      }
    } catch (IOException | RuntimeException e) {
      reporter.report(Problem.WRITE_FAILED, element, qualifiedName, e.getMessage());
      return false;
    }
    if (target.equals(filerPath)) {
      // The Filer writes into the source tree itself (-s pointing there): one copy is enough.
      return true;
    }
    try {
      Files.createDirectories(target.getParent());
      Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      return true;
    } catch (FileAlreadyExistsException e) {
      if (Files.exists(target)) {
        reporter.report(Problem.MIGRATION_FILE_EXISTS, element, target);
      } else {
        // createDirectories says the same when a plain file stands where a directory should be.
        reporter.report(Problem.WRITE_FAILED, element, target, e.getFile() + " is not a directory");
      }
    } catch (IOException | RuntimeException e) {
      reporter.report(Problem.WRITE_FAILED, element, target, e.getMessage());
    }
    return false;
  }

  /** Deletes the Filer copies: javac has parsed them, and the source tree holds the originals. */
  void processingOver() {
    for (JavaFileObject file : filerCopies) {
      // javac's Filer objects refuse delete(), so the plain file is removed; an in-memory file
      // manager (tests) has no file to remove, and nothing depends on it there.
      Path path = pathOf(file);
      try {
        if (path != null) {
          Files.deleteIfExists(path);
        } else {
          file.delete();
        }
      } catch (IOException | RuntimeException e) {
        // A leftover copy only costs a duplicate-class warning in a non-clean build.
      }
    }
    filerCopies.clear();
  }

  private static Path pathOf(JavaFileObject file) {
    try {
      if ("file".equalsIgnoreCase(file.toUri().getScheme())) {
        return Paths.get(file.toUri()).toAbsolutePath();
      }
    } catch (RuntimeException e) {
      // Not a plain file.
    }
    return null;
  }
}
