package dev.migrata.processor;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.writer.MigrationWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;

/**
 * What becomes of a round's planned (and linted) migrations: with {@code migrata.check} one error
 * that lists them, with {@code migrata.dryRun} a note each and the models touched, otherwise their
 * source files written under the source root, each reported. Keeps what it wrote for the index.
 */
final class PlannedOutput {
  private static final long STALE_AHEAD_MILLIS = 5_000;

  private final Elements elements;
  private final Reporter reporter;
  private final Options options;
  private final SourceRootLocator sourceRoots;
  private final MigrationFiles files;

  /** The user's sources of this compile: where the source root is when an app has no model. */
  private final List<Element> userSources;

  /** The migrations this compile wrote, by app. */
  private final Map<String, List<MigrationDefinition>> written = new TreeMap<>();

  private final DeclaredOrder declaredOrder;

  PlannedOutput(
      Elements elements,
      Reporter reporter,
      Options options,
      SourceRootLocator sourceRoots,
      MigrationFiles files,
      List<Element> userSources) {
    this.elements = elements;
    this.declaredOrder = new DeclaredOrder(elements);
    this.reporter = reporter;
    this.options = options;
    this.sourceRoots = sourceRoots;
    this.files = files;
    this.userSources = userSources;
  }

  /** The migrations this compile wrote, by app. */
  Map<String, List<MigrationDefinition>> written() {
    return written;
  }

  /** Reports (check, dry run) or writes the round's planned migrations. */
  void emit(List<MigrationToWrite> toWrite) {
    if (options.check()) {
      reportUnmigrated(toWrite);
      return;
    }
    for (MigrationToWrite m : toWrite) {
      if (options.dryRun()) {
        reporter.report(Problem.WOULD_WRITE, element(m), m.label(), describe(m));
      }
    }
    if (options.dryRun()) {
      markModelsChanged(toWrite);
      return;
    }
    write(toWrite);
  }

  /**
   * Maven and IDEs compile only what changed since the last build. A dry run compiles the models
   * without writing their migration, so the next build would skip javac (and this processor) and
   * never write what the dry run reported. Touching the models' sources (their text is unchanged)
   * makes the next build compile them, and plan the migration, again. The time is set a little
   * ahead because javac writes this build's class files after the processor runs, and a source is
   * only stale when it is newer than its class file.
   */
  private void markModelsChanged(List<MigrationToWrite> planned) {
    FileTime now = FileTime.fromMillis(System.currentTimeMillis() + STALE_AHEAD_MILLIS);
    for (MigrationToWrite m : planned) {
      for (ModelDeclaration model : m.models()) {
        Path source = sourceRoots.sourceFile(model.element());
        if (source == null) {
          continue;
        }
        try {
          Files.setLastModifiedTime(source, now);
        } catch (IOException | UnsupportedOperationException e) {
          // Read-only sources: the next build may need a clean compile to write the migration.
        }
      }
    }
  }

  /** Writes every planned migration, or none when a check fails first. */
  private void write(List<MigrationToWrite> planned) {
    Map<MigrationToWrite, Path> targets = new LinkedHashMap<>();
    for (MigrationToWrite m : planned) {
      Path root = sourceRoots.locate(rootCandidates(m));
      if (root == null) {
        reporter.report(Problem.SOURCE_ROOT_UNKNOWN, element(m), m.label());
        continue;
      }
      Path target =
          root.resolve(m.app().migrationsPackage().replace('.', '/'))
              .resolve(m.simpleClassName() + ".java");
      if (files.canWrite(target, element(m))) {
        targets.put(m, target);
      }
    }
    if (reporter.hasErrors()) {
      return;
    }
    for (Map.Entry<MigrationToWrite, Path> e : targets.entrySet()) {
      MigrationToWrite m = e.getKey();
      String text =
          MigrationWriter.write(
              m.app().migrationsPackage(),
              m.simpleClassName(),
              m.definition().deconstruct(),
              m.operations());
      Element[] originating =
          m.models().stream().map(ModelDeclaration::element).toArray(Element[]::new);
      if (files.write(m.qualifiedClassName(), text, e.getValue(), element(m), originating)) {
        written
            .computeIfAbsent(m.app().label(), a -> new ArrayList<>())
            .add(declaredOrder.of(m.definition()));
        reportWritten(m, e.getValue());
      }
    }
  }

  /**
   * Where to look for the source root: the app's models; when it has none left (its last model was
   * deleted), its package-info, its migrations, then any other source of this compile.
   */
  private List<Element> rootCandidates(MigrationToWrite m) {
    List<Element> result = new ArrayList<>();
    m.models().forEach(d -> result.add(d.element()));
    PackageElement pkg = elements.getPackageElement(m.app().packageName());
    if (pkg != null) {
      result.add(pkg);
    }
    List<Element> others = new ArrayList<>();
    for (Element e : userSources) {
      if (sourceRoots.isGenerated(e)) {
        continue; // A stale Filer copy would make the output directory look like the source root.
      }
      String name = elements.getPackageOf(e).getQualifiedName().toString();
      (name.equals(m.app().migrationsPackage()) ? result : others).add(e);
    }
    result.addAll(others);
    return result;
  }

  /** A merge migration has no operations to describe; its note names the leaves it joins. */
  private void reportWritten(MigrationToWrite m, Path target) {
    if (m.operations().isEmpty() && m.definition().dependencies().size() > 1) {
      List<String> leaves = m.definition().dependencies().stream().map(Object::toString).toList();
      reporter.report(Problem.MERGE_WRITTEN, null, m.label(), target, String.join(" and ", leaves));
    } else {
      reporter.report(Problem.MIGRATION_WRITTEN, null, m.label(), target, describe(m));
    }
  }

  private void reportUnmigrated(List<MigrationToWrite> planned) {
    if (planned.isEmpty()) {
      return;
    }
    StringBuilder labels = new StringBuilder();
    StringBuilder details = new StringBuilder();
    for (MigrationToWrite m : planned) {
      if (labels.length() > 0) {
        labels.append(", ");
      }
      labels.append('\'').append(m.app().label()).append('\'');
      details.append("\nMigrations for '").append(m.app().label()).append("':");
      details.append("\n  ").append(m.label());
      // As Django's makemigrations --check lists them: "+ Add field ...", "- Remove field ...".
      m.operations().forEach(op -> details.append("\n    ").append(OperationSymbol.line(op)));
    }
    reporter.report(
        Problem.CHANGES_NOT_MIGRATED, element(planned.get(0)), labels, details.toString());
  }

  private static Element element(MigrationToWrite m) {
    return m.models().isEmpty() ? null : m.models().get(0).element();
  }

  private static String describe(MigrationToWrite m) {
    List<String> lines = m.operations().stream().map(op -> op.describe()).toList();
    return String.join("; ", lines);
  }
}
