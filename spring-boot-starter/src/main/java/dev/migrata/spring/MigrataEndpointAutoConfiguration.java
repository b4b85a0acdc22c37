package dev.migrata.spring;

import dev.migrata.Migrata;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code migrata} Actuator endpoint, when the application has Actuator and exposes it. */
@AutoConfiguration(after = MigrataAutoConfiguration.class)
@ConditionalOnClass(
    name =
        "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint")
@ConditionalOnAvailableEndpoint(MigrataEndpoint.class)
public final class MigrataEndpointAutoConfiguration {
  @Bean
  @ConditionalOnBean(Migrata.class)
  @ConditionalOnMissingBean
  MigrataEndpoint migrataEndpoint(
      Migrata migrata,
      ObjectProvider<MigrataProperties> properties,
      @MigrataDataSource ObjectProvider<DataSource> migrataDataSource,
      ObjectProvider<DataSource> dataSource) {
    return new MigrataEndpoint(
        migrata,
        MigrataDataSources.resolve(
            properties.getIfAvailable(MigrataProperties::new),
            migrataDataSource.getIfAvailable(),
            dataSource.getIfUnique()));
  }
}
