package dev.migrata.internal.state;

import java.util.List;

/**
 * A named index over fields (Java names; a leading {@code -} marks descending order).
 *
 * @param condition an SQL condition for a partial index, or {@code null}
 */
public record IndexState(String name, List<String> fields, boolean unique, String condition) {
  public IndexState {
    fields = List.copyOf(fields);
  }

  public IndexState withName(String newName) {
    return new IndexState(newName, fields, unique, condition);
  }

  public Deconstructed deconstruct() {
    return Deconstructed.builder("IndexDef")
        .put("name", name)
        .put("fields", fields)
        .bool("unique", unique, false)
        .string("condition", condition)
        .build();
  }

  public static IndexState reconstruct(Deconstructed d) {
    String condition = d.string("condition", "");
    return new IndexState(
        d.string("name", null),
        d.strings("fields"),
        d.bool("unique", false),
        condition.isEmpty() ? null : condition);
  }
}
