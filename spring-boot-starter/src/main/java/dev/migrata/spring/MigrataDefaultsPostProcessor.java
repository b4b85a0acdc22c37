package dev.migrata.spring;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With Migrata the migrations own the schema, so Hibernate must not create or update it: {@code
 * spring.jpa.hibernate.ddl-auto} defaults to {@code none} (as the lowest-precedence property
 * source, so any value the application sets wins; {@code validate} is the one to set).
 */
class MigrataDefaultsPostProcessor implements EnvironmentPostProcessor, Ordered {
  static final String SOURCE = "migrataDefaults";
  static final String DDL_AUTO = "spring.jpa.hibernate.ddl-auto";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.getProperty("migrata.enabled", Boolean.class, true)
        || environment.getPropertySources().contains(SOURCE)) {
      return;
    }
    environment
        .getPropertySources()
        .addLast(new MapPropertySource(SOURCE, Map.of(DDL_AUTO, "none")));
  }

  /** After the config data (application.properties) is loaded, so that migrata.enabled is seen. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
