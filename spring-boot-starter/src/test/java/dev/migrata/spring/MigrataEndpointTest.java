package dev.migrata.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.spring.MigrataEndpoint.MigrataReport;
import dev.migrata.spring.MigrataEndpoint.MigrationDescriptor;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MigrataEndpointTest {
  @TempDir Path dir;

  private ApplicationContextRunner runner(DataSource ds) {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                MigrataAutoConfiguration.class,
                MigrataEndpointAutoConfiguration.class,
                EndpointAutoConfiguration.class))
        .withBean(DataSource.class, () -> ds);
  }

  @Test
  void listsEachMigrationAppliedOrNotAndWhen() {
    DataSource ds = MigrataAutoConfigurationTest.sqlite(dir.resolve("app.db"));
    runner(ds)
        .withPropertyValues(
            "management.endpoints.web.exposure.include=migrata", "migrata.target=notes:0001")
        .run(
            context -> {
              MigrataReport report = context.getBean(MigrataEndpoint.class).migrations();
              assertThat(report.apps()).containsOnlyKeys("notes");
              assertThat(report.apps().get("notes"))
                  .extracting(MigrationDescriptor::name, MigrationDescriptor::applied)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple("0001_initial", true),
                      org.assertj.core.groups.Tuple.tuple("0002_note_stars", false));
              assertThat(report.apps().get("notes").get(0).appliedAt())
                  .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}.*");
              assertThat(report.apps().get("notes").get(1).appliedAt()).isNull();
            });
  }

  @Test
  void notExposedMeansNoEndpointBean() {
    DataSource ds = MigrataAutoConfigurationTest.sqlite(dir.resolve("app.db"));
    runner(ds).run(context -> assertThat(context).doesNotHaveBean(MigrataEndpoint.class));
  }
}
