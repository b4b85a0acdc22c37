package dev.migrata.annotations;

/**
 * When a deferrable {@link Unique} constraint is checked (Django's {@code Deferrable}); {@link
 * #NOT_DEFERRABLE}, the default, is checked at once. PostgreSQL only: elsewhere Django skips a
 * deferrable constraint, and the processor warns when the app may run there.
 */
public enum Deferrable {
  NOT_DEFERRABLE,
  /** {@code DEFERRABLE INITIALLY DEFERRED}: checked at commit. */
  DEFERRED,
  /** {@code DEFERRABLE INITIALLY IMMEDIATE}: checked per statement unless deferred. */
  IMMEDIATE
}
