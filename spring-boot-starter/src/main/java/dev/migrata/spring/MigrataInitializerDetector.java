package dev.migrata.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Boot that {@link MigrataInitializer} beans initialize the database, so that what depends on
 * database initialization (JPA, {@code @DependsOnDatabaseInitialization} beans, JdbcTemplate users)
 * is created after them. Registered in {@code META-INF/spring.factories}.
 */
class MigrataInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {
  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(MigrataInitializer.class);
  }

  /** Beside Flyway's and Liquibase's detectors, before script-based initialization. */
  @Override
  public int getOrder() {
    return 1;
  }
}
