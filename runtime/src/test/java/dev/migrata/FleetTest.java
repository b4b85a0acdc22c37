package dev.migrata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.migration.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenant fleets (issue 15): URLs, PostgreSQL schemas and MariaDB databases of one server; every
 * tenant migrated under its own lock, a failing tenant never stopping the others, the summary and
 * the JSON report.
 */
class FleetTest {
  @TempDir Path dir;

  private static Migrata.Configuration library() {
    return Migrata.configure().migrations(Fixtures.library());
  }

  @Test
  void urlsOfSqliteFilesAreMigratedAndABrokenTenantFailsAlone() throws Exception {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      urls.add("jdbc:sqlite:" + dir.resolve("t" + i + ".db"));
    }
    // t1 is up to date already; t3 lies in a directory that does not exist.
    library().jdbcUrl(urls.get(1), null, null).load().migrate();
    urls.set(3, "jdbc:sqlite:" + dir.resolve("missing/t3.db"));
    List<String> lines = Collections.synchronizedList(new ArrayList<>());

    FleetReport report =
        library()
            .fleet(Tenants.urls(urls, null, null))
            .parallel(3)
            .migrate(r -> lines.add(r.line()));

    assertThat(report.summary()).isEqualTo("5 tenants: 1 up to date, 3 migrated, 1 failed");
    assertThat(report.results()).extracting(TenantResult::tenant).containsExactlyElementsOf(urls);
    assertThat(report.results())
        .extracting(TenantResult::status)
        .containsExactly(
            TenantResult.Status.MIGRATED,
            TenantResult.Status.UP_TO_DATE,
            TenantResult.Status.MIGRATED,
            TenantResult.Status.FAILED,
            TenantResult.Status.MIGRATED);
    assertThat(report.results().get(0).migrations())
        .containsExactly("library.0001_initial", "library.0002_book_rating", "library.0003_data");
    assertThat(report.results().get(3).error()).isNotBlank();
    assertThat(lines)
        .hasSize(5)
        .contains(
            urls.get(1) + ": up to date",
            urls.get(0)
                + ": migrated library.0001_initial, library.0002_book_rating, library.0003_data")
        .anyMatch(l -> l.startsWith(urls.get(3) + ": FAILED: "));
    for (int i : new int[] {0, 1, 2, 4}) {
      assertThat(new Db(dir, "t" + i + ".db").history()).hasSize(3);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) Json.parse(report.toJson());
    assertThat(json).containsEntry("failed", new Json.Num("1"));
    assertThat((List<?>) json.get("results")).hasSize(5);
    assertThat(report.toJson())
        .contains("\"status\": \"failed\"", "\"status\": \"up_to_date\"", "\"migrations\": [");
  }

  @Test
  void postgresSchemasMatchingAPatternEachKeepTheirOwnHistory() throws Exception {
    try (Db db = Db.create(Db.Kind.POSTGRES, dir)) {
      for (int i = 1; i <= 12; i++) {
        db.exec(String.format("CREATE SCHEMA tenant_%03d", i));
      }
      db.exec("CREATE SCHEMA other");
      Tenants tenants = Tenants.schemas(db.url, null, null, "tenant_*");

      FleetReport first = library().fleet(tenants).parallel(4).migrate(r -> {});
      FleetReport again = library().fleet(tenants).parallel(4).migrate(r -> {});

      assertThat(first.summary()).isEqualTo("12 tenants: 0 up to date, 12 migrated, 0 failed");
      assertThat(first.results().get(0).tenant()).isEqualTo("tenant_001");
      assertThat(again.summary()).isEqualTo("12 tenants: 12 up to date, 0 migrated, 0 failed");
      assertThat(db.rows("SELECT count(*) FROM tenant_007.migrata_migrations"))
          .containsExactly("3");
      assertThat(db.rows("SELECT name FROM tenant_012.library_author")).containsExactly("Ann");
      assertThat(
              db.rows(
                  "SELECT count(*) FROM information_schema.tables"
                      + " WHERE table_schema IN ('public', 'other')"))
          .containsExactly("0");
    }
  }

  @Test
  void twoFleetsOnTheSameSchemasApplyEachMigrationOncePerSchema() throws Exception {
    try (Db db = Db.create(Db.Kind.POSTGRES, dir)) {
      for (int i = 1; i <= 6; i++) {
        db.exec("CREATE SCHEMA t" + i);
      }
      ExecutorService two = Executors.newFixedThreadPool(2);
      try {
        List<Future<FleetReport>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          runs.add(
              two.submit(
                  () ->
                      Migrata.configure()
                          .migrations(SqliteLockProcessesTest.migrations())
                          .fleet(Tenants.schemas(db.url, null, null, "t*"))
                          .parallel(3)
                          .migrate(r -> {})));
        }
        for (Future<FleetReport> run : runs) {
          assertThat(run.get().failed()).isZero();
        }
      } finally {
        two.shutdownNow();
      }
      for (int i = 1; i <= 6; i++) {
        assertThat(db.rows("SELECT count(*) FROM t" + i + ".library_author WHERE name = 'once'"))
            .as("schema t%d", i)
            .containsExactly("1");
      }
    }
  }

  @Test
  void mariadbDatabasesOfOneServerAreTenantsAndAPlanChangesNothing() throws Exception {
    // Databases of our own prefix: other tests' databases on the server must never match.
    String prefix = "migrata_f_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String admin = "jdbc:mariadb://127.0.0.1:3306/test?user=root";
    try (Db probe = Db.create(Db.Kind.MARIADB, dir)) {
      probe.exec("CREATE DATABASE " + prefix + "_a", "CREATE DATABASE " + prefix + "_b");
      try {
        String a = "jdbc:mariadb://127.0.0.1:3306/" + prefix + "_a?user=root";
        library().jdbcUrl(a, null, null).load().migrate("library", "0001_initial");

        FleetReport plan =
            library()
                .fleet(Tenants.schemas(admin, null, null, prefix + "_a"))
                .plan(null, null, r -> {});
        assertThat(plan.results())
            .singleElement()
            .satisfies(
                r ->
                    assertThat(r.line())
                        .isEqualTo(
                            prefix
                                + "_a: 2 unapplied (library.0002_book_rating,"
                                + " library.0003_data)"));
        assertThat(plan.summary()).isEqualTo("1 tenants: 0 up to date, 1 migrated, 0 failed");

        FleetReport report =
            library().fleet(Tenants.schemas(admin, null, null, prefix + "_*")).migrate(r -> {});
        assertThat(report.summary()).isEqualTo("2 tenants: 0 up to date, 2 migrated, 0 failed");
        assertThat(report.results().get(0).migrations())
            .containsExactly("library.0002_book_rating", "library.0003_data");
        assertThat(probe.rows("SELECT count(*) FROM " + prefix + "_b.migrata_migrations"))
            .containsExactly("3");
      } finally {
        probe.exec("DROP DATABASE " + prefix + "_a", "DROP DATABASE " + prefix + "_b");
      }
    }
  }
}
