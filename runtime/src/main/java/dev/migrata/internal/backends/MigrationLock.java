package dev.migrata.internal.backends;

/** A held whole-run migration lock; released on close. */
public interface MigrationLock extends AutoCloseable {
  @Override
  void close();

  /**
   * Throws when this run no longer holds the lock (a lease that another run took over after it
   * expired); checked before each migration. Session and file locks cannot be lost while held.
   */
  default void verify() {}

  /** A lock for databases only this process can see (in-memory). */
  static MigrationLock none() {
    return () -> {};
  }
}
