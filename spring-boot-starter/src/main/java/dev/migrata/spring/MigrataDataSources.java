package dev.migrata.spring;

import javax.sql.DataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Which DataSource Migrata connects through, in Flyway's order: the one marked {@link
 * MigrataDataSource}, else a connection of its own from {@code migrata.url}, else the application's
 * DataSource (as {@code migrata.user} when that is set). Migrating opens few connections, so the
 * separate ones are unpooled.
 */
final class MigrataDataSources {
  private MigrataDataSources() {}

  static DataSource resolve(
      MigrataProperties properties, DataSource qualified, DataSource primary) {
    if (qualified != null) {
      return qualified;
    }
    if (properties.getUrl() != null && !properties.getUrl().isBlank()) {
      return DataSourceBuilder.create()
          .type(SimpleDriverDataSource.class)
          .url(properties.getUrl())
          .username(properties.getUser())
          .password(properties.getPassword())
          .build();
    }
    if (primary == null) {
      throw new IllegalStateException(
          "Migrata has no DataSource to migrate: define one (spring.datasource.url), mark one"
              + " @MigrataDataSource when there are several, or set migrata.url.");
    }
    if (properties.getUser() != null && !properties.getUser().isBlank()) {
      return DataSourceBuilder.derivedFrom(primary)
          .type(SimpleDriverDataSource.class)
          .username(properties.getUser())
          .password(properties.getPassword())
          .build();
    }
    return primary;
  }
}
