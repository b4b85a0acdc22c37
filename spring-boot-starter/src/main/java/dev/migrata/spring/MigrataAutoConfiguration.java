package dev.migrata.spring;

import dev.migrata.Migrata;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * Migrates at start-up, after the DataSource exists and before JPA and every bean that needs the
 * schema: the {@link MigrataInitializer} bean is a database initializer to Boot (see {@link
 * MigrataInitializerDetector}), which {@link DatabaseInitializationDependencyConfigurer} makes the
 * others depend on. A {@link MigrataMigrationStrategy} bean replaces what the initializer does.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      // Where Boot 3 has it; named, not referenced, so that neither Boot needs the other's class.
      "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"
    })
@ConditionalOnClass(Migrata.class)
@Conditional(MigrataAutoConfiguration.DataSourceAvailable.class)
@ConditionalOnBooleanProperty(name = "migrata.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrataProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class MigrataAutoConfiguration {

  /** The facade, for the application's own use too (showMigrations, plans). */
  @Bean
  @ConditionalOnMissingBean
  Migrata migrata(
      MigrataProperties properties,
      ResourceLoader resourceLoader,
      @MigrataDataSource ObjectProvider<DataSource> migrataDataSource,
      ObjectProvider<DataSource> dataSource) {
    return Migrata.configure()
        .dataSource(
            MigrataDataSources.resolve(
                properties, migrataDataSource.getIfAvailable(), dataSource.getIfUnique()))
        .classLoader(resourceLoader.getClassLoader())
        .lockTimeout(properties.getLockTimeout())
        .ddlLockTimeout(properties.getDdlLockTimeout())
        .ddlRetries(properties.getDdlRetries())
        .ddlRetryBackoff(properties.getDdlRetryBackoff())
        .mysqlOnlineDdl(properties.isMysqlOnlineDdl())
        .backfillBatchSize(properties.getBackfillBatchSize())
        .listener(new MigrataLog())
        .load();
  }

  @Bean
  @ConditionalOnMissingBean
  MigrataInitializer migrataInitializer(
      Migrata migrata,
      MigrataProperties properties,
      ObjectProvider<MigrataMigrationStrategy> strategy) {
    return new MigrataInitializer(
        migrata,
        strategy.getIfAvailable(
            () -> new StartupMigration(properties.getTarget(), properties.isFakeInitial())));
  }

  /**
   * Migrates at start-up under {@code spring.main.lazy-initialization} too: a lazy initializer
   * would run only when JPA first needs the schema, or never without JPA.
   */
  @Bean
  static LazyInitializationExcludeFilter migrataInitializerIsEager() {
    return LazyInitializationExcludeFilter.forBeanTypes(MigrataInitializer.class);
  }

  /** A DataSource to migrate through, or a URL of Migrata's own. */
  static final class DataSourceAvailable extends AnyNestedCondition {
    DataSourceAvailable() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnBean(DataSource.class)
    static final class DataSourceBean {}

    @ConditionalOnProperty("migrata.url")
    static final class MigrataUrl {}
  }
}
