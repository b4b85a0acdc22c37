package dev.migrata.processor;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.state.Deconstructed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * A migration just written, in the form a later compile reads back from its source: every
 * annotation's attributes in their declaration order, as {@link MirrorDeconstructor} gives them.
 * The operations' {@code deconstruct()} order is the one the writer prints (Django's, {@code model}
 * before {@code name}); the runtime index and the checksum a history row records must not depend on
 * which of the two compiles produced them, or a migration applied right after it was generated
 * reads as changed after the next build.
 */
final class DeclaredOrder {
  private static final String PACKAGE = "dev.migrata.annotations.migration.";

  private final Elements elements;
  private final Map<String, Map<String, Integer>> positions = new HashMap<>();

  DeclaredOrder(Elements elements) {
    this.elements = elements;
  }

  /**
   * {@code m} with its operations in declaration order (Deconstructed's equality ignores order).
   */
  MigrationDefinition of(MigrationDefinition m) {
    List<Deconstructed> ops = m.deconstructedOperations();
    List<Deconstructed> ordered = new ArrayList<>(ops.size());
    for (Deconstructed op : ops) {
      ordered.add((Deconstructed) reorder(op));
    }
    return m.withOperations(ordered);
  }

  private Object reorder(Object value) {
    if (value instanceof List<?> list) {
      List<Object> result = new ArrayList<>(list.size());
      list.forEach(item -> result.add(reorder(item)));
      return result;
    }
    if (!(value instanceof Deconstructed d)) {
      return value;
    }
    Map<String, Integer> order = positions(d.type());
    List<Map.Entry<String, Object>> entries = new ArrayList<>(d.values().entrySet());
    if (!order.isEmpty()) {
      // Stable: an attribute no annotation declares keeps its place after the declared ones.
      entries.sort(
          (a, b) ->
              Integer.compare(
                  order.getOrDefault(a.getKey(), Integer.MAX_VALUE),
                  order.getOrDefault(b.getKey(), Integer.MAX_VALUE)));
    }
    Map<String, Object> values = new LinkedHashMap<>();
    entries.forEach(e -> values.put(e.getKey(), reorder(e.getValue())));
    return new Deconstructed(d.type(), values);
  }

  private Map<String, Integer> positions(String type) {
    return positions.computeIfAbsent(
        type == null ? "" : type,
        t -> {
          Map<String, Integer> result = new HashMap<>();
          TypeElement annotation = t.isEmpty() ? null : elements.getTypeElement(PACKAGE + t);
          if (annotation != null) {
            for (Element member : annotation.getEnclosedElements()) {
              if (member.getKind() == ElementKind.METHOD) {
                result.put(member.getSimpleName().toString(), result.size());
              }
            }
          }
          return result;
        });
  }
}
