package dev.migrata.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class MigrataDefaultsPostProcessorTest {
  private static StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().addFirst(new MapPropertySource("application", properties));
    return env;
  }

  private static void process(StandardEnvironment env) {
    new MigrataDefaultsPostProcessor().postProcessEnvironment(env, new SpringApplication());
  }

  @Test
  void ddlAutoDefaultsToNone() {
    StandardEnvironment env = environment(Map.of());
    process(env);
    assertThat(env.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("none");
  }

  @Test
  void theApplicationsValueWins() {
    StandardEnvironment env = environment(Map.of("spring.jpa.hibernate.ddl-auto", "validate"));
    process(env);
    assertThat(env.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
  }

  @Test
  void disabledMigrataLeavesHibernatesDefault() {
    StandardEnvironment env = environment(Map.of("migrata.enabled", "false"));
    process(env);
    assertThat(env.getProperty("spring.jpa.hibernate.ddl-auto")).isNull();
  }

  @Test
  void theBoot35VariantAddsTheSameDefaultOnce() {
    StandardEnvironment env = environment(Map.of());
    process(env);
    new MigrataDefaultsLegacyPostProcessor().postProcessEnvironment(env, new SpringApplication());
    assertThat(env.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("none");
    assertThat(env.getPropertySources().stream().map(ps -> ps.getName()))
        .containsOnlyOnce(MigrataDefaults.SOURCE);
  }

  @Test
  void isRegisteredForBoot() {
    SpringApplication app = new SpringApplication(Empty.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    // No DataSource: Migrata's auto-configuration backs off, the default is there all the same.
    try (ConfigurableApplicationContext context = app.run("--spring.main.banner-mode=off")) {
      assertThat(context.getEnvironment().getProperty("spring.jpa.hibernate.ddl-auto"))
          .isEqualTo("none");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Empty {}
}
