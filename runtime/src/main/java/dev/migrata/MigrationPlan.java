package dev.migrata;

import dev.migrata.internal.migration.MigrationKey;
import java.util.List;

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

  MigrationPlan(
      List<MigrationKey> targets,
      String header,
      List<PlannedMigration> migrations,
      boolean recordsSquash,
      List<MigrationKey> unknownHistory) {
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
   * Whether running the plan has anything to do: a migration to apply or unapply, or a squash
   * whose replaced migrations are all applied and whose own row is still to be recorded.
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

  /** History rows, read with this plan, that name migrations which no longer exist. */
  public List<MigrationKey> unknownHistory() {
    return unknownHistory;
  }

  @Override
  public String toString() {
    return migrations.toString();
  }
}
