package dev.migrata.internal.loader;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.internal.graph.MigrationGraph;
import dev.migrata.internal.migration.IndexTable;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationIndex;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.state.ProjectState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Django's MigrationLoader: the known migrations (from the index, never by scanning or loading
 * classes) and the applied history, combined into a {@link MigrationGraph}. Building it decodes no
 * operations; only planning and state replay do.
 */
public final class MigrationLoader {
  private static final String FIRST = "__first__";
  private static final String LATEST = "__latest__";

  private final Map<MigrationKey, MigrationDefinition> migrations = new LinkedHashMap<>();
  private final Set<MigrationKey> recorded;
  private final Set<MigrationKey> applied;
  private final MigrationGraph graph = new MigrationGraph();

  /** Where problems go instead of being thrown; null to throw (the runtime). */
  private final Consumer<LoadProblem> problems;

  private List<MigrationKey> cycle;

  /**
   * What is wrong with the known migrations, for a caller that reports rather than fails.
   *
   * @param migration the migration at fault (for a cycle: the first one of it)
   * @param reference the key it names that does not exist, or null
   */
  public record LoadProblem(
      ErrorCode code, MigrationKey migration, MigrationKey reference, String message) {}

  /**
   * @param definitions every known migration
   * @param recorded the history rows; empty for a fresh database
   * @param useReplacements whether squashes replace the migrations they list (false for sqlmigrate,
   *     so every migration is addressable)
   */
  public MigrationLoader(
      Collection<MigrationDefinition> definitions,
      Set<MigrationKey> recorded,
      boolean useReplacements) {
    this(definitions, recorded, useReplacements, null);
  }

  private MigrationLoader(
      Collection<MigrationDefinition> definitions,
      Set<MigrationKey> recorded,
      boolean useReplacements,
      Consumer<LoadProblem> problems) {
    this.problems = problems;
    for (MigrationDefinition d : definitions) {
      MigrationDefinition previous = migrations.putIfAbsent(d.key(), d);
      if (previous != null && !previous.className().equals(d.className())) {
        fail(
            new LoadProblem(
                ErrorCode.BAD_INDEX,
                d.key(),
                null,
                "Migration "
                    + d.key()
                    + " is defined twice, by "
                    + previous.className()
                    + " and "
                    + d.className()
                    + "."));
      }
    }
    this.recorded = Set.copyOf(recorded);
    this.applied = new LinkedHashSet<>(recorded);
    buildGraph(useReplacements);
  }

  /**
   * Django's {@code MigrationLoader(None)}, as {@code makemigrations} builds it: no database, so
   * every squash stands for the migrations it replaces, and each problem goes to {@code problems}
   * instead of being thrown. Dependencies on missing migrations are then dropped from the graph,
   * and a cyclic graph has no plan ({@link #planned()} is empty).
   */
  public static MigrationLoader withoutDatabase(
      Collection<MigrationDefinition> definitions, Consumer<LoadProblem> problems) {
    return new MigrationLoader(definitions, Set.of(), true, problems);
  }

  private void fail(LoadProblem problem) {
    if (problems == null) {
      throw new MigrataException(problem.code(), problem.message());
    }
    problems.accept(problem);
  }

  /** Every migration in the indexes on {@code classLoader}'s classpath. */
  public static List<MigrationDefinition> readIndex(ClassLoader classLoader) {
    try {
      return MigrationIndex.load(classLoader);
    } catch (IOException | RuntimeException e) {
      throw new MigrataException(
          ErrorCode.BAD_INDEX, "Cannot read the migration index: " + e.getMessage(), e);
    }
  }

  /** {@link #readIndex}'s index as a table, its definitions parsed when first asked for. */
  public static IndexTable readIndexTable(ClassLoader classLoader) {
    try {
      return IndexTable.load(classLoader);
    } catch (IOException | RuntimeException e) {
      throw new MigrataException(
          ErrorCode.BAD_INDEX, "Cannot read the migration index: " + e.getMessage(), e);
    }
  }

  private void buildGraph(boolean useReplacements) {
    for (MigrationDefinition m : migrations.values()) {
      graph.addNode(m);
    }
    // Same-app dependencies first, so __first__/__latest__ of other apps resolve on a full app.
    for (MigrationDefinition m : migrations.values()) {
      for (MigrationKey parent : m.dependencies()) {
        if (parent.app().equals(m.app()) && !parent.name().equals(FIRST)) {
          graph.addDependency(m.key(), m.key(), parent);
        }
      }
    }
    for (MigrationDefinition m : migrations.values()) {
      for (MigrationKey parent : m.dependencies()) {
        if (parent.app().equals(m.app())) {
          continue;
        }
        MigrationKey resolved = checkKey(parent, m.app());
        if (resolved != null) {
          graph.addDependency(m.key(), m.key(), resolved);
        }
      }
      for (MigrationKey child : m.runBefore()) {
        MigrationKey resolved = checkKey(child, m.app());
        if (resolved != null) {
          graph.addDependency(m.key(), resolved, m.key());
        }
      }
    }
    if (useReplacements) {
      for (MigrationDefinition m : migrations.values()) {
        if (m.replaces().isEmpty()) {
          continue;
        }
        boolean all = m.replaces().stream().allMatch(applied::contains);
        boolean none = m.replaces().stream().noneMatch(applied::contains);
        if (all) {
          applied.add(m.key());
        } else {
          applied.remove(m.key());
        }
        if (all || none) {
          graph.removeReplacedNodes(m.key(), m.replaces());
        } else {
          graph.removeReplacementNode(m.key(), m.replaces());
        }
      }
    }
    for (MigrationGraph.Missing m : graph.missing()) {
      fail(new LoadProblem(ErrorCode.NODE_NOT_FOUND, m.origin(), m.node(), m.message()));
    }
    graph.removeMissing();
    cycle = graph.findCycle();
    if (cycle != null) {
      List<String> names = cycle.stream().map(MigrationKey::toString).toList();
      fail(
          new LoadProblem(
              ErrorCode.CIRCULAR_DEPENDENCY,
              cycle.get(0),
              null,
              "Circular dependency between migrations: " + String.join(", ", names)));
    }
  }

