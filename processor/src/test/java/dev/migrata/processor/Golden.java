package dev.migrata.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Golden files under {@code src/test/resources/golden}, compared byte for byte. Run with {@code
 * -Dmigrata.regenerateGolden=true} to rewrite them from the current output (then review the diff).
 */
final class Golden {
  private Golden() {}

  static void assertMatches(String name, String actual) {
    if (Boolean.getBoolean("migrata.regenerateGolden")) {
      String dir = System.getProperty("migrata.goldenDir", "src/test/resources/golden");
      Path file = Paths.get(dir, name);
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new AssertionError("Cannot regenerate " + file, e);
      }
      return;
    }
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in)
          .as("golden file %s is missing; run with -Dmigrata.regenerateGolden=true", name)
          .isNotNull();
      String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(actual).as("generated %s differs from its golden file", name).isEqualTo(expected);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
