package dev.migrata.internal.state;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A model's fields: an immutable map in insertion order whose updates share structure with the map
 * they derive from. Replaying history adds, alters and removes one field per operation; with a
 * plain copy per operation a model growing to k fields costs O(k) per operation, so O(n²) for the
 * wide model of issue 16. Here each update copies one path of two balanced trees, O(log k).
 *
 * <p>Semantics are those of the {@code LinkedHashMap} copies it replaces: iteration in insertion
 * order, a put of an existing name keeps its position, {@link #equals} ignores order (as {@code
 * Map.equals} does). Each field has a sequence number fixed when its name first enters the map:
 * {@code byName} maps the name to it and {@code bySeq} orders the entries by it.
 */
final class FieldMap extends AbstractMap<String, FieldState> {
  static final FieldMap EMPTY = new FieldMap(null, null, 0, 0, 0, 0);

  private final Tree<String, Long> byName;
  private final Tree<Long, Map.Entry<String, FieldState>> bySeq;
  private final int size;
  private final long nextSeq;
  // Counts kept so that a rename can skip scanning a wide model with no such field.
  private final int generated;
  private final int relations;
  private Set<Map.Entry<String, FieldState>> entries;

  private FieldMap(
      Tree<String, Long> byName,
      Tree<Long, Map.Entry<String, FieldState>> bySeq,
      int size,
      long nextSeq,
      int generated,
      int relations) {
    this.byName = byName;
    this.bySeq = bySeq;
    this.size = size;
    this.nextSeq = nextSeq;
    this.generated = generated;
    this.relations = relations;
  }

  /** {@code fields} itself when it is already a field map (immutable), else an ordered copy. */
  static FieldMap of(Map<String, FieldState> fields) {
    if (fields instanceof FieldMap f) {
      return f;
    }
    if (fields.isEmpty()) {
      return EMPTY;
    }
    // Built at once, each tree balanced from its sorted entries: a model read from its source (the
    // wide model's thousand fields) would otherwise cost a thousand updates of two trees.
    List<Map.Entry<String, FieldState>> inOrder = new ArrayList<>(fields.size());
    List<Map.Entry<String, Long>> byName = new ArrayList<>(fields.size());
    int generated = 0;
    int relations = 0;
    for (Map.Entry<String, FieldState> e : fields.entrySet()) {
      FieldState field = e.getValue();
      byName.add(Map.entry(e.getKey(), (long) inOrder.size()));
      inOrder.add(Map.entry(e.getKey(), field));
      generated += field.isGenerated() ? 1 : 0;
      relations += field.isRelation() ? 1 : 0;
    }
    byName.sort(Map.Entry.comparingByKey());
    List<Map.Entry<Long, Map.Entry<String, FieldState>>> bySeq = new ArrayList<>(inOrder.size());
    for (int i = 0; i < inOrder.size(); i++) {
      bySeq.add(Map.entry((long) i, inOrder.get(i)));
    }
    return new FieldMap(
        Tree.balanced(byName, 0, byName.size()),
        Tree.balanced(bySeq, 0, bySeq.size()),
        inOrder.size(),
        inOrder.size(),
        generated,
        relations);
  }

  /** {@code field} under its name: at the end, or in place of the field of that name. */
  FieldMap with(FieldState field) {
    return putting(field.name(), field);
  }

  /**
   * The field named {@code oldName} replaced in place by {@code field}, which may have another
   * name. The result is the one the former rebuild of a {@code LinkedHashMap} gave, including when
   * {@code field}'s new name is already taken: taken before {@code oldName}, that entry gets {@code
   * field}; taken after it, that entry moves to {@code oldName}'s place keeping its value.
   */
  FieldMap replacing(String oldName, FieldState field) {
    Long oldSeq = Tree.get(byName, oldName);
    if (oldSeq == null) {
      return this;
    }
    String newName = field.name();
    if (newName.equals(oldName)) {
      return putting(newName, field);
    }
    Long takenSeq = Tree.get(byName, newName);
    if (takenSeq == null) {
      return without(oldName).putAt(newName, field, oldSeq);
    }
    if (takenSeq < oldSeq) {
      return without(oldName).putting(newName, field);
    }
    FieldState kept = Tree.get(bySeq, takenSeq).getValue();
    return without(oldName).without(newName).putAt(newName, kept, oldSeq);
  }

  /** Without the field named {@code name} (exactly); this map if there is none. */
  FieldMap without(String name) {
    Long seq = Tree.get(byName, name);
    if (seq == null) {
      return this;
    }
    FieldState old = Tree.get(bySeq, seq).getValue();
    return new FieldMap(
        Tree.remove(byName, name),
        Tree.remove(bySeq, seq),
        size - 1,
        nextSeq,
        generated - (old.isGenerated() ? 1 : 0),
        relations - (old.isRelation() ? 1 : 0));
  }

  boolean hasGenerated() {
    return generated > 0;
  }

  boolean hasRelations() {
    return relations > 0;
  }

  private FieldMap putting(String name, FieldState field) {
    Long seq = Tree.get(byName, name);
    if (seq != null) {
      FieldState old = Tree.get(bySeq, seq).getValue();
      return new FieldMap(
          byName,
          Tree.put(bySeq, seq, Map.entry(name, field)),
          size,
          nextSeq,
          generated - (old.isGenerated() ? 1 : 0) + (field.isGenerated() ? 1 : 0),
          relations - (old.isRelation() ? 1 : 0) + (field.isRelation() ? 1 : 0));
    }
    return putAt(name, field, nextSeq);
  }

