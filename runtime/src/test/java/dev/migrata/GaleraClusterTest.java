package dev.migrata;

import static dev.migrata.Fixtures.chars;
import static dev.migrata.Fixtures.createModel;
import static dev.migrata.Fixtures.id;
import static dev.migrata.Fixtures.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.RunSql;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real three-node MariaDB Galera cluster on 127.0.0.1:3311..3313 ({@code
 * scripts/galera-cluster.sh up}, which {@code .ci/run} starts): processes connected to different
 * nodes take one lock (a replicated lease, since {@code GET_LOCK} is per node), each migration runs
 * once, and a node that dies under the run's holder leaves the others to finish it (issue 15). The
 * only test class that uses the cluster, so it starts once per build.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GaleraClusterTest {
  private static final Path SCRIPT = Path.of("..", "scripts", "galera-cluster.sh");

  /** Whether the cluster was up when the class started: only then may it be restored. */
  private static boolean clusterUsed;

  @TempDir Path dir;
  private String database;

  static String url(int node, String database) {
    return "jdbc:mariadb://127.0.0.1:331" + node + "/" + database + "?user=root";
  }

  @BeforeAll
  static void clusterIsUp() {
    DriverManager.setLoginTimeout(5);
    try (Connection c = DriverManager.getConnection(url(1, "test"));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SHOW STATUS LIKE 'wsrep_cluster_size'")) {
      rs.next();
      assertThat(rs.getInt(2)).as("wsrep_cluster_size").isEqualTo(3);
      clusterUsed = true;
    } catch (SQLException e) {
      String message =
          "The Galera test cluster is not reachable on 127.0.0.1:3311 ("
              + e.getMessage()
              + "); start it with: scripts/galera-cluster.sh up";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(message, e);
      }
      Assumptions.abort(message);
    }
  }

  @AfterAll
  static void rejoinEveryNode() throws Exception {
    if (!clusterUsed) {
      return;
    }
    // A test that killed a node brings it back itself; this is for one that failed midway.
    for (int node = 1; node <= 3; node++) {
      if (!reachable(node)) {
        script("start", String.valueOf(node));
      }
    }
  }

  @BeforeEach
  void createDatabase() throws SQLException {
    database = "migrata_g_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    exec(1, "test", "CREATE DATABASE " + database);
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    for (int node = 1; node <= 3; node++) {
      if (reachable(node)) {
        exec(node, "test", "DROP DATABASE IF EXISTS " + database);
        return;
      }
    }
  }

  /** library + a slow data migration whose rows show how often each of its parts ran. */
  static List<MigrationDefinition> migrations() {
    return List.of(
        migration("library", "0001_initial")
            .ops(createModel("library", "Author", id(), chars("name", 100))),
        migration("library", "0002_slow")
            .dependsOn("library", "0001_initial")
            .ops(
                new RunSql(
                    List.of("INSERT INTO library_author (name) VALUES ('before')"),
                    List.of(""),
                    false),
                new RunSql(List.of("SELECT SLEEP(4)"), List.of(""), false),
                new RunSql(
                    List.of("INSERT INTO library_author (name) VALUES ('after')"),
                    List.of(""),
                    false)),
        migration("library", "0003_book")
            .dependsOn("library", "0002_slow")
            .ops(createModel("library", "Book", id(), chars("title", 100))));
  }

  /** One process's run: {@code migrate} against {@code args[0]}, with a lease of args[1] s. */
  public static void main(String[] args) {
    Migrata.Configuration c = Migrata.configure().jdbcUrl(args[0], null, null);
    if (args.length > 1) {
      c.leaseLock(Duration.ofSeconds(Long.parseLong(args[1])));
    }
    c.migrations(migrations()).load().migrate();
    System.out.println("migrated");
  }

  @Test
  @Order(1)
  void eightProcessesOverThreeNodesApplyEachMigrationOnce() throws Exception {
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      processes.add(start(i, url(1 + i % 3, database)));
    }
    for (int i = 0; i < processes.size(); i++) {
      assertExitsZero(i, processes.get(i));
    }
    for (int node = 1; node <= 3; node++) {
      assertMigratedOnce(node);
      // Chosen without being asked: the node said wsrep_on.
      assertThat(rows(node, "SELECT count(*) FROM migrata_lock")).containsExactly("0");
    }
  }

  @Test
  @Order(2)
  void aNodeKilledUnderTheLeaseHolderLeavesTheOthersToFinishTheRun() throws Exception {
    Process holder = start(0, url(2, database), "3");
    // Wait (bounded) until the holder on node 2 is inside the slow migration.
    for (int i = 0; i < 600 && !authorsOnNode1().contains("before"); i++) {
      Thread.sleep(100);
    }
    assertThat(rows(1, "SELECT holder FROM migrata_lock")).hasSize(1);
    Process first = start(1, url(1, database), "3");
    Process third = start(3, url(3, database), "3");

    script("kill", "2");
    try {
      assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(holder.exitValue()).as("the run whose node died").isNotZero();
      assertExitsZero(1, first);
      assertExitsZero(3, third);
      assertMigratedOnce(1);
      assertMigratedOnce(3);
      assertThat(schema(1)).isEqualTo(schema(3));
    } finally {
      script("start", "2");
    }
    // The node that died catches up when it rejoins.
    assertMigratedOnce(2);
    assertThat(schema(2)).isEqualTo(schema(1));
  }

  @Test
  @Order(3)
  void aTableWithoutPrimaryKeyRefusedByGaleraIsExplained() throws Exception {
    exec(1, "test", "SET GLOBAL wsrep_mode = 'REQUIRED_PRIMARY_KEY'");
    try {
      List<MigrationDefinition> noKey =
          List.of(
              migration("library", "0001_log")
                  .ops(
                      new RunSql(
                          List.of("CREATE TABLE library_log (line varchar(100))"),
                          List.of("DROP TABLE library_log"),
                          false)));
      MigrataException e =
          catchThrowableOfType(
              MigrataException.class,
              () ->
                  Migrata.configure()
                      .jdbcUrl(url(1, database), null, null)
                      .migrations(noKey)
                      .load()
                      .migrate());
      assertThat(e.getMessage())
          .contains("Galera replication not supported")
          .contains("refuses tables without a primary key (wsrep_mode=REQUIRED_PRIMARY_KEY)")
          .contains("Give the table a primary key");
    } finally {
      exec(1, "test", "SET GLOBAL wsrep_mode = ''");
    }
  }

  private void assertMigratedOnce(int node) throws SQLException {
    assertThat(rows(node, "SELECT app, name FROM migrata_migrations ORDER BY id"))
        .as("history on node %d", node)
        .containsExactly("library|0001_initial", "library|0002_slow", "library|0003_book");
    assertThat(rows(node, "SELECT name FROM library_author ORDER BY name"))
        .as("rows on node %d", node)
        .containsExactly("after", "before");
  }

  private List<String> authorsOnNode1() {
    try {
      return rows(1, "SELECT name FROM library_author");
    } catch (SQLException e) {
      return List.of(); // not created yet
    }
  }

  private List<String> schema(int node) throws SQLException {
    return rows(
        node,
        "SELECT table_name, column_name, column_type, is_nullable FROM information_schema.columns"
            + " WHERE table_schema = DATABASE() ORDER BY table_name, ordinal_position");
  }

  private Process start(int i, String url, String... lease) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-XX:TieredStopAtLevel=1",
                "-Dmariadb.logging.disable=true",
                "-cp",
                System.getProperty("java.class.path"),
                GaleraClusterTest.class.getName(),
                url));
    command.addAll(List.of(lease));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("out" + i).toFile());
    return pb.start();
  }

  private void assertExitsZero(int i, Process p) throws Exception {
    boolean done = p.waitFor(180, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String out = Files.readString(dir.resolve("out" + i), StandardCharsets.UTF_8);
    assertThat(done).as("process %d finished in time:%n%s", i, out).isTrue();
    assertThat(p.exitValue()).as("process %d:%n%s", i, out).isZero();
  }

  private List<String> rows(int node, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url(node, database));
        Statement st = c.createStatement()) {
      st.execute("SET SESSION wsrep_sync_wait = 1");
      try (ResultSet rs = st.executeQuery(sql)) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= n; i++) {
            row.append(i > 1 ? "|" : "").append(rs.getString(i));
          }
          out.add(row.toString());
        }
      }
    }
    return out;
  }

  private static void exec(int node, String database, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(node, database));
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static boolean reachable(int node) {
    try (Connection c = DriverManager.getConnection(url(node, "test"))) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static void script(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).inheritIO().start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
    assertThat(p.exitValue()).as("%s", command).isZero();
  }
}
