package dev.migrata.processor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The replay cache's file ({@link ReplayCache#RESOURCE}) as bytes: after the header line, each
 * entry is the sections {@code key}, {@code places}, {@code stat}, optionally {@code index}, then
 * its body, {@code crc32} and {@code history}. A section is a line {@code @name length} and exactly
 * {@code length} bytes. The file is read once and its entries stay slices of that one array: a hit
 * decodes only the matching entry's parts it uses, and a write copies the other entries' bytes as
 * they are, so a file of megabytes is neither turned into one string nor cut into substrings.
 */
final class ReplayCacheFile {
  private static final byte[] HEADER = (ReplayCache.HEADER + "\n").getBytes(StandardCharsets.UTF_8);

  private ReplayCacheFile() {}

  /** A range of a byte array: part of the file as read, or of what this compile encoded. */
  record Slice(byte[] bytes, int from, int to) {
    static Slice of(String text) {
      return of(text.getBytes(StandardCharsets.UTF_8));
    }

    static Slice of(byte[] bytes) {
      return new Slice(bytes, 0, bytes.length);
    }

    int length() {
      return to - from;
    }

    String string() {
      return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    /** Whether these bytes are {@code text} in UTF-8. */
    boolean is(String text) {
      return is(text.getBytes(StandardCharsets.UTF_8));
    }

    boolean is(byte[] other) {
      return Arrays.equals(bytes, from, to, other, 0, other.length);
    }

    boolean startsWith(byte[] prefix) {
      return prefix.length <= length()
          && Arrays.equals(bytes, from, from + prefix.length, prefix, 0, prefix.length);
    }

    void writeTo(OutputStream out) throws IOException {
      out.write(bytes, from, to - from);
    }
  }

  /**
   * One entry: {@code key}, {@code places} and {@code stat} as {@link HistoryFingerprint} gave
   * them, {@code index} null or what {@link ReplayCache#noteIndex} recorded, {@code body} the
   * checksum and the history, as written.
   */
  record Entry(Slice key, Slice places, Slice stat, Slice index, Slice body) {}

  /**
   * The entries of {@code file}; none when it does not start with this version's header.
   *
   * @throws IllegalArgumentException when a section is malformed or cut short
   */
  static List<Entry> parse(byte[] file) {
    List<Entry> result = new ArrayList<>();
    if (!Slice.of(file).startsWith(HEADER)) {
      return result;
    }
    Sections s = new Sections(new Slice(file, HEADER.length, file.length));
    while (s.more()) {
      Slice key = s.next("key");
      Slice places = s.next("places");
      Slice stat = s.next("stat");
      Slice index = s.peek("index") ? s.next("index") : null;
      int start = s.at;
      s.next("crc32");
      s.next("history");
      result.add(new Entry(key, places, stat, index, new Slice(file, start, s.at)));
    }
    return result;
  }

  /** Writes {@code entries} as {@link #parse} reads them. */
  static void write(List<Entry> entries, OutputStream out) throws IOException {
    out.write(HEADER);
    for (Entry e : entries) {
      section(out, "key", e.key());
      section(out, "places", e.places());
      section(out, "stat", e.stat());
      if (e.index() != null) {
        section(out, "index", e.index());
      }
      e.body().writeTo(out);
    }
  }

  /** Writes a section: {@code @name length}, a newline, the bytes. */
  static void section(OutputStream out, String name, Slice content) throws IOException {
    out.write(('@' + name + ' ' + content.length() + '\n').getBytes(StandardCharsets.US_ASCII));
    content.writeTo(out);
  }

  /** Reads {@link #section} after {@link #section} of a slice, failing on anything else. */
  static final class Sections {
    private final byte[] bytes;
    private final int end;
    private int at;

    Sections(Slice slice) {
      this.bytes = slice.bytes();
      this.at = slice.from();
      this.end = slice.to();
    }

    boolean more() {
      return at < end;
    }

    /** Whether the next section is {@code name}. */
    boolean peek(String name) {
      int i = at;
      if (i >= end || bytes[i++] != '@') {
        return false;
      }
      for (int c = 0; c < name.length(); c++, i++) {
        if (i >= end || bytes[i] != name.charAt(c)) {
          return false;
        }
      }
      return i < end && bytes[i] == ' ';
    }

    Slice next(String name) {
      if (!peek(name)) {
        throw new IllegalArgumentException("Malformed " + ReplayCache.RESOURCE + ".");
      }
      int i = at + name.length() + 2;
      long length = 0;
      int digits = 0;
      for (; i < end && bytes[i] != '\n'; i++, digits++) {
        int d = bytes[i] - '0';
        if (d < 0 || d > 9 || digits > 9) {
          throw new IllegalArgumentException("Malformed " + ReplayCache.RESOURCE + ".");
        }
        length = length * 10 + d;
      }
      if (digits == 0 || i >= end) {
        throw new IllegalArgumentException("Malformed " + ReplayCache.RESOURCE + ".");
      }
      int start = i + 1;
      if (length > end - start) {
        throw new IllegalArgumentException("Truncated " + ReplayCache.RESOURCE + ".");
      }
      at = start + (int) length;
      return new Slice(bytes, start, at);
    }
  }
}
