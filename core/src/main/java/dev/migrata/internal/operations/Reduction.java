package dev.migrata.internal.operations;

import java.util.List;

/**
 * What {@link Operation#reduce} answers, as Django's {@code reduce()}: either replacement
 * operations (possibly none: the two cancel out), or whether the later operation may be optimized
 * across this one ({@code True}) or not ({@code False}, a boundary). Python returns a list or a
 * bool; Java needs the three cases spelled out.
 */
public final class Reduction {
  private static final Reduction THROUGH = new Reduction(null, true);
  private static final Reduction BOUNDARY = new Reduction(null, false);

  private final List<Operation> operations;
  private final boolean through;

  private Reduction(List<Operation> operations, boolean through) {
    this.operations = operations;
    this.through = through;
  }

  /** Both operations are replaced by {@code operations} (none when they cancel out). */
  public static Reduction replace(Operation... operations) {
    return new Reduction(List.of(operations), false);
  }

  public static Reduction replace(List<Operation> operations) {
    return new Reduction(List.copyOf(operations), false);
  }

  /** The later operation may move across this one. */
  public static Reduction through() {
    return THROUGH;
  }

  /** Nothing may move across this one. */
  public static Reduction boundary() {
    return BOUNDARY;
  }

  static Reduction through(boolean allowed) {
    return allowed ? THROUGH : BOUNDARY;
  }

  public boolean isReplacement() {
    return operations != null;
  }

  /** The replacement; only for {@link #isReplacement()}. */
  public List<Operation> operations() {
    if (operations == null) {
      throw new IllegalStateException("Not a replacement: " + this);
    }
    return operations;
  }

  /** True only for {@link #through()}: a replacement is neither through nor boundary. */
  public boolean allowsThrough() {
    return operations == null && through;
  }

  /**
   * Python's truthiness of Django's result, used where Django writes {@code super().reduce() or
   * ...}: a non-empty list counts, an empty list and {@code False} do not.
   */
  boolean truthy() {
    return operations != null ? !operations.isEmpty() : through;
  }

  @Override
  public String toString() {
    return operations != null ? "replace" + operations : through ? "through" : "boundary";
  }
}