  /** Adds {@code name}, absent from this map, at sequence number {@code seq}. */
  private FieldMap putAt(String name, FieldState field, long seq) {
    return new FieldMap(
        Tree.put(byName, name, seq),
        Tree.put(bySeq, seq, Map.entry(name, field)),
        size + 1,
        Math.max(nextSeq, seq + 1),
        generated + (field.isGenerated() ? 1 : 0),
        relations + (field.isRelation() ? 1 : 0));
  }

  @Override
  public FieldState get(Object key) {
    if (!(key instanceof String name)) {
      return null;
    }
    Long seq = Tree.get(byName, name);
    return seq == null ? null : Tree.get(bySeq, seq).getValue();
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String name && Tree.get(byName, name) != null;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || super.equals(o);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }

  @Override
  public Set<Map.Entry<String, FieldState>> entrySet() {
    if (entries == null) {
      entries =
          new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, FieldState>> iterator() {
              return Tree.values(bySeq);
            }

            @Override
            public int size() {
              return size;
            }
          };
    }
    return entries;
  }

  /**
   * A persistent AVL tree: every update returns a new root and copies only the nodes on the path to
   * the key; {@code null} is the empty tree.
   */
  private static final class Tree<K extends Comparable<K>, V> {
    final K key;
    final V value;
    final Tree<K, V> left;
    final Tree<K, V> right;
    final int height;

    private Tree(K key, V value, Tree<K, V> left, Tree<K, V> right) {
      this.key = key;
      this.value = value;
      this.left = left;
      this.right = right;
      this.height = Math.max(height(left), height(right)) + 1;
    }

    /**
     * A balanced tree of {@code sorted}'s entries {@code [from, to)}, in key order, keys distinct.
     */
    static <K extends Comparable<K>, V> Tree<K, V> balanced(
        List<Map.Entry<K, V>> sorted, int from, int to) {
      if (from >= to) {
        return null;
      }
      int mid = (from + to) >>> 1;
      Map.Entry<K, V> e = sorted.get(mid);
      return new Tree<>(
          e.getKey(), e.getValue(), balanced(sorted, from, mid), balanced(sorted, mid + 1, to));
    }

    static int height(Tree<?, ?> t) {
      return t == null ? 0 : t.height;
    }

    static <K extends Comparable<K>, V> V get(Tree<K, V> t, K key) {
      while (t != null) {
        int c = key.compareTo(t.key);
        if (c == 0) {
          return t.value;
        }
        t = c < 0 ? t.left : t.right;
      }
      return null;
    }

    static <K extends Comparable<K>, V> Tree<K, V> put(Tree<K, V> t, K key, V value) {
      if (t == null) {
        return new Tree<>(key, value, null, null);
      }
      int c = key.compareTo(t.key);
      if (c == 0) {
        return new Tree<>(key, value, t.left, t.right);
      }
      return c < 0
          ? balance(t.key, t.value, put(t.left, key, value), t.right)
          : balance(t.key, t.value, t.left, put(t.right, key, value));
    }

    static <K extends Comparable<K>, V> Tree<K, V> remove(Tree<K, V> t, K key) {
      if (t == null) {
        return null;
      }
      int c = key.compareTo(t.key);
      if (c < 0) {
        return balance(t.key, t.value, remove(t.left, key), t.right);
      }
      if (c > 0) {
        return balance(t.key, t.value, t.left, remove(t.right, key));
      }
      if (t.left == null) {
        return t.right;
      }
      if (t.right == null) {
        return t.left;
      }
      Tree<K, V> min = t.right;
      while (min.left != null) {
        min = min.left;
      }
      return balance(min.key, min.value, t.left, remove(t.right, min.key));
    }

    private static <K extends Comparable<K>, V> Tree<K, V> balance(
        K key, V value, Tree<K, V> left, Tree<K, V> right) {
      int diff = height(left) - height(right);
      if (diff > 1) {
        if (height(left.left) >= height(left.right)) {
          return new Tree<>(
              left.key, left.value, left.left, new Tree<>(key, value, left.right, right));
        }
        Tree<K, V> lr = left.right;
        return new Tree<>(
            lr.key,
            lr.value,
            new Tree<>(left.key, left.value, left.left, lr.left),
            new Tree<>(key, value, lr.right, right));
      }
      if (diff < -1) {
        if (height(right.right) >= height(right.left)) {
          return new Tree<>(
              right.key, right.value, new Tree<>(key, value, left, right.left), right.right);
        }
        Tree<K, V> rl = right.left;
        return new Tree<>(
            rl.key,
            rl.value,
            new Tree<>(key, value, left, rl.left),
            new Tree<>(right.key, right.value, rl.right, right.right));
      }
      return new Tree<>(key, value, left, right);
    }

    /** The values in key order. */
    static <K extends Comparable<K>, V> Iterator<V> values(Tree<K, V> root) {
      Deque<Tree<K, V>> path = new ArrayDeque<>();
      for (Tree<K, V> t = root; t != null; t = t.left) {
        path.push(t);
      }
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return !path.isEmpty();
        }

        @Override
        public V next() {
          if (path.isEmpty()) {
            throw new NoSuchElementException();
          }
          Tree<K, V> t = path.pop();
          for (Tree<K, V> c = t.right; c != null; c = c.left) {
            path.push(c);
          }
          return t.value;
        }
      };
    }
  }
}
