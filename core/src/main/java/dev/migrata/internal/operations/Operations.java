package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rebuilds operations from their annotation form ({@code @Op}), by {@link OpKind}. */
public final class Operations {
  private Operations() {}

  /**
   * The operation {@code op} describes.
   *
   * @throws IllegalArgumentException naming what is wrong when the annotation is incomplete
   */
  public static Operation reconstruct(Deconstructed op) {
    String kind = op.string("kind", "");
    OpKind spec = OpKind.byName(kind);
    if (spec == null) {
      throw new IllegalArgumentException("Unknown operation kind '" + kind + "'.");
    }
    return spec.reconstruct(op);
  }

  /**
   * Every operation of a migration, in order: a run of consecutive {@code scope = DATABASE} and
   * {@code scope = STATE} operations becomes one {@link SeparateDatabaseAndState}.
   */
  public static List<Operation> reconstruct(List<Deconstructed> ops) {
    List<Operation> result = new ArrayList<>();
    List<Operation> database = new ArrayList<>();
    List<Operation> state = new ArrayList<>();
    for (Deconstructed op : ops) {
      String scope = op.string("scope", "BOTH");
      if (scope.equals("DATABASE")) {
        database.add(reconstruct(op));
      } else if (scope.equals("STATE")) {
        state.add(reconstruct(op));
      } else {
        flush(result, database, state);
        result.add(reconstruct(op));
      }
    }
    flush(result, database, state);
    return result;
  }

  private static void flush(List<Operation> result, List<Operation> database, List<Operation> state) {
    if (!database.isEmpty() || !state.isEmpty()) {
      result.add(new SeparateDatabaseAndState(database, state));
      database.clear();
      state.clear();
    }
  }

  /** The annotation form of a migration's operations (the inverse of {@link #reconstruct(List)}). */
  public static List<Deconstructed> deconstruct(List<Operation> ops) {
    List<Deconstructed> result = new ArrayList<>();
    for (Operation op : ops) {
      if (op instanceof SeparateDatabaseAndState s) {
        for (Operation d : s.databaseOperations()) {
          result.add(scoped(d.deconstruct(), "DATABASE"));
        }
        for (Operation st : s.stateOperations()) {
          result.add(scoped(st.deconstruct(), "STATE"));
        }
      } else {
        result.add(op.deconstruct());
      }
    }
    return result;
  }

  /** {@code op} with {@code scope} set, right after {@code kind} as the annotation declares it. */
  private static Deconstructed scoped(Deconstructed op, String scope) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : op.values().entrySet()) {
      values.put(e.getKey(), e.getValue());
      if (e.getKey().equals("kind")) {
        values.put("scope", scope);
      }
    }
    return new Deconstructed(op.type(), values);
  }
}
