package dev.migrata.cli;

import static dev.migrata.Fixtures.library;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** migrate and showmigrations over a fleet: --tenants, --parallel, --report, --plan, --check. */
class FleetCommandTest extends CliTestBase {
  Path tenants;
  String a;
  String b;

  @BeforeEach
  void setUp() throws Exception {
    index(library());
    a = "jdbc:sqlite:" + dir.resolve("a.db");
    b = "jdbc:sqlite:" + dir.resolve("b.db");
    tenants = dir.resolve("tenants.txt");
    Files.writeString(tenants, "# two tenants\n" + a + "\n\n" + b + "\n");
  }

  @Test
  void migrateTenantsPrintsALinePerTenantThenTheSummaryLast() throws Exception {
    assertThat(run("migrate", "library", "0001", "--url", a)).isZero();
    Path report = dir.resolve("report.json");

    assertThat(
            run(
                "migrate",
                "--tenants",
                tenants.toString(),
                "--parallel",
                "2",
                "--report",
                report.toString()))
        .isZero();

    assertThat(out.lines().toList())
        .containsExactlyInAnyOrder(
            a + ": migrated library.0002_book_rating, library.0003_data",
            b + ": migrated library.0001_initial, library.0002_book_rating, library.0003_data",
            "2 tenants: 0 up to date, 2 migrated, 0 failed");
    assertThat(out.lines().reduce((x, y) -> y))
        .hasValue("2 tenants: 0 up to date, 2 migrated, 0 failed");
    assertThat(Files.readString(report)).contains("\"tenants\": 2", "\"status\": \"migrated\"");
    assertThat(new Db(dir, "b.db").history()).hasSize(3);

    assertThat(run("migrate", "--tenants", tenants.toString(), "--check")).isZero();
    assertThat(out).endsWith("2 tenants: 2 up to date, 0 migrated, 0 failed\n");
  }

  @Test
  void checkAndShowmigrationsNameTheTenantsThatLag() throws Exception {
    assertThat(run("migrate", "--url", a)).isZero();

    assertThat(run("migrate", "--tenants", tenants.toString(), "--check")).isEqualTo(1);
    assertThat(out.lines().toList())
        .containsExactlyInAnyOrder(
            a + ": up to date",
            b + ": 3 unapplied (library.0001_initial, library.0002_book_rating, library.0003_data)",
            "2 tenants: 1 up to date, 1 migrated, 0 failed");
    assertThat(new Db(dir, "b.db").tables()).isEmpty();

    assertThat(run("showmigrations", "--tenants", tenants.toString(), "--parallel", "1")).isZero();
    assertThat(out)
        .isEqualTo(
            lines(
                a + ": up to date",
                b
                    + ": 3 unapplied (library.0001_initial, library.0002_book_rating,"
                    + " library.0003_data)",
                "2 tenants: 1 up to date, 1 migrated, 0 failed"));
  }

  @Test
  void aFailingTenantMakesTheExitStatusNonZeroAndTheOthersStillRun() throws Exception {
    String broken = "jdbc:sqlite:" + dir.resolve("no/such/dir/c.db");
    Files.writeString(tenants, String.join("\n", List.of(a, broken, b)) + "\n");

    assertThat(run("migrate", "--tenants", tenants.toString(), "-v", "0")).isEqualTo(1);

    assertThat(out.lines().toList())
        .hasSize(2)
        .last()
        .isEqualTo("3 tenants: 0 up to date, 2 migrated, 1 failed");
    assertThat(out.lines().findFirst().orElseThrow()).startsWith(broken + ": FAILED: ");
    assertThat(new Db(dir, "a.db").history()).hasSize(3);
  }

  @Test
  void fleetOptionsAreCheckedBeforeAnythingRuns() throws Exception {
    assertThat(run("migrate", "--tenants", tenants.toString(), "--fake")).isEqualTo(1);
    assertThat(err).contains("--fake, --fake-initial and --prune work on one database");
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "# nobody\n");
    assertThat(run("migrate", "--tenants", empty.toString())).isEqualTo(1);
    assertThat(err).isEqualTo("Error: The tenants file " + empty + " lists no JDBC URL.\n");
    assertThat(run("migrate", "--schemas", "t_*", "--url", a)).isEqualTo(1);
    assertThat(err).contains("--schemas needs PostgreSQL (schemas) or MySQL/MariaDB (databases)");
    assertThat(dir.resolve("a.db")).doesNotExist();
  }

  /** A missing file is named as missing: NoSuchFileException's message is only the path. */
  @Test
  void aMissingTenantsFileOrReportDirectoryIsSaidInWords() {
    Path missing = dir.resolve("nope.txt");
    assertThat(run("migrate", "--tenants", missing.toString())).isEqualTo(1);
    assertThat(err)
        .isEqualTo(
            lines("Error: Cannot read the tenants file " + missing + ": there is no such file."));
    Path report = dir.resolve("no/such/dir/report.json");
    assertThat(run("migrate", "--tenants", tenants.toString(), "--report", report.toString()))
        .isEqualTo(1);
    assertThat(err)
        .isEqualTo(
            lines(
                "Error: Cannot write the report "
                    + report
                    + ": there is no such directory as "
                    + report.getParent()
                    + "."));
  }

  /** Going back (APP zero) the lines say unapply: the migrations are applied, not missing. */
  @Test
  void aBackwardsPlanAndRunSayUnapply() {
    assertThat(run("migrate", "--tenants", tenants.toString())).isZero();
    assertThat(run("migrate", "library", "0002", "--plan", "--tenants", tenants.toString()))
        .isZero();
    assertThat(out.lines().toList())
        .containsExactlyInAnyOrder(
            a + ": 1 to unapply (library.0003_data)",
            b + ": 1 to unapply (library.0003_data)",
            "2 tenants: 0 up to date, 2 migrated, 0 failed");
    assertThat(run("migrate", "library", "0002", "--tenants", tenants.toString())).isZero();
    assertThat(out.lines().toList())
        .containsExactlyInAnyOrder(
            a + ": unapplied library.0003_data",
            b + ": unapplied library.0003_data",
            "2 tenants: 0 up to date, 2 migrated, 0 failed");
  }
}
