package dev.migrata.internal.optimizer;

import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.Reduction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Django 5.2's MigrationOptimizer: folds a list of operations into a shorter equivalent by asking
 * each pair {@link Operation#reduce}. Repeats passes until nothing changes. A later operation may
 * merge with an earlier one across the operations between them (a "right" reduction) while each
 * of those lets it pass; once one of them is a boundary, the merge may still happen on the left,
 * in front of them, if every operation between lets the later one through ({@code true}).
 */
public final class Optimizer {
  private int iterations;

  /** The optimized form of {@code operations} for {@code app}. */
  public static List<Operation> optimize(List<Operation> operations, String app) {
    return new Optimizer().run(operations, app);
  }

  /** The passes the last {@link #run} took (1 when nothing could be reduced). */
  public int iterations() {
    return iterations;
  }

  /** Runs the optimizer, counting passes. */
  public List<Operation> run(List<Operation> operations, String app) {
    Objects.requireNonNull(app, "app");
    iterations = 0;
    List<Operation> current = List.copyOf(operations);
    while (true) {
      List<Operation> next = optimizeInner(current, app);
      iterations++;
      if (next.equals(current)) {
        return next;
      }
      current = next;
    }
  }

  private static List<Operation> optimizeInner(List<Operation> operations, String app) {
    List<Operation> result = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      Operation operation = operations.get(i);
      boolean right = true;
      boolean kept = false;
      List<Operation> rest = operations.subList(i + 1, operations.size());
      for (int j = 0; j < rest.size() && !kept; j++) {
        Operation other = rest.get(j);
        Reduction reduction = operation.reduce(other, app);
        if (reduction.isReplacement()) {
          List<Operation> between = rest.subList(0, j);
          List<Operation> moved = right ? null : leftMovable(between, other, app);
          if (right) {
            result.addAll(between);
            result.addAll(reduction.operations());
          } else if (moved != null) {
            // Left reduction: the merged operation moves in front of those in between, which
            // then see the model or field under the name the later operation gave it.
            result.addAll(reduction.operations());
            result.addAll(moved);
          } else {
            // Keep this one and go on with the next.
            result.add(operation);
            kept = true;
            continue;
          }
          result.addAll(rest.subList(j + 1, rest.size()));
          return result;
        } else if (!reduction.allowsThrough()) {
          right = false;
        }
      }
      if (!kept) {
        result.add(operation);
      }
    }
    return result;
  }

  /**
   * The operations between a pair as they read once the later one has moved in front of them,
   * or null when one of them does not let it through or cannot be re-pointed.
   */
  private static List<Operation> leftMovable(List<Operation> between, Operation other, String app) {
    if (!between.stream().allMatch(op -> op.reduce(other, app).allowsThrough())) {
      return null;
    }
    return MovedReferences.repoint(between, other, app);
  }
}
