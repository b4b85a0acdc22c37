package dev.migrata.internal.migration;

import dev.migrata.internal.state.Deconstructed;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The index the processor writes into each build's class output ({@link #RESOURCE}) so the runtime
 * finds every migration without scanning the classpath or loading migration classes.
 *
 * <p>One line per migration, tab-separated: app, name, class, flags ({@code i} initial, {@code n}
 * non-atomic), dependencies, replaces, run-before (each {@code app:name} joined by {@code ,}), the
 * migration's checksum ({@link MigrationChecksum}'s whole hash, so an up-to-date check compares
 * names and stored hashes and hashes nothing), then the operations as JSON, decoded only when the
 * migration is planned. Version 1 indexes (no checksum column) stay readable.
 */
public final class MigrationIndex {
  public static final String RESOURCE = "META-INF/migrata/index";
  static final String HEADER = "# migrata index v2";
  static final String HEADER_V1 = "# migrata index v1";

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
          .append(m.checksum())
          .append('\t')
          .append(m.operationsJson())
          .append('\n');
    }
    return out.toString();
  }

  /** Parses index text (version 1 or 2); {@code source} names it in errors. */
  public static List<MigrationDefinition> read(String text, String source) {
    boolean v1 = text.startsWith(HEADER_V1);
    int columns = v1 ? 8 : 9;
    List<MigrationDefinition> result = new ArrayList<>();
    int lineNumber = 0;
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end);
      start = end + 1;
      lineNumber++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t", columns);
      if (parts.length != columns) {
        throw new IllegalArgumentException(
            "Malformed migration index " + source + " at line " + lineNumber + ".");
      }
      String opsJson = parts[columns - 1];
      MigrationDefinition m =
          new MigrationDefinition(
              new MigrationKey(parts[0], parts[1]),
              parts[2],
              parseKeys(parts[4]),
              parseKeys(parts[5]),
              parseKeys(parts[6]),
              parts[3].indexOf('i') >= 0,
              parts[3].indexOf('n') < 0,
              new LazyOperations(opsJson),
              opsJson);
      if (!v1) {
        m.presetChecksum(parts[7]);
      }
      result.add(m);
    }
    return result;
  }

  /** The operations of one line, decoded on first use only (an up-to-date check never asks). */
  private static final class LazyOperations implements Supplier<List<Deconstructed>> {
    private final String json;
    private List<Deconstructed> decoded;

    LazyOperations(String json) {
      this.json = json;
    }

    @Override
    public synchronized List<Deconstructed> get() {
      if (decoded == null) {
        decoded = Json.readDeconstructed(json);
      }
      return decoded;
    }
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
    // A loop, not a stream: lambdas cost their bootstrap in the cold JVM of a no-op startup.
    String[] items = text.split(",");
    List<MigrationKey> keys = new ArrayList<>(items.length);
    for (String item : items) {
      int colon = item.indexOf(':');
      keys.add(new MigrationKey(item.substring(0, colon), item.substring(colon + 1)));
    }
    return keys;
  }
}
