package dev.migrata;

import dev.migrata.internal.migration.MigrationKey;
import java.util.List;

/**
 * One migration as showmigrations lists it.
 *
 * @param applied whether it counts as applied (a squash: all it replaces are applied)
 * @param recorded whether its own history row exists (false for a squash not yet recorded)
 * @param squashed how many migrations it replaces, 0 if it is not a squash
 * @param parents its direct dependencies, sorted
 * @param changed whether it was edited after it was applied (its recorded checksum differs)
 */
public record MigrationStatus(
    MigrationKey key,
    boolean applied,
    boolean recorded,
    int squashed,
    List<MigrationKey> parents,
    boolean changed) {
  public MigrationStatus {
    parents = List.copyOf(parents);
  }

  /** As before checksums: not changed. */
  public MigrationStatus(
      MigrationKey key,
      boolean applied,
      boolean recorded,
      int squashed,
      List<MigrationKey> parents) {
    this(key, applied, recorded, squashed, parents, false);
  }
}
