package dev.migrata.samples.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Migrata;
import dev.migrata.schema.Backends;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample's data migration (catalog 0006, written with {@code makemigrations --empty} and
 * filled in by hand) fills Author.sortName from the rows already there, and its reverse clears
 * it, on every backend Migrata has: SQLite now, PostgreSQL and MariaDB once their backends exist.
 */
class DataMigrationTest {
  /** name, URL, user: the servers of the project's CI, used when a backend takes the URL. */
  private static final String[][] SERVERS = {
    {"postgresql", "jdbc:postgresql://127.0.0.1:5432/test", "postgres"},
    {"mariadb", "jdbc:mariadb://127.0.0.1:3306/test", "root"},
  };

  static Stream<String[]> databases() throws Exception {
    List<String[]> dbs = new ArrayList<>();
    Path file = Files.createTempFile("library", ".db");
    Files.delete(file);
    dbs.add(new String[] {"sqlite", "jdbc:sqlite:" + file, null});
    for (String[] s : SERVERS) {
      if (Backends.forUrl(s[1]) != null) {
        dbs.add(s);
      }
    }
    return dbs.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void fillsSortNamesFromExistingRowsAndUnfillsThem(String name, String url, String user)
      throws Exception {
    reset(name, url, user);
    Migrata migrata = Migrata.configure().jdbcUrl(url, user, "").load();
    migrata.migrate("catalog", "0004");
    exec(url, user,
        "INSERT INTO catalog_author (name) VALUES ('Ursula K. Le Guin')",
        "INSERT INTO catalog_author (name) VALUES ('Octavia Butler')",
        "INSERT INTO catalog_author (name) VALUES ('Homer')");

    migrata.migrate();
    assertThat(rows(url, user, "SELECT sort_name FROM catalog_author ORDER BY id"))
        .containsExactly("Le Guin, Ursula K.", "Butler, Octavia", "Homer");

    migrata.migrate("catalog", "0005");
    assertThat(rows(url, user, "SELECT sort_name FROM catalog_author ORDER BY id"))
        .containsExactly("", "", "");

    migrata.migrate("catalog", "0004");
    assertThat(rows(url, user, "SELECT name FROM catalog_author ORDER BY id"))
        .containsExactly("Ursula K. Le Guin", "Octavia Butler", "Homer");

    migrata.migrate();
    assertThat(rows(url, user, "SELECT sort_name FROM catalog_author ORDER BY id"))
        .containsExactly("Le Guin, Ursula K.", "Butler, Octavia", "Homer");
    assertThat(migrata.plan().isEmpty()).isTrue();
  }

  private static void reset(String name, String url, String user) throws SQLException {
    if (name.equals("postgresql")) {
      exec(url, user, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
    } else if (name.equals("mariadb")) {
      List<String> sql = new ArrayList<>();
      sql.add("SET FOREIGN_KEY_CHECKS = 0");
      for (String t : rows(url, user,
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'test'")) {
        sql.add("DROP TABLE `" + t + "`");
      }
      exec(url, user, sql.toArray(new String[0]));
    }
  }

  private static void exec(String url, String user, String... sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  private static List<String> rows(String url, String user, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
