package dev.migrata.internal.migration;

import dev.migrata.internal.state.Deconstructed;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The index the processor writes into each build's class output ({@link #RESOURCE}) so the runtime
 * finds every migration without scanning the classpath or loading migration classes.
 *
 * <p>One line per migration, tab-separated: app, name, class, flags ({@code i} initial, {@code n}
 * non-atomic; MySQL's online DDL: {@code o} on and {@code c} off by the migration's own setting,
 * {@code a} on by its app's, which older readers ignore), dependencies, replaces, run-before (each
 * {@code app:name} joined by {@code ,}), the migration's checksum ({@link MigrationChecksum}'s
 * whole hash, so an up-to-date check compares names and stored hashes and hashes nothing), then the
 * operations as JSON, decoded only when the migration is planned. Version 1 indexes (no checksum
 * column) stay readable.
 */
public final class MigrationIndex {
  public static final String RESOURCE = "META-INF/migrata/index";
  static final String HEADER = "# migrata index v2";
  static final String HEADER_V1 = "# migrata index v1";

  private MigrationIndex() {}

  /** The index text for {@code migrations}, one line each, in the given order. */
  public static String write(List<MigrationDefinition> migrations) {
    return write(migrations, Set.of());
  }

  /**
   * The index text for {@code migrations}; those of {@code onlineDdlApps} (apps that say
   * {@code @App(mysqlOnlineDdl = true)}) are marked so.
   */
  public static String write(List<MigrationDefinition> migrations, Set<String> onlineDdlApps) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (MigrationDefinition m : migrations) {
      Boolean own = m.ownOnlineDdl();
      String flags =
          (m.initial() ? "i" : "")
              + (m.atomic() ? "" : "n")
              + (own == null ? "" : own ? "o" : "c")
              + (m.appOnlineDdl() || onlineDdlApps.contains(m.app()) ? "a" : "");
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
    return read(text.getBytes(StandardCharsets.UTF_8), source);
  }

  /**
   * Parses the index's bytes (UTF-8; tab and newline never occur inside a character): the short
   * columns become strings, the operations' JSON stays a slice of {@code bytes}, decoded only for a
   * migration that is planned or hashed. So a start-up allocates the file once, not three times
   * (bytes, text, a substring per line), which at N = 10,000 (3.4 MB) cost garbage collections.
   */
  static List<MigrationDefinition> read(byte[] bytes, String source) {
    boolean v1 = startsWith(bytes, HEADER_V1);
    int columns = v1 ? 8 : 9;
    List<MigrationDefinition> result = new ArrayList<>();
    int[] cut = new int[columns];
    int lineNumber = 0;
    int start = 0;
    int length = bytes.length;
    while (start < length) {
      int end = indexOf(bytes, (byte) '\n', start, length);
      int line = start;
      start = end + 1;
      lineNumber++;
      if (bytes[line] == '#' || blank(bytes, line, end)) {
        continue;
      }
      // cut[i]: where column i ends; the last column (the JSON) runs to the end of the line.
      int column = 0;
      for (int i = line; column < columns - 1; i++) {
        i = indexOf(bytes, (byte) '\t', i, end);
        if (i == end) {
          break;
        }
        cut[column++] = i;
      }
      if (column != columns - 1) {
        throw new IllegalArgumentException(
            "Malformed migration index " + source + " at line " + lineNumber + ".");
      }
      IndexedOperations ops = new IndexedOperations(bytes, cut[columns - 2] + 1, end);
      String flags = text(bytes, cut[2] + 1, cut[3]);
      MigrationDefinition m =
          new MigrationDefinition(
              new MigrationKey(text(bytes, line, cut[0]), text(bytes, cut[0] + 1, cut[1])),
              text(bytes, cut[1] + 1, cut[2]),
              parseKeys(bytes, cut[3] + 1, cut[4]),
              parseKeys(bytes, cut[4] + 1, cut[5]),
              parseKeys(bytes, cut[5] + 1, cut[6]),
              flags.indexOf('i') >= 0,
              flags.indexOf('n') < 0,
              ops,
              null);
      if (!v1) {
        m.presetChecksum(text(bytes, cut[6] + 1, cut[7]));
      }
      boolean on = flags.indexOf('o') >= 0;
      m.onlineDdl(on || flags.indexOf('c') >= 0 ? on : null, flags.indexOf('a') >= 0);
      result.add(m);
    }
    return result;
  }

