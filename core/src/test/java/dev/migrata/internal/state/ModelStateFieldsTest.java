package dev.migrata.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ModelState's field changes share structure instead of copying every field (issue 16); these tests
 * pin that they mean exactly what the former {@code LinkedHashMap} copies meant: the same order,
 * the same result when a rename collides, order-insensitive equality, and earlier states left
 * untouched.
 */
class ModelStateFieldsTest {
  private static final String[] NAMES = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};

  @Test
  void randomChangesMatchTheLinkedHashMapCopiesTheyReplace() {
    Random random = new Random(16);
    for (int round = 0; round < 200; round++) {
      ModelState model = ModelState.of("app", "Wide", List.of(FieldState.autoId()));
      Map<String, FieldState> expected = new LinkedHashMap<>(model.fields());
      List<ModelState> versions = new ArrayList<>();
      List<List<Map.Entry<String, FieldState>>> snapshots = new ArrayList<>();
      for (int step = 0; step < 60; step++) {
        FieldState field = randomField(random);
        switch (random.nextInt(3)) {
          case 0 -> {
            model = model.withField(field);
            expected.put(field.name(), field);
          }
          case 1 -> {
            String old = NAMES[random.nextInt(NAMES.length)];
            model = model.replaceField(old, field);
            expected = replacedTheOldWay(expected, old, field);
          }
          default -> {
            String name = NAMES[random.nextInt(NAMES.length)];
            model = model.withoutField(name);
            expected.remove(name);
          }
        }
        assertSameFields(model, expected);
        versions.add(model);
        // Copied entries: a LinkedHashMap's own entries change with later puts.
        snapshots.add(
            expected.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
      }
      for (int v = 0; v < versions.size(); v++) {
        assertThat(List.copyOf(versions.get(v).fields().entrySet()))
            .as("state %d left as it was", v)
            .isEqualTo(snapshots.get(v));
      }
    }
  }

  @Test
  void aModelBuiltAtOnceMatchesTheLinkedHashMapItIsBuiltFrom() {
    Random random = new Random(161);
    for (int round = 0; round < 300; round++) {
      Map<String, FieldState> expected = new LinkedHashMap<>();
      int count = random.nextInt(NAMES.length + 1);
      while (expected.size() < count) {
        FieldState field = randomField(random);
        expected.putIfAbsent(field.name(), field);
      }
      ModelState model = ModelState.of("app", "Wide", List.copyOf(expected.values()));
      assertSameFields(model, expected);
      // Later changes of a map built at once: its trees must be ones the updates accept.
      for (int step = 0; step < 30; step++) {
        FieldState field = randomField(random);
        String name = NAMES[random.nextInt(NAMES.length)];
        switch (random.nextInt(3)) {
          case 0 -> {
            model = model.withField(field);
            expected.put(field.name(), field);
          }
          case 1 -> {
            model = model.replaceField(name, field);
            expected = replacedTheOldWay(expected, name, field);
          }
          default -> {
            model = model.withoutField(name);
            expected.remove(name);
          }
        }
        assertSameFields(model, expected);
      }
    }
  }

  @Test
  void equalityIgnoresFieldOrderAsMapEqualityDoes() {
    FieldState a = FieldState.builder("a", "IntegerField").build();
    FieldState b = FieldState.builder("b", "IntegerField").build();
    ModelState ab = ModelState.of("app", "M", List.of(a, b));
    ModelState ba = ModelState.of("app", "M", List.of(b, a));
    assertThat(ab).isEqualTo(ba).hasSameHashCodeAs(ba);
    assertThat(ab.fields()).isEqualTo(Map.of("a", a, "b", b));
    assertThat(ab.fields().toString()).isEqualTo("{a=" + a + ", b=" + b + "}");
    assertThat(ab.withoutField("b")).isNotEqualTo(ab);
  }

  @Test
  void fieldsCannotBeChangedThroughTheMap() {
    ModelState m = ModelState.of("app", "M", List.of(FieldState.autoId()));
    assertThatThrownBy(() -> m.fields().put("x", FieldState.autoId()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.fields().remove("id"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.fields().entrySet().iterator().next().setValue(null))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aWideModelKeepsItsOrderThroughThousandsOfChanges() {
    ModelState m = ModelState.of("app", "Wide", List.of(FieldState.autoId()));
    for (int i = 0; i < 5000; i++) {
      m = m.withField(FieldState.builder("f" + i, "CharField").maxLength(10).build());
      m = m.replaceField("f" + i, FieldState.builder("f" + i, "CharField").maxLength(20).build());
    }
    for (int i = 0; i < 5000; i += 2) {
      m = m.withoutField("f" + i);
    }
    List<String> names = new ArrayList<>(m.fields().keySet());
    assertThat(names).hasSize(2501).startsWith("id", "f1", "f3").endsWith("f4997", "f4999");
    assertThat(m.field("f4999").maxLength()).isEqualTo(20);
    assertThat(m.field("F4999")).isSameAs(m.field("f4999"));
    assertThat(m.field("f0")).isNull();
  }

  private static FieldState randomField(Random random) {
    String name = NAMES[random.nextInt(NAMES.length)];
    return switch (random.nextInt(4)) {
      case 0 -> FieldState.builder(name, "ForeignKey").to("app.other").onDelete("CASCADE").build();
      case 1 -> FieldState.builder(name, "IntegerField").generated("1 + 1", true).build();
      default -> FieldState.builder(name, "CharField").maxLength(random.nextInt(100) + 1).build();
    };
  }

  /** ModelState.replaceField as it was written before the fields were shared. */
  private static Map<String, FieldState> replacedTheOldWay(
      Map<String, FieldState> fields, String oldName, FieldState field) {
    Map<String, FieldState> map = new LinkedHashMap<>();
    for (Map.Entry<String, FieldState> e : fields.entrySet()) {
      if (e.getKey().equals(oldName)) {
        map.put(field.name(), field);
      } else {
        map.put(e.getKey(), e.getValue());
      }
    }
    return map;
  }

  private static void assertSameFields(ModelState model, Map<String, FieldState> expected) {
    assertThat(List.copyOf(model.fields().entrySet()))
        .containsExactlyElementsOf(List.copyOf(expected.entrySet()));
    assertThat(model.fields()).isEqualTo(expected).hasSameHashCodeAs(expected);
    assertThat(model.fields().size()).isEqualTo(expected.size());
    for (String name : NAMES) {
      assertThat(model.fields().get(name)).isEqualTo(expected.get(name));
      assertThat(model.fields().containsKey(name)).isEqualTo(expected.containsKey(name));
    }
    assertThat(model.hasGeneratedFields())
        .isEqualTo(expected.values().stream().anyMatch(FieldState::isGenerated));
    assertThat(model.hasRelations())
        .isEqualTo(expected.values().stream().anyMatch(FieldState::isRelation));
  }
}
