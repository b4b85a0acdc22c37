package dev.migrata;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.Operation;
import java.util.List;

/** One step of a {@link MigrationPlan}: a migration and its direction. */
public final class PlannedMigration {
  private final MigrationDefinition migration;
  private final boolean backwards;

  PlannedMigration(MigrationDefinition migration, boolean backwards) {
    this.migration = migration;
    this.backwards = backwards;
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

  @Override
  public String toString() {
    return (backwards ? "-" : "+") + migration.key();
  }
}
