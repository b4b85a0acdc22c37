package dev.migrata.internal.graph;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Django's MigrationGraph: migrations as nodes, dependencies as edges (parents come first), with
 * placeholder nodes for missing dependencies ({@link #missing}). Everything iterates in sorted
 * order, so plans are deterministic and equal Django's.
 */
public final class MigrationGraph {
  private final Map<MigrationKey, Node> nodes = new HashMap<>();

  /**
   * The nodes in key order, built once per shape of the graph: a new sorted set per call made every
   * root/leaf lookup O(N log N) at startup. Cleared by every change of the node set.
   */
  private List<Node> sortedNodes;

  private static final class Node {
    final MigrationKey key;
    final MigrationDefinition migration;
    final TreeSet<MigrationKey> parents = new TreeSet<>();
    final TreeSet<MigrationKey> children = new TreeSet<>();

    /** For a placeholder: why it exists. */
    final Missing missing;

    Node(MigrationKey key, MigrationDefinition migration, Missing missing) {
      this.key = key;
      this.migration = migration;
      this.missing = missing;
    }
  }

  /**
   * A placeholder: {@code origin} names {@code node} (as a dependency, or with {@code childNode} as
   * a run-before) and no migration has that key.
   */
  public record Missing(MigrationKey origin, MigrationKey node, boolean childNode) {
    /** Django's NodeNotFoundError wording. */
    public String message() {
      return "Migration "
          + origin
          + " dependencies reference nonexistent "
          + (childNode ? "child" : "parent")
          + " node "
          + repr(node);
    }
  }

  public void addNode(MigrationDefinition migration) {
    sortedNodes = null;
    nodes.put(migration.key(), new Node(migration.key(), migration, null));
  }

  /** {@code child} depends on {@code parent}; {@code origin} is the migration that said so. */
  public void addDependency(MigrationKey origin, MigrationKey child, MigrationKey parent) {
    if (!nodes.containsKey(child) || !nodes.containsKey(parent)) {
      sortedNodes = null;
    }
    if (!nodes.containsKey(child)) {
      nodes.put(child, new Node(child, null, new Missing(origin, child, true)));
    }
    if (!nodes.containsKey(parent)) {
      nodes.put(parent, new Node(parent, null, new Missing(origin, parent, false)));
    }
    nodes.get(child).parents.add(parent);
    nodes.get(parent).children.add(child);
  }

  private static String repr(MigrationKey key) {
    return "('" + key.app() + "', '" + key.name() + "')";
  }

  /**
   * A squash is usable: its replaced nodes vanish and their edges point at the squash instead
   * (Django's remove_replaced_nodes).
   */
  public void removeReplacedNodes(MigrationKey replacement, List<MigrationKey> replaced) {
    sortedNodes = null;
    Node squash = nodes.get(replacement);
    Set<MigrationKey> gone = new HashSet<>(replaced);
    for (MigrationKey key : replaced) {
      Node node = nodes.remove(key);
      if (node == null) {
        continue;
      }
      for (MigrationKey child : node.children) {
        Node c = nodes.get(child);
        if (c == null) {
          continue;
        }
        c.parents.remove(key);
        if (!gone.contains(child)) {
          squash.children.add(child);
          c.parents.add(replacement);
        }
      }
      for (MigrationKey parent : node.parents) {
        Node p = nodes.get(parent);
        if (p == null) {
          continue;
        }
        p.children.remove(key);
        if (!gone.contains(parent)) {
          squash.parents.add(parent);
          p.children.add(replacement);
        }
      }
    }
  }

  /**
   * A squash is partly applied and cannot be used: it vanishes and its children depend on the last
   * replaced nodes instead (Django's remove_replacement_node).
   */
  public void removeReplacementNode(MigrationKey replacement, List<MigrationKey> replaced) {
    sortedNodes = null;
    Node squash = nodes.remove(replacement);
    Set<MigrationKey> last = new TreeSet<>();
    Set<MigrationKey> parentsOfReplaced = new HashSet<>();
    for (MigrationKey key : replaced) {
      Node node = nodes.get(key);
      if (node != null) {
        last.add(key);
        parentsOfReplaced.addAll(node.parents);
      }
    }
    last.removeAll(parentsOfReplaced);
    for (MigrationKey child : squash.children) {
      Node c = nodes.get(child);
      c.parents.remove(replacement);
      for (MigrationKey r : last) {
        nodes.get(r).children.add(child);
        c.parents.add(r);
      }
    }
    for (MigrationKey parent : squash.parents) {
      Node p = nodes.get(parent);
      if (p != null) {
        p.children.remove(replacement);
      }
    }
  }

  /** The placeholders left by dependencies on migrations that do not exist, sorted. */
  public List<Missing> missing() {
    List<Missing> result = new ArrayList<>();
    for (Node n : sorted()) {
      if (n.missing != null) {
        result.add(n.missing);
      }
    }
    return result;
  }

  /**
   * Drops the placeholders and their edges, so that a graph whose problems are reported rather than
   * thrown (at compile time) still plans what does exist.
   */
  public void removeMissing() {
    List<Missing> missing = missing();
    if (!missing.isEmpty()) {
      sortedNodes = null;
    }
    for (Missing m : missing) {
      Node node = nodes.remove(m.node());
      for (MigrationKey child : node.children) {
        Node c = nodes.get(child);
        if (c != null) {
          c.parents.remove(node.key);
        }
      }
      for (MigrationKey parent : node.parents) {
        Node p = nodes.get(parent);
        if (p != null) {
          p.children.remove(node.key);
        }
      }
    }
  }

  /** The first cycle Django's ensure_not_cyclic meets, in edge order; null when there is none. */
  public List<MigrationKey> findCycle() {
    // The sorted node list and a visited set rather than a sorted copy of every key to poll from.
    Set<MigrationKey> visited = new HashSet<>();
    for (Node startNode : sorted()) {
      MigrationKey start = startNode.key;
      if (!visited.add(start)) {
        continue;
      }
      List<MigrationKey> stack = new ArrayList<>();
      // The stack's members, so the cycle test per edge is O(1): with a list search a chain of N
      // migrations cost O(N^2) at every start-up (measured: bench/README.md).
      Set<MigrationKey> onStack = new HashSet<>();
      stack.add(start);
      onStack.add(start);
      while (!stack.isEmpty()) {
        MigrationKey top = stack.get(stack.size() - 1);
        boolean descended = false;
        for (MigrationKey child : nodes.get(top).children) {
          if (onStack.contains(child)) {
            return List.copyOf(stack.subList(stack.indexOf(child), stack.size()));
          }
          if (visited.add(child)) {
            stack.add(child);
            onStack.add(child);
            descended = true;
            break;
          }
        }
        if (!descended) {
          onStack.remove(stack.remove(stack.size() - 1));
        }
      }
    }
    return null;
  }

  private List<Node> sorted() {
    if (sortedNodes == null) {
      // The keys' natural order, not a comparator: no lambda class spun in each fresh loader.
      List<MigrationKey> keys = new ArrayList<>(nodes.keySet());
      keys.sort(null);
      List<Node> list = new ArrayList<>(keys.size());
      for (MigrationKey key : keys) {
        list.add(nodes.get(key));
      }
      sortedNodes = list;
    }
    return sortedNodes;
  }

  public boolean contains(MigrationKey key) {
    Node n = nodes.get(key);
    return n != null && n.migration != null;
  }

  public MigrationDefinition migration(MigrationKey key) {
    Node n = nodes.get(key);
    return n == null ? null : n.migration;
  }

  public Set<MigrationKey> keys() {
    return new TreeSet<>(nodes.keySet());
  }

  public Set<MigrationKey> parents(MigrationKey key) {
    return node(key).parents;
  }

  public Set<MigrationKey> children(MigrationKey key) {
    return node(key).children;
  }

  private Node node(MigrationKey key) {
    Node n = nodes.get(key);
    if (n == null) {
      throw new MigrataException(
          ErrorCode.NODE_NOT_FOUND, "Node " + repr(key) + " not a valid node");
    }
    return n;
  }

  /** Every ancestor of {@code target}, then the target: the order to apply them. */
  public List<MigrationKey> forwardsPlan(MigrationKey target) {
    return iterativeDfs(node(target), true);
  }

  /** Every descendant of {@code target}, then the target: the order to unapply them. */
  public List<MigrationKey> backwardsPlan(MigrationKey target) {
    return iterativeDfs(node(target), false);
  }

  /**
   * Django's iterative DFS: the sorted parents are pushed on a stack, so siblings are visited in
   * reverse-sorted order, exactly as Django plans them.
   */
  private List<MigrationKey> iterativeDfs(Node start, boolean forwards) {
    List<MigrationKey> visited = new ArrayList<>();
    Set<MigrationKey> seen = new HashSet<>();
    Deque<Object[]> stack = new ArrayDeque<>();
    stack.push(new Object[] {start, false});
    while (!stack.isEmpty()) {
      Object[] top = stack.pop();
      Node node = (Node) top[0];
      boolean processed = (Boolean) top[1];
      if (seen.contains(node.key)) {
        continue;
      }
      if (processed) {
        seen.add(node.key);
        visited.add(node.key);
      } else {
        stack.push(new Object[] {node, true});
        for (MigrationKey next : forwards ? node.parents : node.children) {
          stack.push(new Object[] {nodes.get(next), false});
        }
      }
    }
    return visited;
  }

  /** Nodes with no parent in their own app (cross-app edges ignored, as Django), sorted. */
  public List<MigrationKey> rootNodes(String app) {
    List<MigrationKey> result = new ArrayList<>();
    for (Node n : sorted()) {
      if ((app == null || n.key.app().equals(app)) && noneInApp(n.parents, n.key.app())) {
        result.add(n.key);
      }
    }
    return result;
  }

  /** Nodes with no child in their own app, sorted; {@code null} app for every app. */
  public List<MigrationKey> leafNodes(String app) {
    List<MigrationKey> result = new ArrayList<>();
    for (Node n : sorted()) {
      if ((app == null || n.key.app().equals(app)) && noneInApp(n.children, n.key.app())) {
        result.add(n.key);
      }
    }
    return result;
  }

  // Loops rather than streams here and in the other startup paths: each lambda costs its bootstrap
  // in the cold JVM of a no-op startup.
  private static boolean noneInApp(Set<MigrationKey> keys, String app) {
    for (MigrationKey k : keys) {
      if (k.app().equals(app)) {
        return false;
      }
    }
    return true;
  }

  public List<MigrationKey> leafNodes() {
    return leafNodes(null);
  }

  /** The apps with nodes, sorted. */
  public Set<String> apps() {
    Set<String> apps = new TreeSet<>();
    for (MigrationKey k : nodes.keySet()) {
      apps.add(k.app());
    }
    return apps;
  }

  /** The union of the forwards plans of {@code targets}, in order, without repeats. */
  public List<MigrationKey> forwardsPlan(List<MigrationKey> targets) {
    Set<MigrationKey> plan = new LinkedHashSet<>();
    for (MigrationKey t : targets) {
      plan.addAll(forwardsPlan(t));
    }
    return new ArrayList<>(plan);
  }

  @Override
  public String toString() {
    int edges = nodes.values().stream().mapToInt(n -> n.parents.size()).sum();
    return "Graph: " + nodes.size() + " nodes, " + edges + " edges";
  }
}
