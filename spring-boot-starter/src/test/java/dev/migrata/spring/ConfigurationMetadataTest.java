package dev.migrata.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Boot's configuration processor wrote the metadata IDEs complete {@code migrata.*} from, with a
 * description for every property.
 */
class ConfigurationMetadataTest {
  @Test
  void everyPropertyIsDescribed() throws IOException {
    String json;
    try (InputStream in =
        MigrataProperties.class
            .getClassLoader()
            .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String property :
        List.of(
            "enabled",
            "url",
            "user",
            "password",
            "target",
            "lock-timeout",
            "fake-initial",
            "ddl-lock-timeout",
            "ddl-retries",
            "ddl-retry-backoff",
            "mysql-online-ddl",
            "backfill-batch-size")) {
      int at = json.indexOf("\"name\": \"migrata." + property + "\"");
      assertThat(at).as(property).isPositive();
      String entry = json.substring(at, json.indexOf('}', at));
      assertThat(entry).as(property).contains("\"description\": ");
    }
    assertThat(json).contains("\"defaultValue\": \"5m\"");
  }
}
