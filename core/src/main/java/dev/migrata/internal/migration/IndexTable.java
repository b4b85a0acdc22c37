package dev.migrata.internal.migration;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;

/**
 * The migration index as a table over its bytes: where each line's name and stored checksum are,
 * its dependencies and run-before resolved to line numbers, in a few int arrays. A no-op start-up
 * compares the history with it and builds no string or object per migration; the definitions
 * ({@link MigrationIndex#read}) are parsed from the same bytes only when something needs them.
 *
 * <p>At N = 10,000 the definitions were some ten objects and eight decoded strings per line, and
 * the loops that made them were a good part of what the JIT compiled in a start-up
 * (bench/README.md, "N = 10,000"). Reading the table checks every line as {@link
 * MigrationIndex#read} would, so a malformed index still fails where it did.
 *
 * <p>The lookups try the expected line first: history row i is usually line i (one app, applied in
 * order), a dependency usually the line before (the processor writes each app's migrations in
 * order), and an app usually the one of the line before. Only a miss hashes; so the code a start-up
 * runs ten thousand times, and the JIT compiles, is a few byte comparisons.
 */
public final class IndexTable {
  private final List<byte[]> parts;
  private final List<String> sources;

  /** Every resource's bytes, one after the other: the offsets below point into it. */
  private final byte[] bytes;

  private final boolean compact;
  private final int size;
  // Line m's column ranges (IndexLines); its app and name are the names table's.
  private final int[] checksumFrom;
  private final int[] checksumTo;
  private final int[] dependenciesFrom; // column ranges, resolved into edges below
  private final int[] dependenciesTo;
  private final int[] runBeforeFrom;
  private final int[] runBeforeTo;
  private final boolean squashes;
  private final IndexNames names; // null unless every index is version 2
  private int[] dependencyStart;
  private int[] dependency;
  private int[] runBeforeStart;
  private int[] runBefore;
  private List<MigrationDefinition> definitions;

  private IndexTable(List<byte[]> parts, List<String> sources) {
    this.parts = parts;
    this.sources = sources;
    IndexLines lines = new IndexLines(parts, sources);
    bytes = lines.bytes;
    size = lines.size;
    checksumFrom = lines.checksumFrom;
    checksumTo = lines.checksumTo;
    dependenciesFrom = lines.dependenciesFrom;
    dependenciesTo = lines.dependenciesTo;
    runBeforeFrom = lines.runBeforeFrom;
    runBeforeTo = lines.runBeforeTo;
    squashes = lines.squashes;
    names = !parts.isEmpty() && lines.allV2 ? new IndexNames(lines) : null;
    this.compact = names != null && names.ascii();
    if (compact) {
      resolve();
    }
  }

  /** Every index on {@code loader}'s classpath, in {@link MigrationIndex#load}'s order. */
  public static IndexTable load(ClassLoader loader) throws IOException {
    List<byte[]> parts = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    Enumeration<URL> urls = loader.getResources(MigrationIndex.RESOURCE);
    while (urls.hasMoreElements()) {
      URL url = urls.nextElement();
      parts.add(MigrationIndex.bytes(url));
      sources.add(url.toString());
    }
    return new IndexTable(parts, sources);
  }

  /**
   * Definitions given as they are (not read from an index): never compact, so an up-to-date check
   * compares the definitions.
   */
  public static IndexTable of(List<MigrationDefinition> definitions) {
    IndexTable table = new IndexTable(List.of(), List.of());
    table.definitions = List.copyOf(definitions);
    return table;
  }

  /** The table of index texts (one per module), {@code sources} naming them in errors. */
  public static IndexTable read(List<String> texts, List<String> sources) {
    List<byte[]> parts = new ArrayList<>();
    texts.forEach(t -> parts.add(t.getBytes(StandardCharsets.UTF_8)));
    return new IndexTable(parts, List.copyOf(sources));
  }

  /** The definitions, parsed from the index's bytes on first use. */
  public synchronized List<MigrationDefinition> definitions() {
    if (definitions == null) {
      List<MigrationDefinition> all = new ArrayList<>();
      for (int p = 0; p < parts.size(); p++) {
        all.addAll(MigrationIndex.read(parts.get(p), sources.get(p)));
      }
      definitions = List.copyOf(all);
    }
    return definitions;
  }

