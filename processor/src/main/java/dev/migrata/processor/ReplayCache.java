package dev.migrata.processor;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationIndex;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.processor.ReplayCacheFile.Entry;
import dev.migrata.processor.ReplayCacheFile.Sections;
import dev.migrata.processor.ReplayCacheFile.Slice;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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

  /** v2: section lengths in bytes, not characters (v1), so that the file is read as bytes. */
  static final String HEADER = "# migrata replay-cache v2";

  /** Entries kept: one per set of apps a compile replays (a partial compile edits one app). */
  private static final int MAX_ENTRIES = 8;

  private static final String STATE_CLASS = "-";

  private final Filer filer;
  private final Reporter reporter;
  private List<Entry> entries;
  private boolean changed;

  /**
   * The part of this compile's key that names the Migrata jars ({@link HistoryFingerprint#jars}):
   * an entry stored under other jars can never hit again, and is dropped when the file is written.
   */
  private byte[] jars;

  /** The entry this compile's plans took their history from or stored, or null. */
  private Entry used;

  /** Whether more than one plan of this compile used the cache (no entry speaks for the index). */
  private boolean usedTwice;

  ReplayCache(Filer filer, Reporter reporter) {
    this.filer = filer;
    this.reporter = reporter;
  }

  /**
   * The history stored under {@code key} whose places still have the metadata they had when it was
   * stored, or null (then replay). Only the matching entry is decoded and checked.
   */
  HistoryReplayer.History load(String key, HistoryFingerprint fingerprints) {
    byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
    jars = HistoryFingerprint.jars(key).getBytes(StandardCharsets.UTF_8);
    for (Entry e : entries()) {
      if (!e.key().is(keyBytes)
          || !e.stat().is(fingerprints.stat(e.places().string(), e.stat().length()))) {
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
    Slice body;
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
    jars = HistoryFingerprint.jars(key).getBytes(StandardCharsets.UTF_8);
    Slice keySlice = Slice.of(key);
    Slice placesSlice = Slice.of(places);
    List<Entry> all = new ArrayList<>();
    Entry stored = new Entry(keySlice, placesSlice, Slice.of(stat), null, body);
    all.add(stored);
    for (Entry e : entries()) {
      if (all.size() < MAX_ENTRIES
          && current(e)
          && !(e.key().is(keySlice.bytes()) && e.places().is(placesSlice.bytes()))) {
        all.add(e);
      }
    }
    entries = all;
    changed = true;
    use(stored);
  }

  /** Whether {@code e} was stored by the Migrata jars of this compile (it may hit again). */
  private boolean current(Entry e) {
    return jars == null || e.key().startsWith(jars);
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
    return used == null || usedTwice || used.index() == null ? null : used.index().string();
  }

  /**
   * Records {@code note} on the one entry this compile used: the processor's proof that, with this
   * history and nothing written, the index in the class output is already what it would write.
   */
  void noteIndex(String note) {
    if (used == null || usedTwice || (used.index() != null && used.index().is(note))) {
      return;
    }
    Entry noted = new Entry(used.key(), used.places(), used.stat(), Slice.of(note), used.body());
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

  /**
   * Writes the entries when this compile changed them, without those another Migrata jar stored.
   */
  void flush() {
    if (!changed) {
      return;
    }
    List<Entry> kept = new ArrayList<>();
    for (Entry e : entries) {
      if (current(e)) {
        kept.add(e);
      }
    }
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", RESOURCE);
      try (OutputStream w = new BufferedOutputStream(file.openOutputStream(), 1 << 16)) {
        ReplayCacheFile.write(kept, w);
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
        // Bytes in, and bytes they stay: the file manager's decoder (getCharContent) costs several
        // times more on a file of megabytes, and a hit decodes only the parts it uses.
        entries.addAll(ReplayCacheFile.parse(bytes(file)));
      } catch (IOException | RuntimeException e) {
        entries.clear(); // No cache yet (a clean build), or one this version does not read.
      }
    }
    return entries;
  }

  /**
   * The file's bytes: a file on disk read into one array of its size (a stream's {@code
   * readAllBytes} collects chunks and copies them once more: twice the file allocated).
   */
  private static byte[] bytes(FileObject file) throws IOException {
    URI uri = file.toUri();
    if ("file".equalsIgnoreCase(uri.getScheme())) {
      return Files.readAllBytes(Paths.get(uri));
    }
    try (InputStream in = file.openInputStream()) {
      return in.readAllBytes();
    }
  }

  /**
   * The history as sections: the state (each app's models as one pseudo-migration of {@code
   * CreateModel}s, in the index's line form, see {@link CachedState}), the replay order, the leaves
   * and the migrations read (index lines), so that nothing but the index's own parser reads it
   * back; after a checksum of them.
   */
  private static Slice encode(HistoryReplayer.History h) {
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
    try {
      ByteArrayOutputStream history = new ByteArrayOutputStream();
      ReplayCacheFile.section(history, "state", Slice.of(MigrationIndex.write(state)));
      ReplayCacheFile.section(history, "replayed", Slice.of(replayed.toString()));
      ReplayCacheFile.section(history, "leaves", Slice.of(leaves.toString()));
      ReplayCacheFile.section(history, "migrations", Slice.of(MigrationIndex.write(read)));
      Slice historySlice = Slice.of(history.toByteArray());
      ByteArrayOutputStream body = new ByteArrayOutputStream(historySlice.length() + 64);
      ReplayCacheFile.section(body, "crc32", Slice.of(crc(historySlice)));
      ReplayCacheFile.section(body, "history", historySlice);
      return Slice.of(body.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // Not from a byte array.
    }
  }

  private static HistoryReplayer.History decode(Slice body, boolean withMigrations) {
    Sections outer = new Sections(body);
    Slice sum = outer.next("crc32");
    Slice history = outer.next("history");
    if (outer.more() || !sum.is(crc(history))) {
      throw new IllegalArgumentException("Damaged " + RESOURCE + ".");
    }
    Sections s = new Sections(history);
    ProjectState state = new ProjectState();
    for (MigrationDefinition app : MigrationIndex.read(s.next("state").string(), RESOURCE)) {
      for (Deconstructed op : app.deconstructedOperations()) {
        state.put(CachedState.read(app.app(), op));
      }
    }
    List<MigrationKey> replayed = Lazily.list(new Replayed(s.next("replayed")));
    Map<String, List<MigrationKey>> leaves = new TreeMap<>();
    for (String line : lines(s.next("leaves").string())) {
      String[] parts = line.split("\t", -1);
      List<MigrationKey> keys = new ArrayList<>();
      for (int i = 1; i < parts.length; i++) {
        keys.add(new MigrationKey(parts[0], parts[i]));
      }
      leaves.put(parts[0], keys);
    }
    Slice read = s.next("migrations");
    if (s.more()) {
      throw new IllegalArgumentException("Trailing text in " + RESOURCE + ".");
    }
    // The checksum vouches for the bytes: the lines parse as they did when stored. Both are
    // decoded and parsed on first use only; a compile that plans nothing and finds its index up to
    // date never asks.
    Map<String, List<MigrationDefinition>> migrations =
        withMigrations ? Lazily.map(new Migrations(read)) : Map.of();
    return new HistoryReplayer.History(state, replayed, leaves, migrations);
  }

  /**
   * The replay order, parsed on first use. This and {@link Migrations} are classes, not lambdas: a
   * lambda is a class spun anew on every hit (a build tool loads the processor per compile).
   */
  private record Replayed(Slice text) implements Supplier<List<MigrationKey>> {
    @Override
    public List<MigrationKey> get() {
      List<MigrationKey> replayed = new ArrayList<>();
      for (String line : lines(text.string())) {
        String[] parts = line.split("\t", -1);
        replayed.add(new MigrationKey(parts[0], parts[1]));
      }
      return replayed;
    }
  }

  /** The migrations read, by app, parsed on first use. */
  private record Migrations(Slice text)
      implements Supplier<Map<String, List<MigrationDefinition>>> {
    @Override
    public Map<String, List<MigrationDefinition>> get() {
      Map<String, List<MigrationDefinition>> migrations = new LinkedHashMap<>();
      for (MigrationDefinition m : MigrationIndex.read(text.string(), RESOURCE)) {
        migrations.computeIfAbsent(m.app(), a -> new ArrayList<>()).add(m);
      }
      return migrations;
    }
  }

  /** A checksum of an entry's history, so that a damaged entry that still parses is a miss too. */
  private static String crc(Slice bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes.bytes(), bytes.from(), bytes.length());
    return Long.toHexString(crc.getValue());
  }

  private static List<String> lines(String text) {
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }
}
