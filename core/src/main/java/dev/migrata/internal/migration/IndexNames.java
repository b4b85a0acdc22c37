package dev.migrata.internal.migration;

import java.util.Arrays;

/**
 * The names of an index's lines, looked up on its bytes: an open-addressing table from {@code
 * app.name} to the line, each line's app number, and whether some name is listed twice. What {@link
 * IndexTable} answers a history row and resolves a dependency with, without a string per line.
 *
 * <p>Hashes are {@link String#hashCode}'s, computed on the bytes, so a lookup by a {@code String}
 * and one by a key in the bytes land in the same slot; that holds for ASCII names only, which
 * {@link #ascii} says.
 */
final class IndexNames {
  /** Every resource's bytes, one after the other: the offsets below point into it. */
  private final byte[] bytes;

  private final int size;
  // Line m: app bytes[appFrom..appTo), then a tab, name up to nameTo (IndexLines).
  private final int[] appFrom;
  private final int[] appTo;
  private final int[] nameTo;
  private final int[] hash; // of app and name, as find(String, String, int) computes it
  private final int[] slots;
  private final int[] app;
  private int apps;
  private int[] firstOfApp = new int[4]; // line of each app's first migration
  private boolean ascii = true;
  private boolean duplicates;

  /**
   * The table of {@code lines}' names (a second line of one name marks {@link #duplicates}), and
   * each line's app number: the one of the line before where the app is the same.
   */
  IndexNames(IndexLines lines) {
    bytes = lines.bytes;
    size = lines.size;
    appFrom = lines.appFrom;
    appTo = lines.appTo;
    nameTo = lines.nameTo;
    hash = new int[size];
    int capacity = Integer.highestOneBit(Math.max(2, size) * 2 - 1) * 2;
    slots = new int[capacity];
    app = new int[size];
    int mask = slots.length - 1;
    for (int m = 0; m < size; m++) {
      int h = mix(31 * hash(appFrom[m], appTo[m]) + hash(appTo[m] + 1, nameTo[m]));
      hash[m] = h;
      int s = h & mask;
      while (slots[s] != 0 && !duplicate(slots[s] - 1, m)) {
        s = (s + 1) & mask;
      }
      if (slots[s] == 0) {
        slots[s] = m + 1;
      }
      app[m] =
          m > 0 && same(appFrom[m - 1], appTo[m - 1], appFrom[m], appTo[m])
              ? app[m - 1]
              : appNumber(m);
    }
  }

  /** Whether every app and name is ASCII: else the lookups by {@code String} do not answer. */
  boolean ascii() {
    return ascii;
  }

  /** Whether some migration is listed twice. */
  boolean duplicates() {
    return duplicates;
  }

  /** How many apps; {@link #app} numbers them from 0. */
  int apps() {
    return apps;
  }

  /** The number of line {@code m}'s app. */
  int app(int m) {
    return app[m];
  }

  /** The line {@code app.name}, -1 for none; line {@code expected} is compared first. */
  int find(String app, String name, int expected) {
    if (expected < size
        && same(app, appFrom[expected], appTo[expected])
        && same(name, appTo[expected] + 1, nameTo[expected])) {
      return expected;
    }
    int h = mix(31 * app.hashCode() + name.hashCode());
    int mask = slots.length - 1;
    for (int s = h & mask; ; s = (s + 1) & mask) {
      int m = slots[s] - 1;
      if (m < 0) {
        return -1;
      }
      if (hash[m] == h && same(app, appFrom[m], appTo[m]) && same(name, appTo[m] + 1, nameTo[m])) {
        return m;
      }
    }
  }

  /** The line the key {@code app:name} of {@code bytes[from..to)} names, -1 for none. */
  int find(int from, int to) {
    int colon = MigrationIndex.indexOf(bytes, (byte) ':', from, to);
    int h = mix(31 * hash(from, colon) + hash(colon + 1, to));
    int mask = slots.length - 1;
    for (int s = h & mask; ; s = (s + 1) & mask) {
      int m = slots[s] - 1;
      if (m < 0) {
        return -1;
      }
      if (hash[m] == h
          && same(appFrom[m], appTo[m], from, colon)
          && same(appTo[m] + 1, nameTo[m], colon + 1, to)) {
        return m;
      }
    }
  }

  /**
   * Whether the key {@code app:name} of {@code bytes[from..to)} names line {@code q}: its app, a
   * colon where the line has its tab (the key's first colon: an app with one is no match), its
   * name.
   */
  boolean isLine(int from, int to, int q) {
    int colon = from + appTo[q] - appFrom[q];
    return to - from == nameTo[q] - appFrom[q]
        && bytes[colon] == ':'
        && same(appFrom[q], appTo[q], from, colon)
        && MigrationIndex.indexOf(bytes, (byte) ':', from, colon) == colon
        && same(appTo[q] + 1, nameTo[q], colon + 1, to);
  }

  /** Whether {@code s} has the ASCII text {@code bytes[from..to)} at {@code at}. */
  static boolean same(byte[] bytes, String s, int at, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(at++) != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether line {@code m} repeats line {@code o} (then {@link #duplicates}). */
  private boolean duplicate(int o, int m) {
    if (hash[o] == hash[m] && same(appFrom[o], nameTo[o], appFrom[m], nameTo[m])) {
      duplicates = true; // the first one stays in the table
      return true;
    }
    return false;
  }

  /**
   * The number of line {@code m}'s app, where the line before has another: the one of an earlier
   * app's first line, or a new one.
   */
  private int appNumber(int m) {
    for (int a = 0; a < apps; a++) {
      int o = firstOfApp[a];
      if (same(appFrom[o], appTo[o], appFrom[m], appTo[m])) {
        return a;
      }
    }
    if (apps == firstOfApp.length) {
      firstOfApp = Arrays.copyOf(firstOfApp, apps * 2);
    }
    firstOfApp[apps] = m;
    return apps++;
  }

  // ---------------------------------------------------------------- bytes

  /**
   * {@link String#hashCode} of the ASCII text {@code bytes[from..to)}; a byte that is not ASCII
   * clears {@link #ascii}.
   */
  private int hash(int from, int to) {
    int h = 0;
    int any = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + bytes[i];
      any |= bytes[i];
    }
    if (any < 0) {
      ascii = false;
    }
    return h;
  }

  /** Spreads the low bits (names differ in their last characters, the slot is the low bits). */
  private static int mix(int h) {
    return h ^ (h >>> 16);
  }

  private boolean same(String s, int from, int to) {
    return s.length() == to - from && same(bytes, s, 0, from, to);
  }

  private boolean same(int aFrom, int aTo, int bFrom, int bTo) {
    if (aTo - aFrom != bTo - bFrom) {
      return false;
    }
    for (int i = 0; i < aTo - aFrom; i++) {
      if (bytes[aFrom + i] != bytes[bFrom + i]) {
        return false;
      }
    }
    return true;
  }
}
