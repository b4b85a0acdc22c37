package dev.migrata.internal.recorder;

import dev.migrata.internal.migration.MigrationKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The history rows of applied migrations as read (interrupted runs left out), in the order they
 * were recorded: app, name and checksum side by side, so that an up-to-date start-up compares them
 * with the index as they are. The keys and the checksums by key are made only when asked (the full
 * path), not once per row in every start-up.
 */
public final class HistoryRows {
  private String[] apps = new String[64];
  private String[] names = new String[64];
  private String[] checksums = new String[64];
  private int size;
  private Set<MigrationKey> keys;
  private Map<MigrationKey, String> checksumsByKey;

  /** Appends a row; {@code checksum} null for a row without one. */
  public void add(String app, String name, String checksum) {
    if (size == apps.length) {
      apps = Arrays.copyOf(apps, size * 2);
      names = Arrays.copyOf(names, size * 2);
      checksums = Arrays.copyOf(checksums, size * 2);
    }
    apps[size] = app;
    names[size] = name;
    checksums[size++] = checksum;
    keys = null;
    checksumsByKey = null;
  }

  public int size() {
    return size;
  }

  public String app(int row) {
    return apps[row];
  }

  public String name(int row) {
    return names[row];
  }

  /** Row {@code row}'s checksum, null where it has none. */
  public String checksum(int row) {
    return checksums[row];
  }

  /**
   * Whether {@code other} has the same rows in the same order (app, name and checksum): a plan made
   * from one is the plan for the other.
   */
  public boolean sameRows(HistoryRows other) {
    if (other.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (!apps[i].equals(other.apps[i])
          || !names[i].equals(other.names[i])
          || !Objects.equals(checksums[i], other.checksums[i])) {
        return false;
      }
    }
    return true;
  }

  /** The applied migrations, in the order recorded; a key recorded twice counts once. */
  public Set<MigrationKey> keys() {
    if (keys == null) {
      Set<MigrationKey> out = new LinkedHashSet<>();
      for (int i = 0; i < size; i++) {
        out.add(new MigrationKey(apps[i], names[i]));
      }
      keys = out;
    }
    return keys;
  }

  /** The checksum of each row that has one (the last row of a key recorded twice). */
  public Map<MigrationKey, String> checksums() {
    if (checksumsByKey == null) {
      Map<MigrationKey, String> out = new HashMap<>();
      for (int i = 0; i < size; i++) {
        if (checksums[i] != null) {
          out.put(new MigrationKey(apps[i], names[i]), checksums[i]);
        }
      }
      checksumsByKey = out;
    }
    return checksumsByKey;
  }
}
