package dev.migrata;

import dev.migrata.internal.migration.MigrationKey;
import java.util.List;
import java.util.Map;

/**
 * What {@code migrate} would do for some targets: the migrations in order, each forwards or
 * backwards. Running it ({@link Migrata#migrate(MigrationPlan, boolean)}) plans again under the
 * migration lock, so a plan made before another process migrated is still safe to run.
 */
public final class MigrationPlan {
  private final List<MigrationKey> targets;
  private final String header;
  private final List<PlannedMigration> migrations;
  private final boolean recordsSquash;
  private final List<MigrationKey> unknownHistory;
  private final Map<MigrationKey, String> changed;

  MigrationPlan(
      List<MigrationKey> targets,
      String header,
      List<PlannedMigration> migrations,
      boolean recordsSquash,
      List<MigrationKey> unknownHistory,
      Map<MigrationKey, String> changed) {
    this.changed = Map.copyOf(changed);
    this.targets = List.copyOf(targets);
    this.header = header;
    this.migrations = List.copyOf(migrations);
    this.recordsSquash = recordsSquash;
    this.unknownHistory = List.copyOf(unknownHistory);
    if (!unknownHistory.isEmpty()) {
      // Once per plan; the CLI prints the same notice as its "Warning:" line.
      org.slf4j.LoggerFactory.getLogger("dev.migrata.history").warn("{}", unknownHistoryNotice());
    }
  }

  List<MigrationKey> targets() {
    return targets;
  }

  /**
   * Django's line under {@code Operations to perform:}, without indentation, e.g. {@code Apply all
   * migrations: library, shop}.
   */
  public String header() {
    return header;
  }

  public List<PlannedMigration> migrations() {
    return migrations;
  }

  public boolean isEmpty() {
    return migrations.isEmpty();
  }

  /**
   * Whether running the plan has anything to do: a migration to apply or unapply, or a squash whose
   * replaced migrations are all applied and whose own row is still to be recorded.
   */
  boolean hasWork() {
    return !migrations.isEmpty() || recordsSquash;
  }

  /**
   * One notice for {@link #unknownHistory} (Django ignores such rows; a squash's deleted originals
   * leave them on purpose): their count, names and the {@code --prune} hint; empty without any.
   */
  public String unknownHistoryNotice() {
    return History.notice(unknownHistory);
  }

  /**
   * Applied migrations edited since (their recorded checksum differs), each as {@code app.name:
   * what differs}: {@code migrate} refuses to run while there are any.
   */
  public List<String> changedMigrations() {
    return changed.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + ": " + e.getValue())
        .toList();
  }

  Map<MigrationKey, String> changed() {
    return changed;
  }

  /** History rows, read with this plan, that name migrations which no longer exist. */
  public List<MigrationKey> unknownHistory() {
    return unknownHistory;
  }

  @Override
  public String toString() {
    return migrations.toString();
  }
}
