package dev.migrata.internal.state;

import java.util.List;

/**
 * A named constraint: unique over {@code fields} (optionally partial with {@code condition}), or
 * a check when {@code check} is set.
 */
public record ConstraintState(String name, List<String> fields, String condition, String check) {
  public ConstraintState {
    fields = List.copyOf(fields);
  }

  public static ConstraintState unique(String name, List<String> fields, String condition) {
    return new ConstraintState(name, fields, condition, null);
  }

  public static ConstraintState check(String name, String check) {
    return new ConstraintState(name, List.of(), null, check);
  }

  public boolean isCheck() {
    return check != null;
  }

  public Deconstructed deconstruct() {
    return Deconstructed.builder("ConstraintDef")
        .put("name", name)
        .strings("fields", fields)
        .string("condition", condition)
        .string("check", check)
        .build();
  }

  public static ConstraintState reconstruct(Deconstructed d) {
    String condition = d.string("condition", "");
    String check = d.string("check", "");
    return new ConstraintState(
        d.string("name", null),
        d.strings("fields"),
        condition.isEmpty() ? null : condition,
        check.isEmpty() ? null : check);
  }
}
