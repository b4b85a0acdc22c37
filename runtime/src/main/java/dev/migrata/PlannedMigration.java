package dev.migrata;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.Operation;
import java.util.List;

/**
 * One step of a {@link MigrationPlan}: a migration and its direction. The executor plans and runs
 * these same objects, so what a plan shows is exactly what {@code migrate} runs.
 */
public final class PlannedMigration {
  private final MigrationDefinition migration;
  private final boolean backwards;

  private PlannedMigration(MigrationDefinition migration, boolean backwards) {
    this.migration = migration;
    this.backwards = backwards;
  }

  /** Not API: the executor's planner makes the steps (its package cannot see a constructor). */
  public static PlannedMigration of(MigrationDefinition migration, boolean backwards) {
    return new PlannedMigration(migration, backwards);
  }

  public MigrationKey key() {
    return migration.key();
  }

  public boolean backwards() {
    return backwards;
  }

  /** The operations, in the migration's order (decoded on first call). */
  public List<Operation> operations() {
    return migration.operations();
  }

  /** Not API: the migration the executor runs. */
  public MigrationDefinition migration() {
    return migration;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlannedMigration p
        && p.backwards == backwards
        && p.migration.key().equals(migration.key());
  }

  @Override
  public int hashCode() {
    return migration.key().hashCode() * 2 + (backwards ? 1 : 0);
  }

  @Override
  public String toString() {
    return (backwards ? "-" : "+") + migration.key();
  }
}
