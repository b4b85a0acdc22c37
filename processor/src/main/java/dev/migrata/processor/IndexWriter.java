package dev.migrata.processor;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationIndex;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.annotation.processing.Filer;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the runtime's index ({@link MigrationIndex#RESOURCE}) into the class output: every
 * migration of every app this compile processed, plus, in a partial compile, the entries of apps it
 * did not see, read back from the index the previous compile left there. An app's
 * {@code @App(mysqlOnlineDdl = true)} travels in its migrations' flags, so the runtime needs no app
 * annotation.
 */
final class IndexWriter {
  private final Filer filer;
  private final Elements elements;
  private final Reporter reporter;

  IndexWriter(Filer filer, Elements elements, Reporter reporter) {
    this.filer = filer;
    this.elements = elements;
    this.reporter = reporter;
  }

  /** Whether {@code app}'s {@code @App} says {@code mysqlOnlineDdl = true}. */
  static boolean asksOnlineDdl(AppInfo app, Elements elements) {
    PackageElement pkg = elements.getPackageElement(app.packageName());
    AnnotationMirror mirror = pkg == null ? null : Mirrors.find(pkg, AppResolver.APP);
    AnnotationValue value = mirror == null ? null : Mirrors.value(mirror, "mysqlOnlineDdl");
    return value != null && Boolean.TRUE.equals(value.getValue());
  }

  /**
   * Writes the index: {@code byApp}'s migrations, with those of {@code onlineDdlApps} marked as
   * asking for MySQL's online DDL, and the entries of other apps as the previous index had them. A
   * class output that already holds these very bytes is left as it is (no Filer write: javac and
   * build tools do not delete a resource a compile did not write). Returns whether the index now
   * holds {@code byApp}'s migrations only (no other app's entries were carried over).
   */
  boolean write(Map<String, List<MigrationDefinition>> byApp, Set<String> onlineDdlApps) {
    Map<String, List<MigrationDefinition>> all = new TreeMap<>();
    String previous = previousText();
    boolean onlyThese = true;
    for (MigrationDefinition m : existing(previous)) {
      if (byApp.containsKey(m.app())) {
        continue;
      }
      // Its source and class were deleted since (issue 8 #4): the runtime could not load it.
      if (elements.getTypeElement(m.className()) == null) {
        reporter.report(Problem.INDEXED_MIGRATION_GONE, null, m.key(), m.className());
        continue;
      }
      all.computeIfAbsent(m.app(), a -> new ArrayList<>()).add(m);
      onlyThese = false;
    }
    all.putAll(byApp);
    List<MigrationDefinition> lines = new ArrayList<>();
    for (List<MigrationDefinition> list : all.values()) {
      lines.addAll(list);
    }
    String text = MigrationIndex.write(lines, onlineDdlApps);
    if (text.equals(previous)) {
      return onlyThese;
    }
    try {
      FileObject file =
          filer.createResource(StandardLocation.CLASS_OUTPUT, "", MigrationIndex.RESOURCE);
      try (Writer out = file.openWriter()) {
        out.write(text);
      }
    } catch (IOException | RuntimeException e) {
      reporter.report(Problem.WRITE_FAILED, null, MigrationIndex.RESOURCE, e.getMessage());
    }
    return onlyThese;
  }

  /**
   * The index file's size, modification time and file key, or null when it is not a plain file:
   * what tells a later compile that the index is still the one this compile left.
   */
  String stamp() {
    try {
      FileObject file =
          filer.getResource(StandardLocation.CLASS_OUTPUT, "", MigrationIndex.RESOURCE);
      URI uri = file.toUri();
      if (!"file".equalsIgnoreCase(uri.getScheme())) {
        return null;
      }
      BasicFileAttributes a = Files.readAttributes(Paths.get(uri), BasicFileAttributes.class);
      return a.size() + " " + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + " " + a.fileKey();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The previous compile's index text, or null. */
  private String previousText() {
    try {
      FileObject file =
          filer.getResource(StandardLocation.CLASS_OUTPUT, "", MigrationIndex.RESOURCE);
      return file.getCharContent(true).toString();
    } catch (IOException | RuntimeException e) {
      return null; // No index yet (a clean build).
    }
  }

  private static List<MigrationDefinition> existing(String text) {
    if (text == null) {
      return List.of();
    }
    try {
      return MigrationIndex.read(text, MigrationIndex.RESOURCE);
    } catch (RuntimeException e) {
      // An unreadable index: this compile's apps are all there is.
      return List.of();
    }
  }
}
