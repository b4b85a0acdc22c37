package dev.migrata.internal.operations;

/**
 * An operation that cannot run inside a transaction (Django's {@code NotInTransactionMixin}): its
 * migration must be {@code atomic = false}. The processor refuses it in an atomic migration, and
 * the executor refuses it again, with {@link #refusal()}.
 */
public interface NotInTransaction {
  /** Django's message for this operation in an atomic migration. */
  default String refusal() {
    return "The "
        + kindName()
        + " operation cannot be executed inside a transaction (set atomic = False on the"
        + " migration).";
  }

  /** Django's class name of the operation, e.g. {@code AddIndexConcurrently}. */
  private String kindName() {
    return getClass().getSimpleName();
  }
}
