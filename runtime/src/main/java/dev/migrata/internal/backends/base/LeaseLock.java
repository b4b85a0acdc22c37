package dev.migrata.internal.backends.base;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.MigrationLock;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A whole-run lock that is a row, for servers where no session lock spans the whole database: on a
 * Galera cluster {@code GET_LOCK} is local to one node, so two processes connected to two nodes
 * would both "hold" it. The row ({@code migrata_lock}: name, holder, expiry) is replicated like any
 * other, and the cluster's certification lets only one of two concurrent claims commit.
 *
 * <p>The row is a lease, not a flag: its holder renews the expiry while the run lasts, and a claim
 * may take over a row whose expiry has passed, so a crashed process (or a node that died under it)
 * blocks the others for one lease at most, never for ever (Liquibase's stale lock rows). Expiries
 * are read from the database's clock, never the client's, so machines with skewed clocks agree. A
 * holder whose renewal fails or finds the row taken over knows it: {@link #verify()} then throws
 * before the next migration starts.
 */
public final class LeaseLock implements MigrationLock {
  /** Where the rows live; created on first use. */
  static final String TABLE = "migrata_lock";

  /** The one lock row of a database (a schema, for a PostgreSQL tenant). */
  static final String NAME = "migrate";

  /** The SQL that differs between backends. */
  public interface Dialect {
    /** An expression for the database's current time in epoch milliseconds. */
    String nowMillis();

    /** Whether a failed statement lost a race rather than failed: duplicate key, deadlock. */
    default boolean lostRace(SQLException e) {
      String state = e.getSQLState();
      return state != null && (state.startsWith("23") || state.startsWith("40"));
    }
  }

  private final Connection connection;
  private final Dialect dialect;
  private final String holder;
  private final Duration lease;
  private final ScheduledExecutorService renewer;
  private volatile String lost;

  private LeaseLock(Connection connection, Dialect dialect, String holder, Duration lease) {
    this.connection = connection;
    this.dialect = dialect;
    this.holder = holder;
    this.lease = lease;
    this.renewer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "migrata-lease-renewer");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Claims the lease, waiting up to {@code timeout} while another run holds it.
   *
   * @param lease how long a claim lasts without renewal; renewed every third of it
   */
  public static MigrationLock acquire(
      Backend.ConnectionOpener opener,
      Dialect dialect,
      Duration lease,
      Duration timeout,
      Consumer<String> waiting)
      throws SQLException {
    Connection c = opener.open();
    LeaseLock lock = new LeaseLock(c, dialect, holderName(), lease);
    try {
      c.setAutoCommit(true);
      lock.createTable();
      long deadline = System.nanoTime() + timeout.toNanos();
      boolean told = false;
      while (!lock.tryClaim()) {
        if (!told) {
          waiting.accept(lock.describeHolder());
          told = true;
        }
        if (System.nanoTime() > deadline) {
          throw new MigrataException(
              ErrorCode.LOCK_TIMEOUT,
              "Gave up after "
                  + timeout.toSeconds()
                  + "s waiting for the migration lease, held by "
                  + lock.describeHolder()
                  + ". Another migrate run is still in progress; if its"
                  + " process is gone, its lease expires by itself within "
                  + lease.toSeconds()
                  + "s of its last renewal.");
        }
        // Jitter keeps processes that started together from claiming in lockstep.
        long pause = Math.min(1000, Math.max(50, lease.toMillis() / 8));
        sleep(pause / 2 + ThreadLocalRandom.current().nextLong(pause));
      }
    } catch (SQLException | RuntimeException e) {
      lock.closeQuietly();
      throw e;
    }
    long every = Math.max(1, lease.toMillis() / 3);
    lock.renewer.scheduleWithFixedDelay(lock::renew, every, every, TimeUnit.MILLISECONDS);
    return lock;
  }

  /** Host, process id and a random part: unique per run, readable by an operator. */
  static String holderName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "unknown-host";
    }
    String pid = String.valueOf(ProcessHandle.current().pid());
    String vm = ManagementFactory.getRuntimeMXBean().getName();
    String id = UUID.randomUUID().toString().substring(0, 8);
    String name = host + " pid " + pid + " (" + vm + ") " + id;
    return name.length() > 200 ? name.substring(0, 200) : name;
  }

  private void createTable() throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS "
              + TABLE
              + " (name varchar(64) NOT NULL PRIMARY KEY, holder varchar(255) NOT NULL,"
              + " expires bigint NOT NULL)");
    } catch (SQLException e) {
      // PostgreSQL's IF NOT EXISTS is not atomic: two runs creating the table at once may see
      // a duplicate key in its catalogue, or "type/relation already exists"; the other run
      // created it, which is all that matters.
      String state = e.getSQLState();
      boolean exists = "42P07".equals(state) || "42710".equals(state);
      if (!exists && !dialect.lostRace(e)) {
        throw e;
      }
    }
  }

  /** One claim: a new row, or the takeover of an expired one. */
  private boolean tryClaim() throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO "
                + TABLE
                + " (name, holder, expires) VALUES (?, ?, "
                + dialect.nowMillis()
                + " + ?)")) {
      ps.setString(1, NAME);
      ps.setString(2, holder);
      ps.setLong(3, lease.toMillis());
      ps.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (!dialect.lostRace(e)) {
        throw e;
      }
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE "
                + TABLE
                + " SET holder = ?, expires = "
                + dialect.nowMillis()
                + " + ? WHERE name = ? AND expires < "
                + dialect.nowMillis())) {
      ps.setString(1, holder);
      ps.setLong(2, lease.toMillis());
      ps.setString(3, NAME);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      if (dialect.lostRace(e)) {
        return false;
      }
      throw e;
    }
  }

  private String describeHolder() {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT holder, expires - "
                + dialect.nowMillis()
                + " FROM "
                + TABLE
                + " WHERE name = ?")) {
      ps.setString(1, NAME);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return "another run (it has just finished)";
        }
        long left = rs.getLong(2);
        return rs.getString(1)
            + (left >= 0 ? ", lease expires in " + (left + 999) / 1000 + "s" : ", lease expired");
      }
    } catch (SQLException e) {
      return "another run (" + e.getMessage() + ")";
    }
  }

  private void renew() {
    if (lost != null) {
      return;
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE "
                + TABLE
                + " SET expires = "
                + dialect.nowMillis()
                + " + ? WHERE name = ? AND holder = ?")) {
      ps.setLong(1, lease.toMillis());
      ps.setString(2, NAME);
      ps.setString(3, holder);
      if (ps.executeUpdate() != 1) {
        lost = "another run took the lease over (" + describeHolder() + ")";
      }
    } catch (SQLException e) {
      // One failed renewal is not yet a lost lease, but this connection is what renews it: a
      // run that cannot renew must not go on as if it still held it.
      lost = "its renewal failed: " + e.getMessage();
    }
  }

  @Override
  public void verify() {
    String why = lost;
    if (why != null) {
      throw new MigrataException(
          ErrorCode.LOCK_LOST,
          "This run no longer holds the migration lease ("
              + why
              + "); it stopped before the"
              + " next migration. Run migrate again.");
    }
  }

  @Override
  public void close() {
    renewer.shutdownNow();
    try {
      renewer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (PreparedStatement ps =
        connection.prepareStatement("DELETE FROM " + TABLE + " WHERE name = ? AND holder = ?")) {
      ps.setString(1, NAME);
      ps.setString(2, holder);
      ps.executeUpdate();
    } catch (SQLException e) {
      // The lease expires by itself.
    } finally {
      closeQuietly();
    }
  }

  private void closeQuietly() {
    renewer.shutdownNow();
    try {
      connection.close();
    } catch (SQLException e) {
      // Nothing to do: an unreleased lease expires by itself.
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrataException(
          ErrorCode.LOCK_TIMEOUT, "Interrupted while waiting for the lease.");
    }
  }
}
