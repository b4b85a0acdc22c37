package dev.migrata.samples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The starter as this application gets it (its jar in a Maven build) carries Boot's configuration
 * metadata for {@code migrata.*}, which IDEs complete the properties from.
 */
class StarterMetadataTest {
  @Test
  void theStartersMetadataDescribesTheMigrataProperties() throws Exception {
    List<URL> all =
        Collections.list(
            getClass()
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"));
    URL starter =
        all.stream()
            .filter(
                u ->
                    u.toString().contains("migrata-spring-boot-starter")
                        || u.toString().contains("spring-boot-starter/target/classes"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no starter metadata among " + all));
    String json;
    try (InputStream in = starter.openStream()) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(json)
        .contains(
            "\"migrata.enabled\"",
            "\"migrata.url\"",
            "\"migrata.user\"",
            "\"migrata.password\"",
            "\"migrata.target\"",
            "\"migrata.lock-timeout\"",
            "\"migrata.fake-initial\"",
            "\"management.endpoint.migrata.access\"");
  }
}
