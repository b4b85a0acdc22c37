package dev.migrata.processor;

import dev.migrata.operations.AddConstraint;
import dev.migrata.operations.AddField;
import dev.migrata.operations.AddIndex;
import dev.migrata.operations.AlterField;
import dev.migrata.operations.AlterModelOptions;
import dev.migrata.operations.AlterModelTable;
import dev.migrata.operations.AlterModelTableComment;
import dev.migrata.operations.CreateModel;
import dev.migrata.operations.DeleteModel;
import dev.migrata.operations.Operation;
import dev.migrata.operations.RemoveField;
import dev.migrata.operations.RenameField;
import dev.migrata.operations.RenameModel;
import dev.migrata.state.ConstraintState;
import dev.migrata.state.FieldState;
import dev.migrata.state.IndexState;
import dev.migrata.state.ProjectState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The processor's own folding of a generated migration, only what the autodetector's output needs
 * to look as Django 5.2 writes it: a new model's relations, indexes and constraints go back into
 * its {@code CreateModel}, and a deleted model's relation removals into its {@code DeleteModel}.
 * It runs Django's optimizer loop (right and left reductions) over just those reductions, so the
 * order of models comes out as Django's.
 *
 * <p>Stand-in: when the runtime's shared optimizer ({@code Operation.reduce} + {@code Optimizer},
 * branch {@code data-migrations}) is merged, {@link Autodetector#changes} calls it instead of
 * {@link #fold} and this class goes away.
 */
final class Folding {
  /** {@code reduce} answers: a replacement list, or whether the other may cross. */
  private static final List<Operation> CROSS = new ArrayList<>();

  private static final List<Operation> BOUNDARY = new ArrayList<>();

  private Folding() {}

  static List<Operation> fold(String app, List<Operation> operations) {
    List<Operation> ops = operations;
    while (true) {
      List<Operation> next = inner(app, ops);
      if (next.equals(ops)) {
        return next;
      }
      ops = next;
    }
  }

  /** Django's optimize_inner: returns after the first reduction. */
  private static List<Operation> inner(String app, List<Operation> ops) {
    List<Operation> out = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      Operation op = ops.get(i);
      boolean right = true;
      boolean kept = false;
      for (int j = i + 1; j < ops.size(); j++) {
        Operation other = ops.get(j);
        List<Operation> result = reduce(app, op, other);
        if (result != CROSS && result != BOUNDARY) {
          List<Operation> between = ops.subList(i + 1, j);
          if (right) {
            out.addAll(between);
            out.addAll(result);
          } else if (between.stream().allMatch(b -> reduce(app, b, other) == CROSS)) {
            out.addAll(result);
            out.addAll(between);
          } else {
            out.add(op);
            kept = true;
            break;
          }
          out.addAll(ops.subList(j + 1, ops.size()));
          return out;
        } else if (result == BOUNDARY) {
          right = false;
        }
      }
      if (!kept) {
        out.add(op);
      }
    }
    return out;
  }

  private static List<Operation> reduce(String app, Operation op, Operation other) {
    if (op instanceof CreateModel create) {
      String model = create.name().toLowerCase(Locale.ROOT);
      if (other instanceof AddField add && add.model().equals(model)) {
        List<FieldState> fields = new ArrayList<>(create.fields());
        fields.add(add.field());
        return List.of(with(create, fields, create.indexes(), create.constraints()));
      }
      if (other instanceof AddIndex add && add.model().equals(model)) {
        List<IndexState> indexes = new ArrayList<>(create.indexes());
        indexes.add(add.index());
        return List.of(with(create, create.fields(), indexes, create.constraints()));
      }
      if (other instanceof AddConstraint add && add.model().equals(model)) {
        List<ConstraintState> constraints = new ArrayList<>(create.constraints());
        constraints.add(add.constraint());
        return List.of(with(create, create.fields(), create.indexes(), constraints));
      }
      if (other instanceof DeleteModel delete
          && delete.name().toLowerCase(Locale.ROOT).equals(model)) {
        return List.of();
      }
      return referencesModel(app, other, app + "." + model) ? BOUNDARY : CROSS;
    }
    if (op instanceof RemoveField remove) {
      if (other instanceof DeleteModel delete
          && delete.name().toLowerCase(Locale.ROOT).equals(remove.model())) {
        return List.of(other);
      }
      return referencesField(app, other, remove.model(), remove.name()) ? BOUNDARY : CROSS;
    }
    if (op instanceof AddField add) {
      return referencesField(app, other, add.model(), add.field().name()) ? BOUNDARY : CROSS;
    }
    if (op instanceof AlterField alter) {
      return referencesField(app, other, alter.model(), alter.field().name()) ? BOUNDARY : CROSS;
    }
    if (op instanceof DeleteModel delete) {
      return referencesModel(app, other, app + "." + delete.name().toLowerCase(Locale.ROOT))
          ? BOUNDARY
          : CROSS;
    }
    return BOUNDARY;
  }

  private static CreateModel with(
      CreateModel c, List<FieldState> f, List<IndexState> i, List<ConstraintState> k) {
    return new CreateModel(c.name(), f, i, k, c.table(), c.comment(), c.managed());
  }

  /** Django's references_model: conservative (true) for operations it cannot see into. */
  static boolean referencesModel(String app, Operation op, String model) {
    if (op instanceof CreateModel c) {
      if (ProjectState.key(app, c.name()).equals(model)) {
        return true;
      }
      return c.fields().stream().anyMatch(f -> fieldReferences(f, model));
    }
    if (op instanceof DeleteModel) {
      return true; // Django: a deleted model may be referenced by anything
    }
    if (op instanceof RenameModel r) {
      return ProjectState.key(app, r.oldName()).equals(model)
          || ProjectState.key(app, r.newName()).equals(model);
    }
    if (op instanceof AddField a) {
      return (app + "." + a.model()).equals(model) || fieldReferences(a.field(), model);
    }
    if (op instanceof AlterField a) {
      return (app + "." + a.model()).equals(model) || fieldReferences(a.field(), model);
    }
    if (op instanceof RemoveField r) {
      return (app + "." + r.model()).equals(model);
    }
    if (op instanceof RenameField r) {
      return (app + "." + r.model()).equals(model);
    }
    if (op instanceof AlterModelTable a) {
      return (app + "." + a.model()).equals(model);
    }
    if (op instanceof AlterModelTableComment a) {
      return (app + "." + a.model()).equals(model);
    }
    if (op instanceof AlterModelOptions a) {
      return (app + "." + a.model()).equals(model);
    }
    return true;
  }

  /** Django's references_field. */
  static boolean referencesField(String app, Operation op, String model, String field) {
    String qualified = app + "." + model;
    if (op instanceof AddField a) {
      return (a.model().equals(model) && a.field().name().equals(field))
          || fieldReferencesField(a.field(), qualified, field);
    }
    if (op instanceof AlterField a) {
      return (a.model().equals(model) && a.field().name().equals(field))
          || fieldReferencesField(a.field(), qualified, field);
    }
    if (op instanceof RemoveField r) {
      return r.model().equals(model) && r.name().equals(field);
    }
    if (op instanceof RenameField r) {
      return r.model().equals(model) && (r.oldName().equals(field) || r.newName().equals(field));
    }
    if (op instanceof CreateModel || op instanceof DeleteModel || op instanceof RenameModel) {
      return referencesModel(app, op, qualified);
    }
    return true;
  }

  private static boolean fieldReferences(FieldState f, String model) {
    return (f.isRelation() && model.equals(f.to())) || model.equals(f.through());
  }

  private static boolean fieldReferencesField(FieldState f, String model, String field) {
    if (model.equals(f.through())) {
      return true;
    }
    if (!f.isRelation() || !model.equals(f.to())) {
      return false;
    }
    return f.toField() == null ? field.equals("id") : f.toField().equals(field);
  }
}
