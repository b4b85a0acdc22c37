package dev.migrata.processor;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.state.ProjectState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.TypeElement;

/**
 * Rebuilds the state the existing migrations describe: orders them as the runtime's graph would
 * (dependencies first, ties by {@code app.name} so the order is deterministic) and runs each
 * operation's {@code stateForwards} once, linearly. The operations are the runtime's own classes,
 * so what is replayed here is exactly what the runtime applies.
 */
final class HistoryReplayer {
  /**
   * The replayed history of the loaded apps; {@code migrations} lists per app every migration read,
   * in replay order, each squash preceded by the migrations it replaces (not replayed themselves).
   */
  record History(
      ProjectState state,
      Map<String, List<MigrationKey>> leaves,
      Map<String, List<MigrationDefinition>> migrations) {

    /** The single leaf of {@code app}, or null when it has no migrations (or conflicts). */
    MigrationKey leaf(String app) {
      List<MigrationKey> l = leaves.getOrDefault(app, List.of());
      return l.size() == 1 ? l.get(0) : null;
    }
  }

  private final Reporter reporter;

  HistoryReplayer(Reporter reporter) {
    this.reporter = reporter;
  }

  History replay(Map<String, List<MigrationReader.Found>> byApp) {
    Map<MigrationKey, MigrationReader.Found> nodes = new TreeMap<>();
    for (List<MigrationReader.Found> found : byApp.values()) {
      for (MigrationReader.Found f : found) {
        nodes.put(f.definition().key(), f);
      }
    }
    // A squash stands for the migrations it replaces: with no database to ask, none of them is
    // applied, so the squash is used and dependencies on replaced migrations point at it.
    Map<MigrationKey, MigrationKey> replacedBy = new HashMap<>();
    for (MigrationReader.Found f : nodes.values()) {
      for (MigrationKey replaced : f.definition().replaces()) {
        replacedBy.put(replaced, f.definition().key());
      }
    }
    // The replaced migrations stay in the index: a database that applied only some of them needs
    // them (the runtime's loader then uses them instead of the squash).
    Map<MigrationKey, MigrationReader.Found> replaced = new HashMap<>();
    for (MigrationKey key : replacedBy.keySet()) {
      MigrationReader.Found f = nodes.remove(key);
      if (f != null) {
        replaced.put(key, f);
      }
    }

    Map<MigrationKey, Set<MigrationKey>> parents = new HashMap<>();
    Map<MigrationKey, Set<MigrationKey>> children = new HashMap<>();
    for (MigrationReader.Found f : nodes.values()) {
      MigrationKey key = f.definition().key();
      parents.computeIfAbsent(key, k -> new TreeSet<>());
      children.computeIfAbsent(key, k -> new TreeSet<>());
    }
    for (MigrationReader.Found f : nodes.values()) {
      MigrationKey key = f.definition().key();
      List<MigrationKey> deps = new ArrayList<>(f.definition().dependencies());
      for (MigrationKey dep : deps) {
        MigrationKey target = replacedBy.getOrDefault(dep, dep);
        if (target.equals(key)) {
          continue;
        }
        if (!nodes.containsKey(target)) {
          if (byApp.containsKey(target.app())) {
            reporter.report(Problem.MISSING_DEPENDENCY, f.element(), key, target);
          }
          // Another module's app that this compile does not know: nothing to replay from it.
          continue;
        }
        parents.get(key).add(target);
        children.get(target).add(key);
      }
      for (MigrationKey before : f.definition().runBefore()) {
        MigrationKey target = replacedBy.getOrDefault(before, before);
        if (nodes.containsKey(target)) {
          parents.get(target).add(key);
          children.get(key).add(target);
        }
      }
    }

    Map<String, List<MigrationKey>> leaves = new TreeMap<>();
    for (MigrationKey key : nodes.keySet()) {
      boolean hasChildInApp =
          children.get(key).stream().anyMatch(c -> c.app().equals(key.app()));
      if (!hasChildInApp) {
        leaves.computeIfAbsent(key.app(), a -> new ArrayList<>()).add(key);
      }
    }

    List<MigrationKey> order = topologicalOrder(nodes, parents, children);
    ProjectState state = new ProjectState();
    Map<String, List<MigrationDefinition>> migrations = new LinkedHashMap<>();
    Set<String> brokenApps = new HashSet<>();
    for (MigrationKey key : order) {
      MigrationReader.Found f = nodes.get(key);
      List<MigrationDefinition> appMigrations =
          migrations.computeIfAbsent(key.app(), a -> new ArrayList<>());
      for (MigrationKey original : f.definition().replaces()) {
        MigrationReader.Found o = replaced.remove(original);
        if (o != null) {
          appMigrations.add(o.definition());
        }
      }
      appMigrations.add(f.definition());
      if (brokenApps.contains(key.app())) {
        continue;
      }
      try {
        f.definition().mutateState(state);
      } catch (RuntimeException e) {
        brokenApps.add(key.app());
        reporter.report(Problem.INVALID_MIGRATION, f.element(), key, sentence(e));
      }
    }
    return new History(state, leaves, migrations);
  }

  /** The {@code @Migration} class of {@code key}, for diagnostics. */
  static TypeElement element(Map<String, List<MigrationReader.Found>> byApp, MigrationKey key) {
    for (MigrationReader.Found f : byApp.getOrDefault(key.app(), List.of())) {
      if (f.definition().key().equals(key)) {
        return f.element();
      }
    }
    return null;
  }

  private List<MigrationKey> topologicalOrder(
      Map<MigrationKey, MigrationReader.Found> nodes,
      Map<MigrationKey, Set<MigrationKey>> parents,
      Map<MigrationKey, Set<MigrationKey>> children) {
    Map<MigrationKey, Integer> pending = new HashMap<>();
    PriorityQueue<MigrationKey> ready = new PriorityQueue<>();
    for (MigrationKey key : nodes.keySet()) {
      pending.put(key, parents.get(key).size());
      if (parents.get(key).isEmpty()) {
        ready.add(key);
      }
    }
    List<MigrationKey> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      MigrationKey key = ready.poll();
      order.add(key);
      for (MigrationKey child : children.get(key)) {
        if (pending.merge(child, -1, Integer::sum) == 0) {
          ready.add(child);
        }
      }
    }
    if (order.size() < nodes.size()) {
      for (MigrationKey key : nodes.keySet()) {
        if (!order.contains(key)) {
          reporter.report(
              Problem.INVALID_MIGRATION,
              nodes.get(key).element(),
              key,
              "it is part of a circular dependency.");
          break;
        }
      }
    }
    return order;
  }

  private static String sentence(RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.endsWith(".") ? message : message + ".";
  }
}
