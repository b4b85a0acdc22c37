package dev.migrata.internal.backends;

/** A held whole-run migration lock; released on close. */
public interface MigrationLock extends AutoCloseable {
  @Override
  void close();

  /** A lock for databases only this process can see (in-memory). */
  static MigrationLock none() {
    return () -> {};
  }
}
