package dev.migrata.internal.migration;

import java.util.Arrays;
import java.util.List;

/**
 * The lines of one or more index texts as offsets into their bytes (where each column ends), read
 * once and checked as {@link MigrationIndex#read} checks them, so that a malformed index fails when
 * it is loaded: what {@link IndexTable} builds its table on. Comments and blank lines are skipped.
 */
final class IndexLines {
  static final int COLUMNS = 9;

  /** Every resource's bytes, one after the other. */
  final byte[] bytes;

  /** Whether every resource is a version 2 index (with stored checksums). */
  final boolean allV2;

  int size;
  // Line m: app bytes[appFrom..appTo), then a tab, name up to nameTo; the other columns' ranges.
  int[] appFrom = new int[16];
  int[] appTo = new int[16];
  int[] nameTo = new int[16];
  int[] checksumFrom = new int[16];
  int[] checksumTo = new int[16];
  int[] dependenciesFrom = new int[16];
  int[] dependenciesTo = new int[16];
  int[] runBeforeFrom = new int[16];
  int[] runBeforeTo = new int[16];

  /** Whether some line replaces others (a squash). */
  boolean squashes;

  private final List<String> sources;

  IndexLines(List<byte[]> parts, List<String> sources) {
    this.sources = sources;
    this.bytes = parts.size() == 1 ? parts.get(0) : concatenate(parts);
    boolean v2 = true;
    int offset = 0;
    for (int p = 0; p < parts.size(); p++) {
      byte[] b = parts.get(p);
      boolean v1 = MigrationIndex.startsWith(b, MigrationIndex.HEADER_V1);
      v2 &= !v1;
      scan(offset, offset + b.length, v1 ? COLUMNS - 1 : COLUMNS, p);
      offset += b.length;
    }
    this.allV2 = v2;
  }

  /**
   * Records every line of {@code bytes[from..to)}, failing as {@link MigrationIndex#read} does on a
   * line without its columns or a reference without {@code app:name}. One loop calling small
   * methods (the scans): a larger method per line cost more to compile than it saved.
   */
  private void scan(int from, int to, int columns, int p) {
    int[] cut = new int[columns];
    int line = 0;
    int start = from;
    while (start < to) {
      int end = MigrationIndex.indexOf(bytes, (byte) '\n', start, to);
      int first = start;
      start = end + 1;
      line++;
      if (bytes[first] == '#' || MigrationIndex.blank(bytes, first, end)) {
        continue;
      }
      int column = 0;
      for (int i = first; column < columns - 1; i++) {
        i = MigrationIndex.indexOf(bytes, (byte) '\t', i, end);
        if (i == end) {
          break;
        }
        cut[column++] = i;
      }
      if (column != columns - 1) {
        throw malformed(p, line);
      }
      if (size == appFrom.length) {
        grow();
      }
      int m = size++;
      appFrom[m] = first;
      appTo[m] = cut[0];
      nameTo[m] = cut[1];
      dependenciesFrom[m] = cut[3] + 1;
      dependenciesTo[m] = cut[4];
      runBeforeFrom[m] = cut[5] + 1;
      runBeforeTo[m] = cut[6];
      checksumFrom[m] = columns == COLUMNS ? cut[6] + 1 : 0;
      checksumTo[m] = columns == COLUMNS ? cut[7] : 0;
      // Most columns are "-": checked here, not by a call per column.
      if (!none(bytes, cut[3] + 1, cut[4])) {
        checkKeys(cut[3] + 1, cut[4], p, line);
      }
      if (!none(bytes, cut[4] + 1, cut[5])) {
        checkKeys(cut[4] + 1, cut[5], p, line);
        squashes = true;
      }
      if (!none(bytes, cut[5] + 1, cut[6])) {
        checkKeys(cut[5] + 1, cut[6], p, line);
      }
    }
  }

  /** Every key of a column has its colon (else {@link MigrationIndex#read} fails on it). */
  private void checkKeys(int from, int to, int p, int line) {
    int start = from;
    do {
      int end = MigrationIndex.indexOf(bytes, (byte) ',', start, to);
      if (MigrationIndex.indexOf(bytes, (byte) ':', start, end) == end) {
        throw malformed(p, line);
      }
      start = end + 1;
    } while (start < to);
  }

  /** Whether {@code bytes[from..to)} is a column's {@code -}: no keys. */
  static boolean none(byte[] bytes, int from, int to) {
    return to - from == 1 && bytes[from] == '-';
  }

  private IllegalArgumentException malformed(int p, int line) {
    return new IllegalArgumentException(
        "Malformed migration index " + sources.get(p) + " at line " + line + ".");
  }

  private void grow() {
    int n = size * 2;
    appFrom = Arrays.copyOf(appFrom, n);
    appTo = Arrays.copyOf(appTo, n);
    nameTo = Arrays.copyOf(nameTo, n);
    checksumFrom = Arrays.copyOf(checksumFrom, n);
    checksumTo = Arrays.copyOf(checksumTo, n);
    dependenciesFrom = Arrays.copyOf(dependenciesFrom, n);
    dependenciesTo = Arrays.copyOf(dependenciesTo, n);
    runBeforeFrom = Arrays.copyOf(runBeforeFrom, n);
    runBeforeTo = Arrays.copyOf(runBeforeTo, n);
  }

  private static byte[] concatenate(List<byte[]> parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }
}
