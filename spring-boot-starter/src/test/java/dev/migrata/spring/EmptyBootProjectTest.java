package dev.migrata.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Boot application with nothing but this starter, a driver and one app's models: Boot's own
 * DataSource from {@code spring.datasource.url}, migrated at start-up through the
 * auto-configuration that {@code AutoConfiguration.imports} registers.
 */
class EmptyBootProjectTest {
  @TempDir Path dir;

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @ParameterizedTest(name = "lazy-initialization={0}")
  @ValueSource(booleans = {false, true})
  void theStarterAndADriverAreEnough(boolean lazy) throws Exception {
    Path file = dir.resolve("app.db");
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(App.class)
            .web(WebApplicationType.NONE)
            .run(
                "--spring.datasource.url=jdbc:sqlite:" + file,
                "--spring.main.lazy-initialization=" + lazy,
                "--spring.main.banner-mode=off")) {
      // Migrated during the start, also when every bean is lazy: nothing has asked for one yet.
      assertThat(MigrataAutoConfigurationTest.history(MigrataAutoConfigurationTest.sqlite(file)))
          .containsExactly("notes.0001_initial", "notes.0002_note_stars");
      assertThat(context.getBean(DataSource.class).getClass().getSimpleName())
          .isEqualTo("HikariDataSource");
    }
  }
}
