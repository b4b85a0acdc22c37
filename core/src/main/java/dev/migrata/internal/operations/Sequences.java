package dev.migrata.internal.operations;

/** The reduction the sequence operations share. */
final class Sequences {
  private Sequences() {}

  /**
   * Base, or through when {@code other} is no operation on the same sequence: model operations
   * never touch one, so the optimizer may fold them across it.
   */
  static Reduction reduce(Operation self, String name, Operation other) {
    Reduction base = Reductions.base(self, other);
    if (base.truthy()) {
      return base;
    }
    return Reduction.through(!sameSequence(name, other));
  }

  private static boolean sameSequence(String name, Operation other) {
    if (other instanceof CreateSequence c) {
      return c.sequence().name().equals(name);
    }
    if (other instanceof DeleteSequence d) {
      return d.sequence().name().equals(name);
    }
    if (other instanceof AlterSequence a) {
      return a.name().equals(name);
    }
    // Raw SQL or code may use the sequence.
    return other instanceof RunSql
        || other instanceof RunJava
        || other instanceof SeparateDatabaseAndState;
  }
}
