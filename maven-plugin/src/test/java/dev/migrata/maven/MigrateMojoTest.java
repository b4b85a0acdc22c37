package dev.migrata.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MigrateMojoTest {
  @Test
  void zeroDowntimeParametersBecomeTheClisOptions() {
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
  void unsetParametersAddNothing() {
    assertThat(new MigrateMojo().arguments()).containsExactly("migrate");
  }
}
