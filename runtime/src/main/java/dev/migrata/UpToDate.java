package dev.migrata;

import dev.migrata.internal.migration.MigrationChecksum;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
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
 */
final class UpToDate {
  private UpToDate() {}

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
