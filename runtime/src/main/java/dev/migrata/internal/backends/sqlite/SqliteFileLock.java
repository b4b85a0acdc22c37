package dev.migrata.internal.backends.sqlite;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.internal.backends.MigrationLock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * SQLite's whole-run lock: an OS file lock beside the database file. The OS releases it when a
 * process dies, so there is no stale lock row to clean up (the trap Liquibase and EF Core fell
 * into). A transaction cannot serve, because each migration commits. An in-memory database is only
 * this process's: nothing to lock.
 */
public final class SqliteFileLock {
  private static final String PREFIX = "jdbc:sqlite:";

  private SqliteFileLock() {}

  static MigrationLock acquire(String url, Duration timeout, Consumer<String> waiting)
      throws SQLException {
    Path file = databaseFile(url);
    if (file == null) {
      return MigrationLock.none();
    }
    Path lockFile = file.resolveSibling(file.getFileName() + ".migrata-lock");
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      boolean told = false;
      while (true) {
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null; // another thread of this process holds it
        }
        if (lock != null) {
          FileLock held = lock;
          return () -> {
            try {
              held.release();
              channel.close();
            } catch (IOException e) {
              // Closing the channel releases the lock in any case.
            }
          };
        }
        if (!told) {
          waiting.accept("another process (lock file " + lockFile + ")");
          told = true;
        }
        if (System.nanoTime() > deadline) {
          channel.close();
          throw new MigrataException(
              ErrorCode.LOCK_TIMEOUT,
              "Another process has been migrating this database for longer than "
                  + timeout.toSeconds() + "s (lock file " + lockFile + ").");
        }
        Thread.sleep(50);
      }
    } catch (IOException e) {
      throw new SQLException("Cannot take the migration lock " + lockFile + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("Interrupted while waiting for the migration lock " + lockFile, e);
    }
  }

  /** The database file of a SQLite URL, or {@code null} for an in-memory database. */
  public static Path databaseFile(String url) {
    if (url == null || !url.startsWith(PREFIX)) {
      return null;
    }
    String rest = url.substring(PREFIX.length());
    if (rest.contains("mode=memory")) {
      return null;
    }
    int query = rest.indexOf('?');
    if (query >= 0) {
      rest = rest.substring(0, query);
    }
    if (rest.startsWith("file:")) {
      rest = rest.substring("file:".length());
    }
    if (rest.isEmpty() || rest.equals(":memory:") || rest.startsWith(":resource:")) {
      return null;
    }
    return realFile(Path.of(rest).toAbsolutePath().normalize());
  }

  /**
   * The file itself, whatever path reached it: processes that open one database through a
   * symlink, a relative path or {@code ./} must take one lock, or a migration runs once per path
   * (issue 12). A file not created yet is its real parent directory plus its name.
   */
  private static Path realFile(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      Path parent = file.getParent();
      try {
        return parent == null ? file : parent.toRealPath().resolve(file.getFileName());
      } catch (IOException e2) {
        return file; // SQLite cannot create the file either; it reports that
      }
    }
  }
}
