package dev.migrata.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Adds {@link MigrataDefaults} on Spring Boot 3.5, which knows environment post-processors only
 * under this older interface (Boot 4 still loads it; the defaults are added once). Registered under
 * the old key in {@code META-INF/spring.factories}, so Boot 5, which drops the interface, never
 * loads this class.
 */
@SuppressWarnings("removal")
class MigrataDefaultsLegacyPostProcessor
    implements org.springframework.boot.env.EnvironmentPostProcessor, Ordered {
  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    MigrataDefaults.addTo(environment);
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