  /**
   * The first {@code b} in {@code bytes[from..to)}, or {@code to}. A method of its own, small, so
   * that the JIT compiles it early and cheaply: the loop runs over the whole index.
   */
  static int indexOf(byte[] bytes, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return to;
  }

  private static String text(byte[] bytes, int from, int to) {
    return new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }

  static boolean startsWith(byte[] bytes, String prefix) {
    if (bytes.length < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (bytes[i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  static boolean blank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(bytes[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The operations of one line: its JSON as a slice of the index's bytes, decoded on first use only
   * (an up-to-date check never asks).
   */
  static final class IndexedOperations implements Supplier<List<Deconstructed>> {
    private final byte[] bytes;
    private final int from;
    private final int to;
    private List<Deconstructed> decoded;

    IndexedOperations(byte[] bytes, int from, int to) {
      this.bytes = bytes;
      this.from = from;
      this.to = to;
    }

    /** The JSON exactly as the index holds it. */
    String json() {
      return text(bytes, from, to);
    }

    @Override
    public synchronized List<Deconstructed> get() {
      if (decoded == null) {
        decoded = Json.readDeconstructed(json());
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
      result.addAll(read(bytes(url), url.toString()));
    }
    return result;
  }

  /**
   * The resource's bytes, read into one array of the file's or jar entry's size. Not through a
   * {@code file:} URL's connection: its length comes with its headers, whose date formatting loads
   * some fifty classes into a start-up that needs none of them.
   */
  static byte[] bytes(URL url) throws IOException {
    if (url.getProtocol().equals("file")) {
      File file = null;
      try {
        file = new File(url.toURI());
      } catch (URISyntaxException | IllegalArgumentException e) {
        // Not a plain path: read it as any other URL.
      }
      if (file != null) {
        // One native read of the file's size; Files.readAllBytes copies it through a temporary
        // direct buffer as large, which costs twice the CPU (bench/README.md, "N = 10,000").
        try (FileInputStream in = new FileInputStream(file)) {
          return in.readAllBytes();
        }
      }
    }
    URLConnection connection = url.openConnection();
    long length = connection instanceof JarURLConnection jar ? jar.getJarEntry().getSize() : -1;
    try (InputStream in = connection.getInputStream()) {
      if (length < 0 || length > Integer.MAX_VALUE - 8) {
        return in.readAllBytes();
      }
      byte[] bytes = in.readNBytes((int) length);
      int next = in.read();
      if (next < 0) {
        return bytes;
      }
      // A resource longer than its entry said: the rest too.
      java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
      all.write(bytes);
      all.write(next);
      in.transferTo(all);
      return all.toByteArray();
    }
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

  /**
   * The keys {@code app:name,app:name} of {@code bytes[from..to)}, {@code -} for none. On the
   * bytes, with the scan and decoding the columns use: no split, substring or list copy per line
   * (the definition keeps the immutable list as it is).
   */
  private static List<MigrationKey> parseKeys(byte[] bytes, int from, int to) {
    if (to - from == 1 && bytes[from] == '-') {
      return List.of();
    }
    int comma = indexOf(bytes, (byte) ',', from, to);
    if (comma == to) {
      return List.of(key(bytes, from, to));
    }
    List<MigrationKey> keys = new ArrayList<>();
    int start = from;
    while (start < to) {
      int end = indexOf(bytes, (byte) ',', start, to);
      keys.add(key(bytes, start, end));
      start = end + 1;
    }
    return List.copyOf(keys);
  }

  private static MigrationKey key(byte[] bytes, int from, int to) {
    int colon = indexOf(bytes, (byte) ':', from, to);
    return new MigrationKey(text(bytes, from, colon), text(bytes, colon + 1, to));
  }
}
