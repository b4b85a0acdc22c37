package dev.migrata.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic.Kind;
import org.junit.jupiter.api.Test;

/**
 * The catalogue of {@link Problem}s stays whole: codes unique and well formed, every constant
 * raised by the processor and by a test, and README.md's table in step with the enum.
 */
class ProblemCatalogueTest {
  /** {@code migrata.E001}, Django's {@code fields.W900}: a prefix, the kind's letter, 3 digits. */
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*\\.([EWI])\\d{3}");

  private static final Pattern ROW =
      Pattern.compile("\\| `([^`]+)` \\| (error|warning|note) \\| ([^|]+) \\| ([^|]+) \\|");

  // Surefire runs in the module's directory.
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path SOURCES = MODULE.resolve("src/main/java/dev/migrata");
  private static final Path TESTS = MODULE.resolve("src/test/java/dev/migrata");
  private static final Path README = MODULE.getParent().resolve("README.md");

  @Test
  void everyCodeIsUniqueAndOfTheRightShape() {
    Set<String> seen = new HashSet<>();
    for (Problem p : Problem.values()) {
      Matcher m = CODE.matcher(p.code());
      assertThat(m.matches()).as("%s: %s is not like migrata.E001", p, p.code()).isTrue();
      assertThat(m.group(1)).as("%s: the letter of %s", p, p.code()).isEqualTo(letter(p.kind()));
      assertThat(seen.add(p.code())).as("%s: %s is used twice", p, p.code()).isTrue();
    }
  }

  @Test
  void everyProblemIsRaisedByTheProcessor() throws IOException {
    String main = text(SOURCES, path -> !path.endsWith("Problem.java"));
    for (Problem p : Problem.values()) {
      assertThat(main)
          .as("%s is never reported: raise it, or remove it if it is dead", p)
          .containsPattern("\\b" + p.name() + "\\b");
    }
  }

  @Test
  void everyCodeIsCheckedByACompileTest() throws IOException {
    String tests = text(TESTS, path -> !path.endsWith(getClass().getSimpleName() + ".java"));
    for (Problem p : Problem.values()) {
      assertThat(tests)
          .as("no test expects a diagnostic starting with [%s] (%s)", p.code(), p)
          .contains("\"[" + p.code() + "]");
    }
  }

  @Test
  void readmeListsEveryCodeInOrder() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int start = readme.indexOf("\n## Diagnostics\n");
    assertThat(start).as("README.md has a Diagnostics section").isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);

    List<String> listed = new ArrayList<>();
    Matcher m = ROW.matcher(section);
    while (m.find()) {
      assertThat(m.group(3).trim()).as("when for %s", m.group(1)).isNotEmpty();
      assertThat(m.group(4).trim()).as("fix for %s", m.group(1)).isNotEmpty();
      listed.add(m.group(1) + " " + m.group(2));
    }
    List<String> expected = new ArrayList<>();
    StringBuilder rows = new StringBuilder();
    for (Problem p : Problem.values()) {
      expected.add(p.code() + " " + word(p.kind()));
      rows.append(String.format("| `%s` | %s | ... | ... |%n", p.code(), word(p.kind())));
    }
    assertThat(listed)
        .as("README.md's Diagnostics table, one row per Problem in enum order:%n%s", rows)
        .containsExactlyElementsOf(expected);
  }

  private static String letter(Kind kind) {
    return switch (kind) {
      case ERROR -> "E";
      case WARNING, MANDATORY_WARNING -> "W";
      default -> "I";
    };
  }

  private static String word(Kind kind) {
    return switch (kind) {
      case ERROR -> "error";
      case WARNING, MANDATORY_WARNING -> "warning";
      default -> "note";
    };
  }

  private static String text(Path root, java.util.function.Predicate<Path> include)
      throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        if (include.test(f)) {
          all.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
        }
      }
    }
    return all.toString();
  }
}
