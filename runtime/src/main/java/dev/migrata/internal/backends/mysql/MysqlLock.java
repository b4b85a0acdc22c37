package dev.migrata.internal.backends.mysql;

import dev.migrata.internal.backends.base.SessionLock;
import dev.migrata.internal.state.Names;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * MySQL's and MariaDB's whole-run lock: {@code GET_LOCK}, on the migration connection (or one of
 * its own for a fleet's lent connection). Named locks are server-wide, so the name carries the
 * database name; {@code IS_USED_LOCK} and the process list name the holder.
 */
final class MysqlLock implements SessionLock.Calls {
  private final BiConsumer<Connection, String> versionRead;
  private String name;

  /** {@code versionRead} is told the server version read on a connection with the lock's name. */
  MysqlLock(BiConsumer<Connection, String> versionRead) {
    this.versionRead = versionRead;
  }

  /**
   * Lock names are at most 64 characters; a long database name is shortened with a hash. Read once
   * per lock (a lent connection may be on another database next run), with the server version the
   * run's editors need next, in the same round trip.
   */
  private String name(Connection c) throws SQLException {
    if (name == null) {
      try (PreparedStatement ps = c.prepareStatement("SELECT DATABASE(), VERSION()");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        name = Names.truncate("migrata:" + rs.getString(1), 64);
        versionRead.accept(c, rs.getString(2));
      }
    }
    return name;
  }

  @Override
  public boolean tryLock(Connection c) throws SQLException {
    return getLock(c, 0);
  }

  @Override
  public boolean lock(Connection c, Duration timeout) throws SQLException {
    return getLock(c, Math.max(1, timeout.toSeconds()));
  }

  private boolean getLock(Connection c, long seconds) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
      ps.setString(1, name(c));
      ps.setLong(2, seconds);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getInt(1) == 1;
      }
    }
  }

  @Override
  public String holder(Connection c) throws SQLException {
    Long id = null;
    try (PreparedStatement ps = c.prepareStatement("SELECT IS_USED_LOCK(?)")) {
      ps.setString(1, name(c));
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          long v = rs.getLong(1);
          id = rs.wasNull() ? null : v;
        }
      }
    }
    if (id == null) {
      return null;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT user, host, time FROM information_schema.processlist WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return "connection "
              + id
              + " ("
              + rs.getString(1)
              + "@"
              + rs.getString(2)
              + ", in its current state for "
              + rs.getLong(3)
              + "s)";
        }
      }
    }
    return "connection " + id;
  }

  @Override
  public void unlock(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
      ps.setString(1, name(c));
      ps.execute();
    }
  }

  @Override
  public String advice() {
    return "if its process is gone, the server ends its session and the lock with it; to end"
        + " it yourself: KILL <connection id>.";
  }
}
