package dev.migrata.spring;

import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With Migrata the migrations own the schema, so Hibernate must not create or update it: {@code
 * spring.jpa.hibernate.ddl-auto} defaults to {@code none} (as the lowest-precedence property
 * source, so any value the application sets wins; {@code validate} is the one to set). Apart from
 * the post-processors because each of them implements an interface only one Boot generation has.
 */
final class MigrataDefaults {
  static final String SOURCE = "migrataDefaults";
  static final String DDL_AUTO = "spring.jpa.hibernate.ddl-auto";

  private MigrataDefaults() {}

  /** Once, and only while Migrata is enabled (read after config data is loaded). */
  static void addTo(ConfigurableEnvironment environment) {
    if (!environment.getProperty("migrata.enabled", Boolean.class, true)
        || environment.getPropertySources().contains(SOURCE)) {
      return;
    }
    environment
        .getPropertySources()
        .addLast(new MapPropertySource(SOURCE, Map.of(DDL_AUTO, "none")));
  }
}
