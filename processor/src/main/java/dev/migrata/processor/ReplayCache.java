package dev.migrata.processor;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationIndex;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The replayed history of the last partial compiles, kept in the class output ({@link #RESOURCE})
 * so that an IDE's incremental build (one model edited, the history as class files) neither reads
 * every migration's annotations nor replays them again. Each entry is keyed by the history's whole
 * identity ({@link HistoryFingerprint}); anything unexpected — no file, another format, another
 * fingerprint, a line that does not parse — is a miss, and the caller replays as if there were no
 * cache. An entry is only stored after a replay that reported nothing, so a hit reports nothing
 * either, as the replay it stands for did.
 */
final class ReplayCache {
  static final String RESOURCE = "META-INF/migrata/replay-cache";
  static final String HEADER = "# migrata replay-cache v1";

  /** Entries kept: one per set of apps a compile replays (a partial compile edits one app). */
  private static final int MAX_ENTRIES = 8;

  private static final String STATE_CLASS = "-";

  private final Filer filer;
  private final Reporter reporter;
  private List<Entry> entries;
  private boolean changed;

  /** The entry this compile's plans took their history from or stored, or null. */
  private Entry used;

  /** Whether more than one plan of this compile used the cache (no entry speaks for the index). */
  private boolean usedTwice;

  /**
   * One cached history: {@code key} and {@code places} as {@link HistoryFingerprint} gave them,
   * {@code stat} the metadata of the places when the history was read, {@code body} the history;
   * {@code index} null or what {@link #noteIndex} recorded.
   */
  private record Entry(String key, String places, String stat, String index, String body) {}

  ReplayCache(Filer filer, Reporter reporter) {
    this.filer = filer;
    this.reporter = reporter;
  }

  /**
   * The history stored under {@code key} whose places still have the metadata they had when it was
   * stored, or null (then replay).
   */
  HistoryReplayer.History load(String key, HistoryFingerprint fingerprints) {
    for (Entry e : entries()) {
      if (!e.key().equals(key) || !fingerprints.stat(e.places()).equals(e.stat())) {
        continue;
      }
      try {
        HistoryReplayer.History history = decode(e.body(), true);
        use(e);
        return history;
      } catch (RuntimeException ex) {
        // A damaged entry: forget it, replay, and store the replay's result.
        entries.remove(e);
        changed = true;
        return null;
      }
    }
    return null;
  }

  /**
   * Keeps {@code history} when it reads back equal (a state the text form cannot carry is not
   * cached at all); written by {@link #flush()}.
   */
  void store(String key, String places, String stat, HistoryReplayer.History history) {
    for (List<MigrationKey> leaves : history.leaves().values()) {
      if (leaves.size() > 1) {
        return; // Conflicting leaves are reported on the migration's class: replay each time.
      }
    }
    String body;
    try {
      body = encode(history);
      // The migrations go through the index's own writer and reader: only the rest is checked.
      HistoryReplayer.History back = decode(body, false);
      if (!back.state().equals(history.state())
          || !back.replayed().equals(history.replayed())
          || !back.leaves().equals(history.leaves())) {
        return;
      }
    } catch (RuntimeException e) {
      return;
    }
    List<Entry> all = new ArrayList<>();
    Entry stored = new Entry(key, places, stat, null, body);
    all.add(stored);
    for (Entry e : entries()) {
      if (all.size() < MAX_ENTRIES && !(e.key().equals(key) && e.places().equals(places))) {
        all.add(e);
      }
    }
    entries = all;
    changed = true;
    use(stored);
  }

  private void use(Entry e) {
    usedTwice = used != null;
    used = e;
  }

  /**
   * What {@link #noteIndex} recorded for the one entry this compile used, or null (no entry, or
   * several plans used the cache).
   */
  String indexNote() {
    return used == null || usedTwice ? null : used.index();
  }

  /**
   * Records {@code note} on the one entry this compile used: the processor's proof that, with this
   * history and nothing written, the index in the class output is already what it would write.
   */
  void noteIndex(String note) {
    if (used == null || usedTwice || note.equals(used.index())) {
      return;
    }
    Entry noted = new Entry(used.key(), used.places(), used.stat(), note, used.body());
    entries.set(entries.indexOf(used), noted);
    used = noted;
    changed = true;
  }

  /**
   * Whether a history stored now may serve a later compile: the class output already holds this
   * cache or a previous compile's index. A class output that starts empty every time (a clean
   * build, a tool compiling into a fresh directory) would only pay for a store nobody reads.
   */
  boolean worthStoring() {
    if (!entries().isEmpty()) {
      return true;
    }
    try {
      FileObject index =
          filer.getResource(StandardLocation.CLASS_OUTPUT, "", MigrationIndex.RESOURCE);
      URI uri = index.toUri();
      return !"file".equalsIgnoreCase(uri.getScheme()) || Files.exists(Paths.get(uri));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Writes the entries when this compile changed them. */
  void flush() {
    if (!changed) {
      return;
    }
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (Entry e : entries) {
      section(out, "key", e.key());
      section(out, "places", e.places());
      section(out, "stat", e.stat());
      if (e.index() != null) {
        section(out, "index", e.index());
      }
      out.append(e.body());
    }
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", RESOURCE);
      try (OutputStream w = file.openOutputStream()) {
        w.write(out.toString().getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException | RuntimeException e) {
      reporter.report(Problem.WRITE_FAILED, null, RESOURCE, e.getMessage());
    }
  }

  /** The entries of the previous compile's file; none when it is missing or unreadable. */
  private List<Entry> entries() {
    if (entries == null) {
      entries = new ArrayList<>();
      try {
        FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", RESOURCE);
        // Bytes in, UTF-8 as written: the file manager's decoder (getCharContent) costs several
        // times more on a file of megabytes.
        byte[] bytes;
        try (InputStream in = file.openInputStream()) {
          bytes = in.readAllBytes();
        }
        entries.addAll(parse(new String(bytes, StandardCharsets.UTF_8)));
      } catch (IOException | RuntimeException e) {
        entries.clear(); // No cache yet (a clean build), or one this version does not read.
      }
    }
    return entries;
  }

  /**
   * The file's entries: after the header, sections key, places, stat, optionally index, then crc32
   * and history.
   */
  private static List<Entry> parse(String text) {
    List<Entry> result = new ArrayList<>();
    if (!text.startsWith(HEADER + "\n")) {
      return result;
    }
    Sections s = new Sections(text, HEADER.length() + 1);
    while (s.more()) {
      String key = s.next("key");
      String places = s.next("places");
      String stat = s.next("stat");
      String index = s.peek("index") ? s.next("index") : null;
      int start = s.at;
      s.next("crc32");
      s.next("history");
      result.add(new Entry(key, places, stat, index, text.substring(start, s.at)));
    }
    return result;
  }

  /**
   * The history as sections: the state (each app's models as one pseudo-migration of {@code
   * CreateModel}s, in the index's line form, see {@link CachedState}), the replay order, the leaves
   * and the migrations read (index lines), so that nothing but the index's own parser reads it
   * back.
   */
  private static String encode(HistoryReplayer.History h) {
    List<MigrationDefinition> state = new ArrayList<>();
    Map<String, List<Deconstructed>> byApp = new TreeMap<>();
    for (ModelState m : h.state().models()) {
      byApp.computeIfAbsent(m.app(), a -> new ArrayList<>()).add(CachedState.write(m));
    }
    byApp.forEach(
        (app, ops) ->
            state.add(
                new MigrationDefinition(
                    new MigrationKey(app, "state"),
                    STATE_CLASS,
                    List.of(),
                    List.of(),
                    List.of(),
                    false,
                    true,
                    () -> ops)));
    StringBuilder replayed = new StringBuilder();
    for (MigrationKey k : h.replayed()) {
      replayed.append(k.app()).append('\t').append(k.name()).append('\n');
    }
    StringBuilder leaves = new StringBuilder();
    h.leaves()
        .forEach(
            (app, keys) -> {
              leaves.append(app);
              keys.forEach(k -> leaves.append('\t').append(k.name()));
              leaves.append('\n');
            });
    List<MigrationDefinition> read = new ArrayList<>();
    h.migrations().values().forEach(read::addAll);
    StringBuilder out = new StringBuilder();
    section(out, "state", MigrationIndex.write(state));
    section(out, "replayed", replayed.toString());
    section(out, "leaves", leaves.toString());
    section(out, "migrations", MigrationIndex.write(read));
    StringBuilder body = new StringBuilder();
    section(body, "crc32", crc(out.toString()));
    section(body, "history", out.toString());
    return body.toString();
  }

  private static HistoryReplayer.History decode(String body, boolean withMigrations) {
    Sections outer = new Sections(body, 0);
    String sum = outer.next("crc32");
    String history = outer.next("history");
    if (!sum.equals(crc(history))) {
      throw new IllegalArgumentException("Damaged " + RESOURCE + ".");
    }
    Sections s = new Sections(history, 0);
    ProjectState state = new ProjectState();
    for (MigrationDefinition app : MigrationIndex.read(s.next("state"), RESOURCE)) {
      for (Deconstructed op : app.deconstructedOperations()) {
        state.put(CachedState.read(app.app(), op));
      }
    }
    String replayedText = s.next("replayed");
    List<MigrationKey> replayed = Lazily.list(new Replayed(replayedText));
    Map<String, List<MigrationKey>> leaves = new TreeMap<>();
    for (String line : lines(s.next("leaves"))) {
      String[] parts = line.split("\t", -1);
      List<MigrationKey> keys = new ArrayList<>();
      for (int i = 1; i < parts.length; i++) {
        keys.add(new MigrationKey(parts[0], parts[i]));
      }
      leaves.put(parts[0], keys);
    }
    String read = s.next("migrations");
    if (s.more() || outer.more()) {
      throw new IllegalArgumentException("Trailing text in " + RESOURCE + ".");
    }
    // The checksum vouches for the text: the lines parse as they did when stored. Both are parsed
    // on first use only; a compile that plans nothing and finds its index up to date never asks.
    Map<String, List<MigrationDefinition>> migrations =
        withMigrations ? Lazily.map(new Migrations(read)) : Map.of();
    return new HistoryReplayer.History(state, replayed, leaves, migrations);
  }

  /**
   * The replay order, parsed on first use. This and {@link Migrations} are classes, not lambdas: a
   * lambda is a class spun anew on every hit (a build tool loads the processor per compile).
   */
  private record Replayed(String text) implements Supplier<List<MigrationKey>> {
    @Override
    public List<MigrationKey> get() {
      List<MigrationKey> replayed = new ArrayList<>();
      for (String line : lines(text)) {
        String[] parts = line.split("\t", -1);
        replayed.add(new MigrationKey(parts[0], parts[1]));
      }
      return replayed;
    }
  }

  /** The migrations read, by app, parsed on first use. */
  private record Migrations(String text)
      implements Supplier<Map<String, List<MigrationDefinition>>> {
    @Override
    public Map<String, List<MigrationDefinition>> get() {
      Map<String, List<MigrationDefinition>> migrations = new LinkedHashMap<>();
      for (MigrationDefinition m : MigrationIndex.read(text, RESOURCE)) {
        migrations.computeIfAbsent(m.app(), a -> new ArrayList<>()).add(m);
      }
      return migrations;
    }
  }

  /** A checksum of an entry, so that a damaged entry that still parses is a miss too. */
  private static String crc(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return Long.toHexString(crc.getValue());
  }

  private static List<String> lines(String text) {
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }

  /** A section: a line {@code @name length}, then exactly {@code length} characters. */
  private static void section(StringBuilder out, String name, String text) {
    out.append('@').append(name).append(' ').append(text.length()).append('\n').append(text);
  }

  /** Reads {@link #section} after {@link #section}, failing on anything else. */
  private static final class Sections {
    private final String text;
    private int at;

    Sections(String text, int at) {
      this.text = text;
      this.at = at;
    }

    boolean more() {
      return at < text.length();
    }

    /** Whether the next section is {@code name}. */
    boolean peek(String name) {
      return text.startsWith("@" + name + " ", at);
    }

    String next(String name) {
      String head = "@" + name + " ";
      int eol = text.indexOf('\n', at);
      if (!text.startsWith(head, at) || eol < 0) {
        throw new IllegalArgumentException("Malformed " + RESOURCE + ".");
      }
      int length = Integer.parseInt(text.substring(at + head.length(), eol));
      int start = eol + 1;
      if (length < 0 || start + length > text.length()) {
        throw new IllegalArgumentException("Truncated " + RESOURCE + ".");
      }
      at = start + length;
      return text.substring(start, at);
    }
  }
}
