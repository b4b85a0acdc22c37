package dev.migrata.internal.executor;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.recorder.InterruptedRun;
import java.util.List;

/**
 * Where a migration whose earlier run was interrupted (killed where nothing rolls back) goes on:
 * after the operations that run completed, or nowhere, with what to do by hand, when resuming
 * would lose the statements it had deferred to the end of the migration or the migration changed
 * since.
 */
final class Resume {
  private Resume() {}

  /** How many operations to skip: those the interrupted run completed. */
  static int after(MigrationDefinition m, InterruptedRun run) {
    if (run == null) {
      return 0;
    }
    List<Operation> ops = m.operations();
    String why = null;
    if (run.total() != ops.size()) {
      why = "it had " + run.total() + " operations then and has " + ops.size() + " now";
    } else if (run.deferredPending()) {
      why = "the statements it deferred to the end of the migration never ran";
    }
    if (why == null) {
      return run.completed();
    }
    StringBuilder out =
        new StringBuilder("An earlier run of ")
            .append(m.key())
            .append(" was interrupted after operation ")
            .append(run.completed())
            .append(" of ")
            .append(run.total())
            .append(", and cannot be resumed: ")
            .append(why)
            .append(".\nCompleted by the interrupted run:\n");
    for (int i = 0; i < Math.min(run.completed(), ops.size()); i++) {
      out.append("  ").append(i + 1).append(". ").append(ops.get(i).describe()).append('\n');
    }
    out.append("Finish the rest by hand (migrata sqlmigrate ")
        .append(m.app())
        .append(' ')
        .append(m.name())
        .append(" shows its SQL), then record it with: migrata migrate ")
        .append(m.app())
        .append(' ')
        .append(m.name())
        .append(" --fake");
    throw new MigrataException(ErrorCode.MIGRATION_FAILED, out.toString());
  }
}
