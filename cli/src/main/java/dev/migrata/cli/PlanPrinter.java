package dev.migrata.cli;

import dev.migrata.MigrationPlan;
import dev.migrata.PlannedMigration;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RunJava;
import dev.migrata.internal.operations.RunSql;
import java.util.List;

/** {@code migrate --plan}'s output: each planned migration and its operations, as Django's. */
final class PlanPrinter {
  private PlanPrinter() {}

  /**
   * Rows of migrations the code no longer has are ignored, as Django ignores them (a squash's
   * deleted originals leave such rows on purpose); one line says so and how to drop them.
   */
  static void print(Context context, MigrationPlan migrationPlan) {
    context.println("Planned operations:");
    if (migrationPlan.isEmpty()) {
      context.println("  No planned migration operations.");
    }
    for (PlannedMigration m : migrationPlan.migrations()) {
      context.println(m.key().toString());
      List<Operation> ops = m.operations();
      for (int i = 0; i < ops.size(); i++) {
        Operation op = ops.get(m.backwards() ? ops.size() - 1 - i : i);
        context.println("    " + describe(op, m.backwards()));
      }
    }
  }

  /** Django's describe_operation: raw SQL shows its SQL, cut to 40 characters. */
  static String describe(Operation op, boolean backwards) {
    String prefix = "";
    String action;
    if (op instanceof RunSql sql) {
      List<String> statements = backwards ? sql.reverseSql() : sql.sql();
      action =
          statements == null ? "IRREVERSIBLE" : String.join("; ", statements).replace("\n", "");
    } else if (op instanceof RunJava java) {
      // Django shows the function's docstring; a Java method has none to show.
      action = backwards && java.reverseMethod() == null ? "IRREVERSIBLE" : "";
    } else {
      action = "";
      if (backwards) {
        prefix = "Undo ";
      }
    }
    if (!action.isEmpty()) {
      action = " -> " + action;
    }
    if (action.length() > 40) {
      action = action.substring(0, 39) + "…";
    }
    return prefix + op.describe() + action;
  }
}
