package dev.migrata.processor;

import dev.migrata.internal.operations.AddConstraint;
import dev.migrata.internal.operations.AddConstraintNotValid;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AddIndex;
import dev.migrata.internal.operations.AddIndexConcurrently;
import dev.migrata.internal.operations.AddUniqueTogether;
import dev.migrata.internal.operations.AlterConstraint;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.AlterModelOptions;
import dev.migrata.internal.operations.AlterModelTable;
import dev.migrata.internal.operations.AlterModelTableComment;
import dev.migrata.internal.operations.AlterSequence;
import dev.migrata.internal.operations.CreateCollation;
import dev.migrata.internal.operations.CreateExtension;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.CreateSequence;
import dev.migrata.internal.operations.DeleteModel;
import dev.migrata.internal.operations.DeleteSequence;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RemoveCollation;
import dev.migrata.internal.operations.RemoveConstraint;
import dev.migrata.internal.operations.RemoveField;
import dev.migrata.internal.operations.RemoveIndex;
import dev.migrata.internal.operations.RemoveIndexConcurrently;
import dev.migrata.internal.operations.RenameField;
import dev.migrata.internal.operations.RenameIndex;
import dev.migrata.internal.operations.RenameModel;
import dev.migrata.internal.operations.RunJava;
import dev.migrata.internal.operations.RunSql;
import dev.migrata.internal.operations.ValidateConstraint;

/**
 * Django's {@code OperationCategory} symbol that {@code makemigrations} (and its {@code --check})
 * puts before each operation it lists: {@code +} addition, {@code -} removal, {@code ~} alteration,
 * {@code p} code ({@code RunPython}; here {@code RunJava}), {@code s} raw SQL, {@code ?} anything
 * else ({@code SeparateDatabaseAndState}, an operation without a category).
 */
final class OperationSymbol {
  private OperationSymbol() {}

  /** {@code "+ Add field rating to book"}: the symbol, a space, the operation's describe(). */
  static String line(Operation op) {
    return of(op) + " " + op.describe();
  }

  static char of(Operation op) {
    if (op instanceof CreateModel
        || op instanceof AddField
        || op instanceof AddIndex
        || op instanceof AddConstraint
        || op instanceof AddUniqueTogether
        || op instanceof CreateExtension
        || op instanceof CreateCollation
        || op instanceof CreateSequence
        || op instanceof AddIndexConcurrently
        || op instanceof AddConstraintNotValid) {
      return '+';
    }
    if (op instanceof DeleteModel
        || op instanceof RemoveField
        || op instanceof RemoveIndex
        || op instanceof RemoveConstraint
        || op instanceof RemoveCollation
        || op instanceof DeleteSequence
        || op instanceof RemoveIndexConcurrently) {
      return '-';
    }
    if (op instanceof AlterField
        || op instanceof RenameField
        || op instanceof RenameModel
        || op instanceof AlterModelTable
        || op instanceof AlterModelTableComment
        || op instanceof AlterModelOptions
        || op instanceof RenameIndex
        || op instanceof AlterConstraint
        || op instanceof ValidateConstraint
        || op instanceof AlterSequence) {
      return '~';
    }
    if (op instanceof RunJava) {
      return 'p';
    }
    if (op instanceof RunSql) {
      return 's';
    }
    return '?';
  }
}
