package dev.migrata.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class MigrateMojoTest {
  @Test
  void zeroDowntimeParametersBecomeTheClisOptions() throws Exception {
    MigrateMojo mojo = new MigrateMojo();
    mojo.app = "shop";
    mojo.ddlLockTimeout = 2L;
    mojo.ddlRetries = 5;
    mojo.onlineDdl = true;
    mojo.batchSize = 500;
    assertThat(mojo.arguments())
        .containsExactly(
            "migrate",
            "shop",
            "--online-ddl",
            "--ddl-lock-timeout",
            "2",
            "--ddl-retries",
            "5",
            "--batch-size",
            "500");
  }

  @Test
  void unsetParametersAddNothing() throws Exception {
    assertThat(new MigrateMojo().arguments()).containsExactly("migrate");
  }

  @Test
  void theTargetIsAMigrationOfTheApp() throws Exception {
    MigrateMojo mojo = new MigrateMojo();
    mojo.app = "shop";
    mojo.target = "0001";
    assertThat(mojo.arguments()).containsExactly("migrate", "shop", "0001");
  }

  /** SPEC's user property for a migration is migrata.migration too: it must not be ignored. */
  @Test
  void migrationIsTheTargetUnderTheOtherGoalsName() throws Exception {
    MigrateMojo mojo = new MigrateMojo();
    mojo.app = "shop";
    mojo.migration = "zero";
    assertThat(mojo.arguments()).containsExactly("migrate", "shop", "zero");
    mojo.target = "zero";
    assertThat(mojo.arguments()).containsExactly("migrate", "shop", "zero");
    mojo.target = "0001";
    assertThatThrownBy(mojo::arguments)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "migrata.target (0001) and migrata.migration (zero) name different migrations; give"
                + " one of them.");
  }

  /** As the Spring Boot property migrata.target: app:name, or an app alone. */
  @Test
  void aTargetWithoutAnAppMayBeAppColonName() throws Exception {
    MigrateMojo mojo = new MigrateMojo();
    mojo.target = "shop:0001";
    assertThat(mojo.arguments()).containsExactly("migrate", "shop", "0001");
    mojo.target = "0001";
    assertThatThrownBy(mojo::arguments)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("migrata.target needs migrata.app");
  }
}
