package dev.migrata.internal.executor;

import dev.migrata.MigrataException;
import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.operations.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * Which operations of a migration have run and which statements each ran, so that a failure where
 * nothing rolls back can say exactly how far the migration got.
 */
final class Progress {
  /** Operation index and the editor's executed-statement count when it started, in run order. */
  final List<int[]> starts = new ArrayList<>();

  /** The executed-statement count when the last operation finished (deferred SQL follows). */
  int opsEnd;

  /** How many operations an interrupted earlier run completed, skipped by this one. */
  int resumedAfter;

  void runOperation(BaseSchemaEditor editor, int index, Operation op, Runnable body) {
    starts.add(new int[] {index, editor.executed().size()});
    try {
      body.run();
    } catch (MigrataException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new OperationFailure(index, op, e);
    }
  }

  /** Carries which operation failed to the migration's error message. */
  static final class OperationFailure extends RuntimeException {
    final int index;
    final Operation op;

    OperationFailure(int index, Operation op, RuntimeException cause) {
      super(cause.getMessage(), cause);
      this.index = index;
      this.op = op;
    }
  }
}
