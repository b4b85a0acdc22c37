package dev.migrata.spring;

import dev.migrata.Migrata;
import java.util.Objects;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates when the context creates it. Boot's database initialization ordering (through {@link
 * MigrataInitializerDetector}) makes the JPA {@code EntityManagerFactory} and every bean annotated
 * {@code @DependsOnDatabaseInitialization} wait for this bean, so Hibernate validates (or uses) a
 * migrated schema.
 */
public class MigrataInitializer implements InitializingBean {
  private final Migrata migrata;
  private final MigrataMigrationStrategy strategy;

  public MigrataInitializer(Migrata migrata, MigrataMigrationStrategy strategy) {
    this.migrata = Objects.requireNonNull(migrata, "migrata");
    this.strategy = Objects.requireNonNull(strategy, "strategy");
  }

  @Override
  public void afterPropertiesSet() {
    strategy.migrate(migrata);
  }
}
