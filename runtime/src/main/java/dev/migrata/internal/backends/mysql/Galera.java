package dev.migrata.internal.backends.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A MariaDB server that is a Galera cluster node ({@code wsrep_on}). There, {@code GET_LOCK} holds
 * on one node only (a documented Galera limitation, measured in galera-local.md), and a read on one
 * node may not yet see a commit made on another unless the session asks it to wait.
 */
final class Galera {
  /** A lease renewed every 10 s; a crashed holder blocks the others for at most 30 s. */
  static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

  private Galera() {}

  /** Whether the server on {@code connection} replicates through Galera; MySQL has no wsrep. */
  static boolean isNode(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        var rs = st.executeQuery("SELECT @@wsrep_on")) {
      return rs.next() && rs.getInt(1) == 1;
    } catch (SQLException e) {
      // MySQL, or a MariaDB built without wsrep: "Unknown system variable".
      if (e.getErrorCode() == 1193) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Reads wait until the node has applied every write the cluster committed before them (so the
   * history read under the lock is the cluster's), and DDL runs in total order isolation on every
   * node at once, whatever the server's default method.
   */
  static void prepareMigrationSession(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("SET SESSION wsrep_sync_wait = 1");
      st.execute("SET SESSION wsrep_OSU_method = 'TOI'");
    }
  }
}
