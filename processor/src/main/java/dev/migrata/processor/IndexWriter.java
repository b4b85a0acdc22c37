package dev.migrata.processor;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationIndex;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
   * asking for MySQL's online DDL, and the entries of other apps as the previous index had them.
   */
  void write(Map<String, List<MigrationDefinition>> byApp, Set<String> onlineDdlApps) {
    Map<String, List<MigrationDefinition>> all = new TreeMap<>();
    for (MigrationDefinition m : existing()) {
      if (byApp.containsKey(m.app())) {
        continue;
      }
      // Its source and class were deleted since (issue 8 #4): the runtime could not load it.
      if (elements.getTypeElement(m.className()) == null) {
        reporter.report(Problem.INDEXED_MIGRATION_GONE, null, m.key(), m.className());
        continue;
      }
      all.computeIfAbsent(m.app(), a -> new ArrayList<>()).add(m);
    }
    all.putAll(byApp);
    List<MigrationDefinition> lines = new ArrayList<>();
    all.values().forEach(lines::addAll);
    try {
      FileObject file =
          filer.createResource(StandardLocation.CLASS_OUTPUT, "", MigrationIndex.RESOURCE);
      try (Writer out = file.openWriter()) {
        out.write(MigrationIndex.write(lines, onlineDdlApps));
      }
    } catch (IOException | RuntimeException e) {
      reporter.report(Problem.WRITE_FAILED, null, MigrationIndex.RESOURCE, e.getMessage());
    }
  }

  private List<MigrationDefinition> existing() {
    try {
      FileObject file =
          filer.getResource(StandardLocation.CLASS_OUTPUT, "", MigrationIndex.RESOURCE);
      String text = file.getCharContent(true).toString();
      return MigrationIndex.read(text, file.toUri().toString());
    } catch (IOException | RuntimeException e) {
      // No index yet (a clean build) or an unreadable one: this compile's apps are all there is.
      return List.of();
    }
  }
}
