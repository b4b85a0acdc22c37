package dev.migrata.internal.backends.sqlite;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.MigrationLock;
import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.backends.base.Features;
import dev.migrata.internal.backends.base.Introspection;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * SQLite ({@code jdbc:sqlite:}). The whole-run lock is an OS file lock beside the database file:
 * the OS releases it when a process dies, so there is no stale lock row to clean up (the trap
 * Liquibase and EF Core fell into). A transaction cannot serve, because each migration commits.
 */
public final class SqliteBackend implements Backend {
  private static final String PREFIX = "jdbc:sqlite:";
  private static final List<Driver> DRIVERS =
      List.of(new Driver("org.sqlite.JDBC", "org.xerial:sqlite-jdbc", "3.53.4.0"));
  private static final Introspection INTROSPECTION = new SqliteIntrospection();

  @Override
  public String vendor() {
    return "sqlite";
  }

  @Override
  public boolean accepts(String jdbcUrl) {
    return jdbcUrl != null && jdbcUrl.startsWith(PREFIX);
  }

  @Override
  public List<Driver> drivers(String jdbcUrl) {
    return DRIVERS;
  }

  @Override
  public Features features(Connection connection) {
    return SqliteFeatures.FEATURES;
  }

  @Override
  public Introspection introspection() {
    return INTROSPECTION;
  }

  @Override
  public BaseSchemaEditor editor(Connection connection, boolean collect) {
    return new SqliteSchemaEditor(connection, collect);
  }

  @Override
  public void prepare(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("PRAGMA busy_timeout = 30000");
    }
  }

  @Override
  public MigrationLock lock(
      Connection connection, ConnectionOpener dedicated, Duration timeout, Consumer<String> waiting)
      throws SQLException {
    Path file = databaseFile(connection.getMetaData().getURL());
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
  static Path databaseFile(String url) {
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
    return Path.of(rest).toAbsolutePath();
  }
}
