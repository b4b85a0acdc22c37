package dev.migrata.internal.backends.postgresql;

import dev.migrata.internal.backends.base.SessionLock;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * PostgreSQL's whole-run lock: a session-level advisory lock ({@code pg_advisory_lock}), on the
 * migration connection (or, for a fleet's lent connection, one of its own). Advisory locks are per
 * database, so runs on other databases of the server do not wait; {@code pg_locks} and {@code
 * pg_stat_activity} name the holder.
 */
final class PostgresLock implements SessionLock.Calls {
  /** The session's name while it holds the lock: this process's (pid@host), asked once. */
  private static final class Holder {
    static final String NAME = "migrata migrate " + ManagementFactory.getRuntimeMXBean().getName();
  }

  /**
   * The lock's arguments: the one 64-bit key in the {@code public} schema (as every earlier version
   * locked), and {@code KEY_HIGH, hashtext(schema)} in any other, so tenants kept as schemas of one
   * database (a fleet) migrate in parallel, each under its own lock.
   */
  private String args;

  private String args(Connection c) throws SQLException {
    if (args == null) {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT current_schema(), hashtext(current_schema())")) {
        rs.next();
        String schema = rs.getString(1);
        args =
            schema == null || schema.equals("public")
                ? String.valueOf(KEY)
                : KEY_HIGH + ", " + rs.getInt(2);
      }
    }
    return args;
  }

  /** The advisory lock key: both 32-bit halves positive, so pg_locks shows them unchanged. */
  static final int KEY_HIGH = 0x6d696772; // "migr"

  static final int KEY_LOW = 0x61746121; // "ata!"
  static final long KEY = ((long) KEY_HIGH << 32) | KEY_LOW;

  /** The session's application_name before the lock named it, restored on release. */
  private String previousName;

  /**
   * One round trip: names this session in pg_stat_activity (so a waiting run can say which process
   * holds it), reads the schema that picks the key, and tries the lock with that key.
   */
  @Override
  public boolean tryLock(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT current_setting('application_name'), set_config('application_name', ?,"
                + " false), current_schema(), hashtext(current_schema()), CASE WHEN"
                + " coalesce(current_schema(), 'public') = 'public' THEN pg_try_advisory_lock("
                + KEY
                + ") ELSE pg_try_advisory_lock("
                + KEY_HIGH
                + ", hashtext(current_schema())) END")) {
      ps.setString(1, Holder.NAME);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        previousName = rs.getString(1);
        String schema = rs.getString(3);
        args =
            schema == null || schema.equals("public")
                ? String.valueOf(KEY)
                : KEY_HIGH + ", " + rs.getInt(4);
        return rs.getBoolean(5);
      }
    }
  }

  /**
   * Waits in a transaction of its own, so that its {@code SET LOCAL lock_timeout} ends with it and
   * the session keeps its own setting (the migration connection's); the session lock it takes
   * outlives the commit.
   */
  @Override
  public boolean lock(Connection c, Duration timeout) throws SQLException {
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      st.execute("SET LOCAL lock_timeout = " + Math.max(1, timeout.toMillis()));
      st.execute("SELECT pg_advisory_lock(" + args(c) + ")");
      c.commit();
      return true;
    } catch (SQLException e) {
      c.rollback();
      if ("55P03".equals(e.getSQLState())) { // lock_not_available: the timeout passed
        return false;
      }
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  @Override
  public String holder(Connection c) throws SQLException {
    String sql =
        "SELECT a.pid, a.application_name, a.usename, a.client_addr, a.backend_start,"
            + " a.state FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'advisory' AND l.granted"
            + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND l.classid = "
            + KEY_HIGH
            + " AND "
            + (args(c).contains(",")
                ? "l.objsubid = 2 AND l.objid = CAST(hashtext(current_schema()) AS oid)"
                : "l.objsubid = 1 AND l.objid = " + KEY_LOW);
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      if (!rs.next()) {
        return null;
      }
      return "PostgreSQL backend pid "
          + rs.getInt(1)
          + " ('"
          + rs.getString(2)
          + "', user "
          + rs.getString(3)
          + (rs.getString(4) == null ? "" : " from " + rs.getString(4))
          + ", connected since "
          + rs.getTimestamp(5)
          + ", "
          + rs.getString(6)
          + ")";
    }
  }

  @Override
  public void unlock(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT pg_advisory_unlock("
                + args(c)
                + "), set_config('application_name', ?, false)")) {
      ps.setString(1, previousName == null ? "" : previousName);
      ps.execute();
    }
  }

  @Override
  public String advice() {
    return "if its process is gone, the server ends its session and the lock with it; to end"
        + " it yourself: SELECT pg_terminate_backend(<pid>).";
  }
}
