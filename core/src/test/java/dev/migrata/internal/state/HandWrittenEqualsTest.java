package dev.migrata.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The state records whose {@code equals} and {@code hashCode} are written by hand (the generated
 * ones are bootstrapped per class loader) keep the generated ones' contract: every component
 * counts, and the hash is the generated one's value, so hashed collections keep their order. A
 * component added later without updating them fails here.
 */
class HandWrittenEqualsTest {

  @Test
  void fieldStateComparesEveryComponentAndHashesAsARecord() throws Exception {
    FieldState base =
        FieldState.builder("title", "CharField").maxLength(10).column("title_col").build();
    assertEveryComponentCounts(base, Map.of("orm", new OrmOptions("x", false, true, false, false)));
  }

  @Test
  void modelStateComparesEveryComponentAndHashesAsARecord() throws Exception {
    ModelState base =
        new ModelState(
            "shop",
            "item",
            Map.of("id", FieldState.autoId()),
            List.of(),
            List.of(),
            "shop_item",
            null,
            true,
            ModelOptions.NONE,
            List.of(),
            false);
    assertEveryComponentCounts(
        base,
        Map.of(
            "fields",
            Map.of(
                "id",
                FieldState.autoId(),
                "title",
                FieldState.builder("title", "TextField").build()),
            "options",
            new ModelOptions("Item", null, List.of())));
  }

  @Test
  void modelOptionsComparesEveryComponentAndHashesAsARecord() throws Exception {
    assertEveryComponentCounts(new ModelOptions("Item", "Items", List.of("name")), Map.of());
  }

  private static <R extends Record> void assertEveryComponentCounts(
      R base, Map<String, Object> otherValues) throws Exception {
    RecordComponent[] components = base.getClass().getRecordComponents();
    List<Object> values = new ArrayList<>();
    Class<?>[] types = new Class<?>[components.length];
    int expectedHash = 0;
    for (int i = 0; i < components.length; i++) {
      Object v = components[i].getAccessor().invoke(base);
      values.add(v);
      types[i] = components[i].getType();
      expectedHash = 31 * expectedHash + Objects.hashCode(v);
    }
    Constructor<?> canonical = base.getClass().getDeclaredConstructor(types);
    Object same = canonical.newInstance(values.toArray());
    assertThat(same).isEqualTo(base).hasSameHashCodeAs(base);
    assertThat(base.hashCode()).isEqualTo(expectedHash);
    assertThat(base).isNotEqualTo(null).isNotEqualTo("not a state");
    for (int i = 0; i < components.length; i++) {
      List<Object> changed = new ArrayList<>(values);
      String name = components[i].getName();
      Object other =
          otherValues.containsKey(name)
              ? otherValues.get(name)
              : different(types[i], values.get(i));
      changed.set(i, other);
      Object differing = canonical.newInstance(changed.toArray());
      assertThat(components[i].getAccessor().invoke(differing))
          .as(name)
          .isNotEqualTo(values.get(i));
      assertThat(differing).as(name).isNotEqualTo(base);
      assertThat(base).as(name).isNotEqualTo(differing);
    }
  }

  private static Object different(Class<?> type, Object value) {
    if (type == boolean.class) {
      return !(Boolean) value;
    }
    if (type == Integer.class) {
      return value == null ? 1 : (Integer) value + 1;
    }
    if (type == String.class) {
      return value == null ? "x" : value + "x";
    }
    if (type == List.class) {
      return ((List<?>) value).isEmpty() ? List.of("zz") : List.of();
    }
    throw new AssertionError("no other value for " + type);
  }
}
