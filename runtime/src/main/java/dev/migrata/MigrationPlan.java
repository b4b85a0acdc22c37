package dev.migrata;

import dev.migrata.migration.MigrationKey;
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

  MigrationPlan(List<MigrationKey> targets, String header, List<PlannedMigration> migrations) {
    this.targets = List.copyOf(targets);
    this.header = header;
    this.migrations = List.copyOf(migrations);
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

  @Override
  public String toString() {
    return migrations.toString();
  }
}
