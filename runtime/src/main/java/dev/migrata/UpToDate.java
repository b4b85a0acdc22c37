package dev.migrata;

import dev.migrata.internal.migration.IndexTable;
import dev.migrata.internal.migration.MigrationChecksum;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.recorder.HistoryRows;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The up-to-date check of a no-op {@code migrate()}, by names only: true when the history records
 * exactly the known migrations, each after every migration it depends on, with the checksum it has
 * now, and every app has one leaf. Then the full load (graph, consistency, conflicts, plan) can
 * only find nothing to do, so it is skipped: a start-up costs the history read and one hash lookup
 * per dependency, and decodes nothing.
 *
 * <p>Anything else (a migration to apply, a squash, a {@code __first__} reference, an unknown row,
 * a changed checksum, a history out of dependency order, two leaves) answers false, and the caller
 * takes the full path, which plans or reports the problem as before. A history whose row order is a
 * topological order of the whole graph has no cycle, so none can hide behind a true answer.
 *
 * <p>The rules are written twice, once over the {@link IndexTable}'s columns and once over {@link
 * MigrationDefinition}s, and {@code UpToDateTest} runs every case through both and asserts they
 * agree. The second exists for the tables that cannot answer by bytes ({@link IndexTable#compact()}
 * false):
 *
 * <ul>
 *   <li>a version-1 index stores no checksum, so a row's checksum can only be compared with one
 *       computed from the decoded definition ({@link MigrationChecksum#matches});
 *   <li>a non-ASCII app or name: the table compares a row's {@code String} char by char with the
 *       index's bytes, which holds for ASCII only;
 *   <li>{@code Configuration.migrations(...)} (tests, the CLI's tests): definitions with no index
 *       bytes at all ({@link IndexTable#of}).
 * </ul>
 *
 * Folding them into one would mean building the table's columns (app numbers, dependencies resolved
 * to line numbers, the name hash, a checksum per line) from definitions, a second builder of
 * IndexTable beside the byte parser. The table path must not change for it: its cost at N = 10,000
 * is issue 16's met start-up goal (bench/README.md).
 */
final class UpToDate {
  private UpToDate() {}

  /**
   * The same check on the index's table and the rows as read: no key, definition or map per
   * migration, so a start-up at N = 10,000 neither makes nor compiles the code that built them. An
   * index the table cannot answer for (version 1, non-ASCII names) is checked by its definitions. A
   * key recorded twice answers false here (the full path finds nothing to do for it).
   */
  static boolean check(IndexTable index, HistoryRows rows) {
    if (!index.compact()) {
      return check(index.definitions(), rows.keys(), rows.checksums());
    }
    int n = index.size();
    if (n == 0 || rows.size() != n || index.squashes() || index.duplicates()) {
      return false;
    }
    return new OnTable(index, rows).check();
  }

  /**
   * {@link #check(IndexTable, HistoryRows)}'s state. One method per row and per migration, called
   * from short loops: the JIT compiles a method called thousands of times early, while the body of
   * a loop that runs once stays interpreted to the end.
   */
  private static final class OnTable {
    private final IndexTable index;
    private final HistoryRows rows;

    /** position[m]: the row of migration m. */
    private final int[] position;

    private final boolean[] hasChildInApp;

    OnTable(IndexTable index, HistoryRows rows) {
      this.index = index;
      this.rows = rows;
      this.position = new int[index.size()];
      this.hasChildInApp = new boolean[index.size()];
      Arrays.fill(position, -1);
    }

    boolean check() {
      int n = position.length;
      for (int row = 0; row < n; row++) {
        if (!place(row)) {
          return false;
        }
      }
      // n rows, each of a different migration: every migration has its row.
      for (int m = 0; m < n; m++) {
        if (!ordered(m)) {
          return false;
        }
      }
      // Django's leaf: no child in its own app. Two in one app is a conflict the full path reports.
      boolean[] appHasLeaf = new boolean[index.apps()];
      for (int m = 0; m < n; m++) {
        if (!hasChildInApp[m]) {
          if (appHasLeaf[index.app(m)]) {
            return false;
          }
          appHasLeaf[index.app(m)] = true;
        }
      }
      return true;
    }

    /** Row {@code row} names a migration no earlier row named. */
    private boolean place(int row) {
      int m = index.find(rows.app(row), rows.name(row), row);
      if (m < 0 || position[m] >= 0) {
        return false;
      }
      position[m] = row;
      return true;
    }

    /**
     * Migration {@code m}'s checksum matches its row's, and its row comes after its dependencies'
     * and before its run-before's.
     */
    private boolean ordered(int m) {
      int p = position[m];
      if (!index.checksumMatches(m, rows.checksum(p))) {
        return false;
      }
      for (int i = index.dependencyStart(m); i < index.dependencyStart(m + 1); i++) {
        int parent = index.dependency(i);
        // A missing or special (__first__/__latest__) parent, or one recorded after its child.
        if (parent < 0 || position[parent] >= p) {
          return false;
        }
        if (index.app(parent) == index.app(m)) {
          hasChildInApp[parent] = true;
        }
      }
      for (int i = index.runBeforeStart(m); i < index.runBeforeStart(m + 1); i++) {
        int child = index.runBefore(i);
        if (child < 0 || position[child] <= p) {
          return false;
        }
        if (index.app(child) == index.app(m)) {
          hasChildInApp[m] = true;
        }
      }
      return true;
    }
  }

  /**
   * @param recorded the history rows in the order they were recorded (ids ascending)
   * @param checksums the checksum each row recorded, where it has one
   */
  static boolean check(
      List<MigrationDefinition> definitions,
      Set<MigrationKey> recorded,
      Map<MigrationKey, String> checksums) {
    int n = definitions.size();
    if (n == 0 || recorded.size() != n) {
      return false;
    }
    // Position of each row; 4/3 of n so that the map never resizes.
    Map<MigrationKey, Integer> position = new HashMap<>(n + n / 3 + 1);
    int i = 0;
    for (MigrationKey k : recorded) {
      position.put(k, i++);
    }
    boolean[] defined = new boolean[n];
    boolean[] hasChildInApp = new boolean[n];
    int[] positionOf = new int[n];
    int d = 0;
    for (MigrationDefinition m : definitions) {
      Integer p = position.get(m.key());
      // Not recorded, defined twice, or a squash (whose rows need the full rules): the full path.
      if (p == null || defined[p] || !m.replaces().isEmpty()) {
        return false;
      }
      defined[p] = true;
      positionOf[d++] = p;
      String stored = checksums.get(m.key());
      if (stored != null && !MigrationChecksum.matches(stored, m)) {
        return false;
      }
      for (MigrationKey parent : m.dependencies()) {
        Integer q = position.get(parent);
        // A missing or special (__first__/__latest__) parent, or one recorded after its child.
        if (q == null || q >= p) {
          return false;
        }
        if (parent.app().equals(m.app())) {
          hasChildInApp[q] = true;
        }
      }
      for (MigrationKey child : m.runBefore()) {
        Integer q = position.get(child);
        if (q == null || q <= p) {
          return false;
        }
        if (child.app().equals(m.app())) {
          hasChildInApp[p] = true;
        }
      }
    }
    // Django's leaf: no child in its own app. Two in one app is a conflict the full path reports.
    Set<String> appsWithLeaf = new HashSet<>();
    d = 0;
    for (MigrationDefinition m : definitions) {
      if (!hasChildInApp[positionOf[d++]] && !appsWithLeaf.add(m.app())) {
        return false;
      }
    }
    return true;
  }
}
