package dev.migrata;

import dev.migrata.internal.migration.MigrationKey;
import java.util.List;

/**
 * What {@link Migrata#prune} did, as Django's {@code migrate APP --prune}.
 *
 * @param pruned the history rows deleted (migrations that no longer exist), sorted
 * @param blockingSquashes squashed migrations whose {@code replaces} still name one of those rows;
 *     while there are any, nothing is deleted: migrate until they are recorded as applied, then
 *     remove their {@code replaces}
 */
public record PruneResult(List<MigrationKey> pruned, List<MigrationKey> blockingSquashes) {
  public PruneResult {
    pruned = List.copyOf(pruned);
    blockingSquashes = List.copyOf(blockingSquashes);
  }

  /** Whether a squash stopped the prune. */
  public boolean refused() {
    return !blockingSquashes.isEmpty();
  }
}