  /**
   * Every migration in the order the runtime applies them to an empty database (the forwards plan
   * of all leaves); empty when the graph has a cycle.
   */
  public List<MigrationKey> planned() {
    return cycle != null ? List.of() : graph.forwardsPlan(graph.leafNodes());
  }

  /** Resolves {@code __first__}/{@code __latest__}; {@code null} when the reference is ignored. */
  private MigrationKey checkKey(MigrationKey key, String currentApp) {
    if ((!key.name().equals(FIRST) && !key.name().equals(LATEST)) || migrations.containsKey(key)) {
      return key;
    }
    if (key.app().equals(currentApp)) {
      return null;
    }
    List<MigrationKey> candidates =
        key.name().equals(FIRST) ? graph.rootNodes(key.app()) : graph.leafNodes(key.app());
    // An app without migrations is an unmigrated app: Django ignores the reference.
    return candidates.isEmpty() ? null : candidates.get(0);
  }

  public MigrationGraph graph() {
    return graph;
  }

  /** Applied migrations as the graph sees them (a squash counts once all it replaces are). */
  public Set<MigrationKey> applied() {
    return applied;
  }

  /** The history rows as recorded. */
  public Set<MigrationKey> recorded() {
    return recorded;
  }

  /** Apps that have migrations, sorted. */
  public Set<String> apps() {
    Set<String> apps = new java.util.TreeSet<>();
    for (MigrationKey k : migrations.keySet()) {
      apps.add(k.app());
    }
    return apps;
  }

  public MigrationDefinition get(MigrationKey key) {
    return migrations.get(key);
  }

  public Collection<MigrationDefinition> all() {
    return migrations.values();
  }

  /** The one migration of {@code app} whose name starts with {@code prefix}, as Django. */
  public MigrationDefinition byPrefix(String app, String prefix) {
    MigrationDefinition exact = migrations.get(new MigrationKey(app, prefix));
    if (exact != null) {
      return exact;
    }
    List<MigrationDefinition> found = new ArrayList<>();
    for (MigrationDefinition m : migrations.values()) {
      if (m.app().equals(app) && m.name().startsWith(prefix)) {
        found.add(m);
      }
    }
    if (found.size() > 1) {
      throw new MigrataException(
          ErrorCode.AMBIGUOUS_MIGRATION,
          "More than one migration matches '"
              + prefix
              + "' in app '"
              + app
              + "'. Please be more specific.");
    }
    if (found.isEmpty()) {
      throw new MigrataException(
          ErrorCode.UNKNOWN_MIGRATION,
          "Cannot find a migration matching '" + prefix + "' from app '" + app + "'.");
    }
    return found.get(0);
  }

  /** Apps with more than one leaf, with their leaf names sorted. */
  public Map<String, List<String>> conflicts() {
    Map<String, List<String>> byApp = new TreeMap<>();
    for (MigrationKey leaf : graph.leafNodes()) {
      byApp.computeIfAbsent(leaf.app(), a -> new ArrayList<>()).add(leaf.name());
    }
    byApp.values().removeIf(names -> names.size() < 2);
    return byApp;
  }

  /** Refuses two leaves in one app, with the fix (a merge migration). */
  public void checkConflicts() {
    Map<String, List<String>> conflicts = conflicts();
    if (conflicts.isEmpty()) {
      return;
    }
    List<String> parts = new ArrayList<>();
    conflicts.forEach((app, names) -> parts.add(String.join(", ", names) + " in " + app));
    throw new MigrataException(
        ErrorCode.CONFLICT,
        "Conflicting migrations detected; multiple leaf nodes in the migration graph: ("
            + String.join("; ", parts)
            + "). To fix them, compile with -Amigrata.merge=true to"
            + " write a merge migration.");
  }

  /** Django's check_consistent_history: no applied migration may miss an applied parent. */
  public void checkConsistentHistory() {
    for (MigrationKey key : new java.util.TreeSet<>(recorded)) {
      if (!graph.contains(key)) {
        continue;
      }
      for (MigrationKey parent : graph.parents(key)) {
        if (recorded.contains(parent)) {
          continue;
        }
        MigrationDefinition p = migrations.get(parent);
        if (p != null && !p.replaces().isEmpty() && recorded.containsAll(p.replaces())) {
          continue;
        }
        throw new MigrataException(
            ErrorCode.INCONSISTENT_HISTORY,
            "Migration " + key + " is applied before its dependency " + parent + ".");
      }
    }
  }

  /**
   * The state after (or, with {@code atEnd} false, before) {@code nodes}: replays stateForwards of
   * their forwards plans, linearly.
   */
  public ProjectState projectState(List<MigrationKey> nodes, boolean atEnd) {
    ProjectState state = new ProjectState();
    Set<MigrationKey> exclude = atEnd ? Set.of() : new HashSet<>(nodes);
    for (MigrationKey key : graph.forwardsPlan(nodes)) {
      if (!exclude.contains(key)) {
        graph.migration(key).mutateState(state);
      }
    }
    return state;
  }
}
