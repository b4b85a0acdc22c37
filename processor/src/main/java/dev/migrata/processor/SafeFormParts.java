package dev.migrata.processor;

import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.ValidateConstraint;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The operations of one migration that are parts of a safe form ({@link SafeForms}), so that the
 * lint does not flag the part that is safe because of the others: a {@code SET NOT NULL} after its
 * check was validated in the same migration (PostgreSQL proves it from the check, without a scan),
 * the plain column a foreign key's safe form adds on the database side (its index is the foreign
 * key's own, which the lint leaves to the foreign key rule, as for Django's form), and a key
 * altered into the plain column of the same type (no rewrite: only its constraint is dropped).
 */
final class SafeFormParts {
  private final String app;
  private final Set<String> validated = new HashSet<>();
  private final Set<String> keyColumns = new HashSet<>();

  SafeFormParts(String app) {
    this.app = app;
  }

  /** Notes a state-only {@code AddField} of a foreign key (its column is added plainly). */
  void stateOnly(Operation op) {
    if (op instanceof AddField a && ForeignKeySafeForm.applies(a.field())) {
      keyColumns.add(a.model() + "." + a.field().columnName());
    } else if (op instanceof AlterField a && ForeignKeySafeForm.applies(a.field())) {
      keyColumns.add(a.model() + "." + a.field().columnName());
    }
  }

  /** Notes an operation as it runs, before the next one is checked. */
  void ran(Operation op) {
    if (op instanceof ValidateConstraint v) {
      validated.add(v.model() + "." + v.name());
    }
  }

  /** {@code found} for {@code op} (scoped {@code scope}) without what the safe form covers. */
  List<SafetyRules.Finding> filter(
      Operation op, String scope, ProjectState before, List<SafetyRules.Finding> found) {
    if (found.isEmpty()) {
      return found;
    }
    if (op instanceof AlterField a) {
      ModelState model = before.model(app, a.model());
      String check =
          model == null
              ? null
              : SafeForms.notNullCheckName(model.tableName(), a.field().columnName());
      if (check != null && validated.contains(a.model() + "." + check)) {
        return without(found, Problem.SAFETY_NOT_NULL_ON_EXISTING_COLUMN);
      }
    } else if (op instanceof AddField a
        && scope.equals("DATABASE")
        && keyColumns.contains(a.model() + "." + a.field().columnName())) {
      return without(found, Problem.SAFETY_INDEX_ON_EXISTING_TABLE);
    }
    if (op instanceof AlterField a
        && scope.equals("DATABASE")
        && keyColumns.contains(a.model() + "." + a.field().columnName())) {
      // A key altered into its plain column keeps the column's type when the old key stored the
      // same one: only its constraint goes, no rewrite.
      ModelState model = before.model(app, a.model());
      FieldState old = model == null ? null : model.field(a.field().name());
      FieldType stored = old == null ? null : ForeignKeySafeForm.storedType(old, before);
      if (stored != null && stored.djangoName().equals(a.field().type())) {
        return without(found, Problem.SAFETY_REWRITING_TYPE_CHANGE);
      }
    }
    return found;
  }

  private static List<SafetyRules.Finding> without(
      List<SafetyRules.Finding> found, Problem problem) {
    return found.stream().filter(f -> f.problem() != problem).toList();
  }
}
