package dev.migrata;

import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.MigrationChecksum;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.recorder.MigrationRecorder;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The history table read against the migrations the code has: Django ignores rows of migrations
 * that no longer exist (a squash's deleted originals leave them on purpose), but a history that
 * names a whole app the code does not know means the code is incomplete, not the history.
 */
final class History {
  /** Why an index is missing or incomplete; never "delete the history". */
  static final String PROCESSOR_HINT =
      "The annotation processor (dev.migrata:migrata-processor) is probably not on the compiler's"
          + " annotationProcessorPaths, or the build failed before it ran (an IDE build without"
          + " annotation processing leaves no index either). Build the project with the processor"
          + " and run again; the history table is not the problem.";

  /** How many names a notice lists before it says how many more. */
  private static final int LISTED = 10;

  private History() {}

  static MigrataException noIndex(String resource) {
    return new MigrataException(
        ErrorCode.NO_INDEX,
        "No migration index (" + resource + ") on the class path. " + PROCESSOR_HINT);
  }

  /**
   * The loader for {@code definitions} and the history, with Django's consistency and conflict
   * checks, after making sure the code knows every app the history names.
   */
  static MigrationLoader checkedLoader(
      List<MigrationDefinition> definitions, Connection connection, MigrationRecorder recorder) {
    return checkedLoader(definitions, recorder.applied(connection));
  }

  /** {@link #checkedLoader(List, Connection, MigrationRecorder)} for a history already read. */
  static MigrationLoader checkedLoader(
      List<MigrationDefinition> definitions, Set<MigrationKey> recorded) {
    checkAppsKnown(definitions, recorded);
    MigrationLoader loader = new MigrationLoader(definitions, recorded, true);
    loader.checkConsistentHistory();
    loader.checkConflicts();
    return loader;
  }

  /** Fails when the history names an app none of {@code definitions} belongs to. */
  static void checkAppsKnown(List<MigrationDefinition> definitions, Set<MigrationKey> recorded) {
    Set<String> known = new TreeSet<>();
    definitions.forEach(d -> known.add(d.app()));
    Set<String> missing = new TreeSet<>();
    int rows = 0;
    for (MigrationKey k : recorded) {
      if (!known.contains(k.app())) {
        missing.add(k.app());
        rows++;
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    throw new MigrataException(
        ErrorCode.NO_INDEX,
        "The history table records "
            + rows
            + (rows == 1 ? " migration" : " migrations")
            + " of "
            + (missing.size() == 1 ? "app " : "apps ")
            + quoted(missing)
            + ", which the migration index on the class path does not have (it has "
            + (known.isEmpty() ? "no apps" : quoted(known))
            + "). "
            + PROCESSOR_HINT);
  }

  /** The rows of {@code recorded} that name no migration (nor one a squash replaces). */
  static List<MigrationKey> unknown(
      List<MigrationDefinition> definitions, Set<MigrationKey> recorded) {
    Set<MigrationKey> known = new HashSet<>();
    for (MigrationDefinition d : definitions) {
      known.add(d.key());
      known.addAll(d.replaces());
    }
    List<MigrationKey> unknown = new ArrayList<>();
    for (MigrationKey k : recorded) {
      if (!known.contains(k)) {
        unknown.add(k);
      }
    }
    return unknown;
  }

  /** One notice for all of {@code unknown}, empty when there are none. */
  static String notice(List<MigrationKey> unknown) {
    if (unknown.isEmpty()) {
      return "";
    }
    List<String> names = new ArrayList<>();
    new TreeSet<>(unknown.stream().map(MigrationKey::toString).toList()).forEach(names::add);
    String listed = String.join(", ", names.subList(0, Math.min(LISTED, names.size())));
    if (names.size() > LISTED) {
      listed += " and " + (names.size() - LISTED) + " more";
    }
    Set<String> apps = new TreeSet<>();
    unknown.forEach(k -> apps.add(k.app()));
    boolean one = unknown.size() == 1;
    String command =
        apps.size() == 1
            ? "migrate " + apps.iterator().next() + " --prune"
            : "migrate APP --prune (for each of " + String.join(", ", apps) + ")";
    return "The history table records "
        + unknown.size()
        + (one ? " migration that is" : " migrations that are")
        + " not in the code (ignored): "
        + listed
        + ". If "
        + (one ? "it was" : "they were")
        + " removed on purpose, delete "
        + (one ? "its row" : "their rows")
        + " with: "
        + command;
  }

  /**
   * Django 4.1's {@code migrate APP --prune}: deletes the rows of {@code app}'s migrations that no
   * longer exist, unless a squash still lists one of them in its replaces (then its row could not
   * be recorded, so nothing is deleted and the squashes are returned).
   */
  static PruneResult prune(
      List<MigrationDefinition> definitions,
      String app,
      Connection connection,
      MigrationRecorder recorder)
      throws SQLException {
    Set<MigrationKey> defined = new HashSet<>();
    definitions.forEach(d -> defined.add(d.key()));
    List<MigrationKey> toPrune = new ArrayList<>();
    for (MigrationKey k : recorder.applied(connection)) {
      if (k.app().equals(app) && !defined.contains(k)) {
        toPrune.add(k);
      }
    }
    toPrune.sort(null);
    List<MigrationKey> blocking = new ArrayList<>();
    for (MigrationDefinition d : definitions) {
      if (d.replaces().stream().anyMatch(toPrune::contains)) {
        blocking.add(d.key());
      }
    }
    if (!blocking.isEmpty()) {
      blocking.sort(null);
      return new PruneResult(List.of(), blocking);
    }
    for (MigrationKey k : toPrune) {
      recorder.recordUnapplied(connection, k);
    }
    return new PruneResult(toPrune, List.of());
  }

  private static String quoted(Set<String> apps) {
    return "'" + String.join("', '", apps) + "'";
  }

  /**
   * The applied migrations whose recorded checksum differs from their definition's, each as {@code
   * app.name: what differs}, in plan order; rows older than checksums never count.
   */
  static Map<MigrationKey, String> changed(
      MigrationLoader loader, Map<MigrationKey, String> checksums) {
    Map<MigrationKey, String> out = new LinkedHashMap<>();
    if (checksums.isEmpty()) {
      return out;
    }
    for (MigrationKey key : new TreeSet<>(checksums.keySet())) {
      MigrationDefinition m = loader.get(key);
      String recorded = checksums.get(key);
      if (m != null && !MigrationChecksum.matches(recorded, m)) {
        out.put(key, MigrationChecksum.difference(recorded, m));
      }
    }
    return out;
  }

  /** The error {@code migrate} stops with when an applied migration was edited. */
  static MigrataException changedError(Map<MigrationKey, String> changed) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<MigrationKey, String> e : changed.entrySet()) {
      MigrationKey k = e.getKey();
      out.append(out.length() == 0 ? "" : " ")
          .append("Migration ")
          .append(k)
          .append(" was changed after it was applied: ")
          .append(e.getValue())
          .append(
              ". Undo the edit (a further change belongs in a new migration), or, if the"
                  + " database already is as the migration now says, record its current form with:"
                  + " migrate --accept-changed ")
          .append(k.app())
          .append(' ')
          .append(k.name())
          .append('.');
    }
    return new MigrataException(ErrorCode.CHANGED_MIGRATION, out.toString());
  }
}
