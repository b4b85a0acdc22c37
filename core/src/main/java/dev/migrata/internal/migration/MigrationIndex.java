package dev.migrata.internal.migration;

import dev.migrata.internal.state.Deconstructed;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;

/**
 * The index the processor writes into each build's class output ({@link #RESOURCE}) so the runtime
 * finds every migration without scanning the classpath or loading migration classes.
 *
 * <p>One line per migration, tab-separated: app, name, class, flags ({@code i} initial, {@code n}
 * non-atomic), dependencies, replaces, run-before (each {@code app:name} joined by {@code ,}), then
 * the operations as JSON, decoded only when the migration is planned.
 */
public final class MigrationIndex {
  public static final String RESOURCE = "META-INF/migrata/index";
  static final String HEADER = "# migrata index v1";

  private MigrationIndex() {}

  /** The index text for {@code migrations}, one line each, in the given order. */
  public static String write(List<MigrationDefinition> migrations) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (MigrationDefinition m : migrations) {
      String flags = (m.initial() ? "i" : "") + (m.atomic() ? "" : "n");
      out.append(m.app())
          .append('\t')
          .append(m.name())
          .append('\t')
          .append(m.className())
          .append('\t')
          .append(flags.isEmpty() ? "-" : flags)
          .append('\t')
          .append(keys(m.dependencies()))
          .append('\t')
          .append(keys(m.replaces()))
          .append('\t')
          .append(keys(m.runBefore()))
          .append('\t')
          .append(Json.writeDeconstructed(m.deconstructedOperations()))
          .append('\n');
    }
    return out.toString();
  }

  /** Parses index text; {@code source} names it in errors. */
  public static List<MigrationDefinition> read(String text, String source) {
    List<MigrationDefinition> result = new ArrayList<>();
    String[] lines = text.split("\n");
    int lineNumber = 0;
    for (String line : lines) {
      lineNumber++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t", 8);
      if (parts.length != 8) {
        throw new IllegalArgumentException(
            "Malformed migration index " + source + " at line " + lineNumber + ".");
      }
      String opsJson = parts[7];
      List<Deconstructed>[] cache = new List[1];
      result.add(
          new MigrationDefinition(
              new MigrationKey(parts[0], parts[1]),
              parts[2],
              parseKeys(parts[4]),
              parseKeys(parts[5]),
              parseKeys(parts[6]),
              parts[3].contains("i"),
              !parts[3].contains("n"),
              () -> {
                if (cache[0] == null) {
                  cache[0] = Json.readDeconstructed(opsJson);
                }
                return cache[0];
              },
              opsJson));
    }
    return result;
  }

  /** Every index on {@code loader}'s classpath (one per module that has migrations). */
  public static List<MigrationDefinition> load(ClassLoader loader) throws IOException {
    List<MigrationDefinition> result = new ArrayList<>();
    Enumeration<URL> urls = loader.getResources(RESOURCE);
    while (urls.hasMoreElements()) {
      URL url = urls.nextElement();
      try (InputStream in = url.openStream()) {
        result.addAll(read(new String(in.readAllBytes(), StandardCharsets.UTF_8), url.toString()));
      }
    }
    return result;
  }

  private static String keys(List<MigrationKey> keys) {
    if (keys.isEmpty()) {
      return "-";
    }
    StringBuilder out = new StringBuilder();
    for (MigrationKey k : keys) {
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(k.app()).append(':').append(k.name());
    }
    return out.toString();
  }

  private static List<MigrationKey> parseKeys(String text) {
    if (text.equals("-")) {
      return List.of();
    }
    return Arrays.stream(text.split(","))
        .map(
            s -> {
              int colon = s.indexOf(':');
              return new MigrationKey(s.substring(0, colon), s.substring(colon + 1));
            })
        .toList();
  }
}
