package dev.migrata.processor;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A list or map computed on first use. The replay cache's history holds every migration of the
 * replayed apps (thousands of index lines); a partial compile that plans nothing and finds the
 * index up to date never asks for them, so it should not parse them. The processor's classes run
 * interpreted in each compile (a build tool loads them afresh), where a loop over every line costs
 * milliseconds per thousand migrations.
 */
final class Lazily {
  private Lazily() {}

  /** An unmodifiable list whose elements come from {@code source} when first asked for. */
  static <E> List<E> list(Supplier<List<E>> source) {
    return new LazyList<>(source);
  }

  /** An unmodifiable map whose entries come from {@code source} when first asked for. */
  static <K, V> Map<K, V> map(Supplier<Map<K, V>> source) {
    return new LazyMap<>(source);
  }

  private static final class LazyList<E> extends AbstractList<E> {
    private Supplier<List<E>> source;
    private List<E> value;

    LazyList(Supplier<List<E>> source) {
      this.source = source;
    }

    private List<E> value() {
      if (value == null) {
        value = List.copyOf(source.get());
        source = null;
      }
      return value;
    }

    @Override
    public E get(int index) {
      return value().get(index);
    }

    @Override
    public int size() {
      return value().size();
    }
  }

  private static final class LazyMap<K, V> extends AbstractMap<K, V> {
    private Supplier<Map<K, V>> source;
    private Map<K, V> value;

    LazyMap(Supplier<Map<K, V>> source) {
      this.source = source;
    }

    private Map<K, V> value() {
      if (value == null) {
        value = source.get();
        source = null;
      }
      return value;
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
      return java.util.Collections.unmodifiableMap(value()).entrySet();
    }

    @Override
    public V get(Object key) {
      return value().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return value().containsKey(key);
    }

    @Override
    public int size() {
      return value().size();
    }
  }
}
