package dev.migrata.processor;

import dev.migrata.migration.MigrationDefinition;
import dev.migrata.migration.MigrationKey;
import dev.migrata.operations.Operation;
import dev.migrata.state.Deconstructed;
import dev.migrata.state.FieldState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.TypeElement;

/**
 * The compile-time pipeline for a set of apps: current models, replayed history, autodetected
 * changes, then names and dependencies (Django's {@code arrange_for_graph}). It only plans; the
 * processor decides whether to write, check or report.
 */
final class MigrationPlanner {
  /** What one planning pass found. */
  record Plan(
      List<PlannedMigration> migrations,
      Map<String, List<MigrationDefinition>> existing) {}

  private final AppResolver apps;
  private final ModelReader models;
  private final MigrationReader migrations;
  private final HistoryReplayer replayer;
  private final Autodetector autodetector;
  private final Reporter reporter;
  private final Options options;

  MigrationPlanner(
      AppResolver apps,
      ModelReader models,
      MigrationReader migrations,
      Reporter reporter,
      Options options) {
    this.apps = apps;
    this.models = models;
    this.migrations = migrations;
    this.replayer = new HistoryReplayer(reporter);
    this.autodetector = new Autodetector(reporter);
    this.reporter = reporter;
    this.options = options;
  }

  Plan plan(List<AppInfo> targets) {
    Map<String, AppInfo> byLabel = new TreeMap<>();
    Map<String, List<ModelDeclaration>> current = new TreeMap<>();
    for (AppInfo app : targets) {
      byLabel.put(app.label(), app);
      current.put(app.label(), models.read(app));
    }
    // Other apps matter for their history only: a foreign key into them depends on their leaf.
    Map<String, AppInfo> known = new TreeMap<>(byLabel);
    for (List<ModelDeclaration> decls : current.values()) {
      for (ModelDeclaration d : decls) {
        for (FieldState f : d.state().fields().values()) {
          if (f.isRelation() && !known.containsKey(f.toApp())) {
            AppInfo other = apps.byLabel(f.toApp());
            if (other != null) {
              known.put(other.label(), other);
            }
          }
        }
      }
    }
    Map<String, List<MigrationReader.Found>> found = new TreeMap<>();
    for (AppInfo app : known.values()) {
      found.put(app.label(), migrations.read(app));
    }
    HistoryReplayer.History history = replayer.replay(found);

    Map<String, Autodetector.Change> changes = new TreeMap<>();
    for (AppInfo app : byLabel.values()) {
      List<MigrationKey> leaves = history.leaves().getOrDefault(app.label(), List.of());
      if (leaves.size() > 1) {
        TypeElement at = HistoryReplayer.element(found, leaves.get(leaves.size() - 1));
        List<String> names = leaves.stream().map(MigrationKey::name).toList();
        reporter.report(
            Problem.CONFLICTING_LEAVES,
            at,
            app.label(),
            String.join(" and ", names));
        continue;
      }
      if (current.get(app.label()).isEmpty() && leaves.isEmpty()) {
        continue;
      }
      Autodetector.Change change =
          autodetector.detect(app.label(), history.state(), current.get(app.label()));
      if (change != null) {
        changes.put(app.label(), change);
      }
    }

    Map<String, List<MigrationDefinition>> existing = new TreeMap<>();
    for (AppInfo app : byLabel.values()) {
      existing.put(app.label(), history.migrations().getOrDefault(app.label(), List.of()));
    }
    List<PlannedMigration> planned = new ArrayList<>();
    Map<String, MigrationKey> generated = new LinkedHashMap<>();
    for (String label : dependencyOrder(changes)) {
      Autodetector.Change change = changes.get(label);
      AppInfo app = byLabel.get(label);
      MigrationKey leaf = history.leaf(label);
      String name =
          MigrationNamer.name(leaf, leaf == null, options.name(), change.operations());
      Set<MigrationKey> deps = new TreeSet<>();
      if (leaf != null) {
        deps.add(leaf);
      }
      for (String other : change.dependsOnApps()) {
        MigrationKey dep = generated.containsKey(other) ? generated.get(other) : history.leaf(other);
        if (dep != null) {
          deps.add(dep);
        }
      }
      MigrationKey key = new MigrationKey(label, name);
      generated.put(label, key);
      List<Deconstructed> ops = change.operations().stream().map(Operation::deconstruct).toList();
      MigrationDefinition definition =
          new MigrationDefinition(
              key,
              app.migrationsPackage() + "." + MigrationNamer.className(name),
              new ArrayList<>(deps),
              List.of(),
              List.of(),
              leaf == null,
              true,
              () -> ops);
      planned.add(new PlannedMigration(app, definition, change.operations(), current.get(label)));
    }
    return new Plan(planned, existing);
  }

  /** Apps whose new migration others depend on come first; ties (and cycles) by label. */
  private static List<String> dependencyOrder(Map<String, Autodetector.Change> changes) {
    List<String> order = new ArrayList<>();
    Set<String> remaining = new TreeSet<>(changes.keySet());
    while (!remaining.isEmpty()) {
      String next = null;
      for (String label : remaining) {
        boolean ready = true;
        for (String dep : changes.get(label).dependsOnApps()) {
          if (remaining.contains(dep)) {
            ready = false;
          }
        }
        if (ready) {
          next = label;
          break;
        }
      }
      if (next == null) {
        next = remaining.iterator().next();
      }
      remaining.remove(next);
      order.add(next);
    }
    return order;
  }
}
