package dev.migrata.processor;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The migration sources of the source root, for {@link HistoryFingerprint}. What a full replay
 * takes from them depends on whether javac can read them:
 *
 * <ul>
 *   <li>When it can (the root is on the source path, or on the class path without a source path),
 *       javac may compile a source newer than its class file and replay that: each source is listed
 *       with its size and time, so an edit is a miss.
 *   <li>When it cannot (an IDE's or a build tool's partial compile: the class output is the class
 *       path, no source path), javac reads the class files, which {@link HistoryFingerprint} lists;
 *       the sources matter only for being there ({@link DeletedMigrations} drops a migration whose
 *       source is gone), so their names are listed without a {@code stat} each.
 * </ul>
 *
 * Which of the two is asked of javac on every compile (the answer is part of the listing, so a
 * compile that reads the sources never takes a history stored by one that did not).
 */
final class MigrationSources {
  private final Filer filer;

  MigrationSources(Filer filer) {
    this.filer = filer;
  }

  /**
   * Appends the {@code .java} files of {@code dir}, the sources of {@code pkg}, to {@code out}. The
   * names come from {@link File#list()}, the directory's own order as a {@code DirectoryStream}
   * gives it, as strings: no {@code Path} made and taken apart per entry (half of the listing's
   * cost, thousands of entries on every compile).
   */
  void list(String pkg, Path dir, StringBuilder out) {
    List<String> names = new ArrayList<>();
    String[] all;
    try {
      all = dir.toFile().list();
    } catch (RuntimeException e) {
      all = null;
    }
    if (all == null) {
      out.append("absent\n"); // No such directory, or it cannot be read.
      return;
    }
    for (String name : all) {
      add(name, names);
    }
    if (names.isEmpty()) {
      return;
    }
    if (javacReads(pkg, names.get(0))) {
      out.append("read by javac\n");
      HistoryFingerprint.list(dir, ".java", out);
      return;
    }
    out.append("names\n");
    for (String name : names) {
      out.append(name).append('\n');
    }
  }

  /** A method of its own, called per file, for the JIT (see {@link HistoryFingerprint#list}). */
  private static void add(String name, List<String> names) {
    if (name.endsWith(".java")) {
      names.add(name);
    }
  }

  /**
   * Whether javac finds {@code pkg/name} where it looks for sources: the source path, else the
   * class path. A file found on the class path while a source path is set is counted too, and a
   * compiler that answers in an unexpected way counts as reading them: either only costs the {@code
   * stat}s.
   */
  private boolean javacReads(String pkg, String name) {
    return finds(StandardLocation.SOURCE_PATH, pkg, name)
        || finds(StandardLocation.CLASS_PATH, pkg, name);
  }

  private boolean finds(StandardLocation location, String pkg, String name) {
    try {
      FileObject file = filer.getResource(location, pkg, name);
      URI uri = file.toUri();
      return !"file".equalsIgnoreCase(uri.getScheme()) || Files.exists(Paths.get(uri));
    } catch (FileNotFoundException e) {
      return false; // javac: no such file there, or no such location.
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }
}