  /**
   * Whether the lookups below answer: every index is version 2 (stored checksums) and every app and
   * name is ASCII (so a history row's {@code String} compares with the bytes as they are). Else an
   * up-to-date check needs the {@link #definitions}.
   */
  public boolean compact() {
    return compact;
  }

  /** How many index resources were read: none when the class path has no index. */
  public int resources() {
    return parts.size();
  }

  /** How many migrations (lines). */
  public int size() {
    return size;
  }

  /** Whether some migration replaces others (a squash). */
  public boolean squashes() {
    return squashes;
  }

  /** Whether some migration is listed twice. */
  public boolean duplicates() {
    return names != null && names.duplicates();
  }

  /** How many apps; {@link #app} numbers them from 0. */
  public int apps() {
    return names == null ? 0 : names.apps();
  }

  /** The number of migration {@code m}'s app. */
  public int app(int m) {
    return names.app(m);
  }

  /** Migration {@code m}'s dependencies: {@link #dependency} from here to {@code m + 1}'s start. */
  public int dependencyStart(int m) {
    return dependencyStart[m];
  }

  /** The migration a dependency names, -1 for none ({@code __first__}, a missing one). */
  public int dependency(int i) {
    return dependency[i];
  }

  /** Migration {@code m}'s run-before: {@link #runBefore} from here to {@code m + 1}'s start. */
  public int runBeforeStart(int m) {
    return runBeforeStart[m];
  }

  /** The migration a run-before names, -1 for none. */
  public int runBefore(int i) {
    return runBefore[i];
  }

  /**
   * The migration {@code app.name}, -1 for none; line {@code expected} is compared first. Compact
   * tables only.
   */
  public int find(String app, String name, int expected) {
    return names.find(app, name, expected);
  }

  /**
   * {@link MigrationChecksum#matches} of a recorded value and migration {@code m}'s stored
   * checksum, on the index's bytes.
   */
  public boolean checksumMatches(int m, String recorded) {
    String version = MigrationChecksum.VERSION;
    int from = version.length() + 1;
    if (recorded == null
        || !recorded.startsWith(version)
        || recorded.length() < from
        || recorded.charAt(from - 1) != ':') {
      return true;
    }
    int to = from + checksumTo[m] - checksumFrom[m];
    return recorded.length() >= to
        && IndexNames.same(bytes, recorded, from, checksumFrom[m], checksumTo[m])
        && (recorded.length() == to || recorded.charAt(to) == ':');
  }

  /** Dependencies and run-before as line numbers. */
  private void resolve() {
    dependencyStart = new int[size + 1];
    runBeforeStart = new int[size + 1];
    dependency = new int[size];
    runBefore = new int[0];
    int d = 0;
    int r = 0;
    for (int m = 0; m < size; m++) {
      dependencyStart[m] = d;
      if (m > 0 && names.isLine(dependenciesFrom[m], dependenciesTo[m], m - 1) && d < size) {
        dependency[d++] = m - 1; // the usual: one dependency, the line before
      } else {
        d = edges(m, dependenciesFrom[m], dependenciesTo[m], d, true);
      }
      runBeforeStart[m] = r;
      if (!IndexLines.none(bytes, runBeforeFrom[m], runBeforeTo[m])) {
        r = edges(m, runBeforeFrom[m], runBeforeTo[m], r, false);
      }
    }
    dependencyStart[size] = d;
    runBeforeStart[size] = r;
  }

  private int edges(int m, int from, int to, int count, boolean dependencies) {
    if (IndexLines.none(bytes, from, to)) {
      return count;
    }
    int start = from;
    while (start < to) {
      int end = MigrationIndex.indexOf(bytes, (byte) ',', start, to);
      int target = m > 0 && names.isLine(start, end, m - 1) ? m - 1 : names.find(start, end);
      if (dependencies) {
        if (count == dependency.length) {
          dependency = Arrays.copyOf(dependency, count * 2 + 4);
        }
        dependency[count++] = target;
      } else {
        if (count == runBefore.length) {
          runBefore = Arrays.copyOf(runBefore, count * 2 + 4);
        }
        runBefore[count++] = target;
      }
      start = end + 1;
    }
    return count;
  }
}
