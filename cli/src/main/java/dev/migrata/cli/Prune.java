package dev.migrata.cli;

import dev.migrata.Migrata;
import dev.migrata.PruneResult;
import dev.migrata.internal.migration.MigrationKey;

/**
 * Prints Django 4.1's {@code migrate APP --prune} (the work is the facade's {@link Migrata#prune}):
 * the rows deleted, or why nothing was, when a squashed migration still {@code replaces} one of
 * them (its rows may be all that records the squash as applied).
 */
final class Prune {
  private final Context context;
  private final int verbosity;

  Prune(Context context, int verbosity) {
    this.context = context;
    this.verbosity = verbosity;
  }

  void run(Migrata migrata, String app) {
    PruneResult result = migrata.prune(app);
    if (verbosity > 0) {
      context.println("Pruning migrations:");
    }
    if (result.refused()) {
      context.println(
          "  Cannot use --prune because the following squashed migrations have their"
              + " 'replaces' attributes and may not be recorded as applied:");
      result.blockingSquashes().forEach(k -> context.println("    " + k));
      context.println(
          "  Re-run 'migrate' if they are not marked as applied, and remove 'replaces'"
              + " attributes in their migration classes.");
      return;
    }
    if (verbosity == 0) {
      return;
    }
    if (result.pruned().isEmpty()) {
      context.println("  No migrations to prune.");
    }
    for (MigrationKey key : result.pruned()) {
      context.println("  Pruning " + key + " OK");
    }
  }
}
