package dev.migrata.cli;

import static dev.migrata.Fixtures.library;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a wrong --url says: one line naming what to fix, exit 1 (issues 8 and 12). */
class ConnectionErrorsTest extends CliTestBase {
  static final String PREFIXES =
      " The accepted prefixes are jdbc:sqlite:, jdbc:postgresql:, jdbc:mysql: and jdbc:mariadb:.";

  @BeforeEach
  void setUp() throws Exception {
    index(library());
  }

  @Test
  void aUrlNoBackendTakesListsThePrefixesAndSuggestsTheRightOne() {
    assertThat(run("migrate", "--url", "jdbc:postgres://db.example/app")).isEqualTo(1);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: No Migrata backend for the URL 'jdbc:postgres://db.example/app'; did you"
                    + " mean 'jdbc:postgresql://db.example/app'?"
                    + PREFIXES));
    assertThat(run("showmigrations", "--url", "postgresql://db.example/app")).isEqualTo(1);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: No Migrata backend for the URL 'postgresql://db.example/app'; did you"
                    + " mean 'jdbc:postgresql://db.example/app'?"
                    + PREFIXES));
    assertThat(run("sqlmigrate", "library", "0001", "--url", "mariadb://db.example/app"))
        .isEqualTo(1);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: No Migrata backend for the URL 'mariadb://db.example/app'; did you mean"
                    + " 'jdbc:mariadb://db.example/app'?"
                    + PREFIXES));
    assertThat(run("migrate", "--url", "jdbc:oracle:thin:@db.example:1521/app")).isEqualTo(1);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: No Migrata backend for the URL 'jdbc:oracle:thin:@db.example:1521/app'."
                    + PREFIXES));
    assertThat(out).isEmpty();
  }

  @Test
  void suggestedUrls() {
    assertThat(JdbcUrls.suggest("sqlite:///app.db")).isEqualTo("jdbc:sqlite:app.db");
    assertThat(JdbcUrls.suggest("jdbc:sqlite3:app.db")).isEqualTo("jdbc:sqlite:app.db");
    assertThat(JdbcUrls.suggest("postgresql+psycopg://h/db")).isEqualTo("jdbc:postgresql://h/db");
    assertThat(JdbcUrls.suggest("jdbc:pg://h/db")).isEqualTo("jdbc:postgresql://h/db");
    assertThat(JdbcUrls.suggest("app.db")).isNull();
  }

  @Test
  void aSqliteFileInAMissingDirectoryNamesThePath() {
    Path file = dir.resolve("no/such/dir/app.db").toAbsolutePath();
    assertThat(run("migrate", "--url", "jdbc:sqlite:" + file)).isEqualTo(1);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: Cannot create the SQLite database "
                    + file
                    + ": the directory "
                    + file.getParent()
                    + " does not exist."));
    assertThat(file.getParent()).doesNotExist();
    // In memory, or a file whose directory exists: no complaint.
    assertThat(run("showmigrations", "--url", "jdbc:sqlite::memory:")).isZero();
    assertThat(run("showmigrations", "--url", "jdbc:sqlite:" + dir.resolve("app.db"))).isZero();
  }

  @Test
  void anUnknownHostNamesTheHost() {
    assertThat(run("migrate", "--url", "jdbc:postgresql://no-such-host.invalid:5432/app"))
        .isEqualTo(1);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: Unknown host 'no-such-host.invalid' in the URL"
                    + " 'jdbc:postgresql://no-such-host.invalid:5432/app'."));
    assertThat(run("showmigrations", "--url", "jdbc:mariadb://no-such-host.invalid/app"))
        .isEqualTo(1);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: Unknown host 'no-such-host.invalid' in the URL"
                    + " 'jdbc:mariadb://no-such-host.invalid/app'."));
  }

  @Test
  void aPortNobodyListensOnSaysSo() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // free once closed
    }
    assertThat(run("migrate", "--url", "jdbc:postgresql://127.0.0.1:" + port + "/app"))
        .isEqualTo(1);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: Cannot connect to 127.0.0.1:"
                    + port
                    + " (connection refused): is the database server running there?"));
  }

  @Test
  void aMissingServerDatabaseSaysHowToCreateIt() throws Exception {
    try (Db pg = Db.create(Db.Kind.POSTGRES, dir)) {
      String url = "jdbc:postgresql://127.0.0.1:5432/migrata_no_such_db?user=postgres";
      assertThat(run("migrate", "--url", url)).isEqualTo(1);
      assertThat(err)
          .isEqualTo(
              lines(
                  "Error: The database 'migrata_no_such_db' does not exist on 127.0.0.1; create"
                      + " it first (psql -c 'CREATE DATABASE \"migrata_no_such_db\"' or createdb"
                      + " migrata_no_such_db)."));
    }
    try (Db maria = Db.create(Db.Kind.MARIADB, dir)) {
      String url = "jdbc:mariadb://127.0.0.1:3306/migrata_no_such_db?user=root";
      assertThat(run("showmigrations", "--url", url)).isEqualTo(1);
      assertThat(err)
          .isEqualTo(
              lines(
                  "Error: The database 'migrata_no_such_db' does not exist on 127.0.0.1; create"
                      + " it first (mariadb -e 'CREATE DATABASE `migrata_no_such_db`')."));
    }
  }
}
