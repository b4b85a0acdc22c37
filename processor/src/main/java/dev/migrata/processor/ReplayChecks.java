package dev.migrata.processor;

import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ProjectState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What replaying an operation's {@code stateForwards} does not refuse but the runtime would (or
 * what would silently corrupt the state the next migration is planned from): creating a model that
 * exists, and a relation to a model that does not. Only what is provably wrong is refused: a
 * relation into an app of another module that this compile does not read is accepted when the
 * migration depends on that app.
 */
final class ReplayChecks {
  /** A fault found in an operation: the problem and its message arguments. */
  record Fault(Problem problem, Object... args) {}

  private final MigrationLoader loader;
  private final Set<String> loadedApps;

  ReplayChecks(MigrationLoader loader, Set<String> loadedApps) {
    this.loader = loader;
    this.loadedApps = loadedApps;
  }

  /** Before {@code op} of {@code m} is replayed onto {@code state}. */
  Fault before(MigrationDefinition m, Operation op, ProjectState state) {
    if (op instanceof CreateModel c && state.model(m.key().app(), c.name()) != null) {
      return new Fault(Problem.DUPLICATE_CREATE_MODEL, m.key(), c.name(), m.key().app());
    }
    return null;
  }

  /**
   * After the whole migration {@code m} is replayed (a relation may point at a model a later
   * operation of the same migration creates): a relation of {@code op} to no model.
   */
  Fault after(MigrationDefinition m, Operation op, ProjectState state) {
    for (FieldState f : relations(op)) {
      String to = f.to();
      if (to == null || to.indexOf('.') < 0 || state.model(to) != null) {
        continue;
      }
      String app = f.toApp();
      if (loadedApps.contains(app) || !visibleApps(m).contains(app)) {
        return new Fault(Problem.RELATION_TO_UNKNOWN_MODEL, f.name(), m.key(), to, app);
      }
    }
    return null;
  }

  private static List<FieldState> relations(Operation op) {
    List<FieldState> fields = List.of();
    if (op instanceof AddField a) {
      fields = List.of(a.field());
    } else if (op instanceof AlterField a) {
      fields = List.of(a.field());
    } else if (op instanceof CreateModel c) {
      fields = c.fields();
    }
    List<FieldState> relations = new ArrayList<>();
    for (FieldState f : fields) {
      if (f.isRelation()) {
        relations.add(f);
      }
    }
    return relations;
  }

  /** The apps {@code m} sees: its own and those its dependencies (transitively) belong to. */
  private Set<String> visibleApps(MigrationDefinition m) {
    Set<String> apps = new HashSet<>();
    apps.add(m.key().app());
    Set<MigrationKey> seen = new HashSet<>();
    Deque<MigrationKey> todo = new ArrayDeque<>(m.dependencies());
    while (!todo.isEmpty()) {
      MigrationKey k = todo.pop();
      if (!seen.add(k)) {
        continue;
      }
      apps.add(k.app());
      MigrationDefinition d = loader.get(k);
      if (d != null) {
        todo.addAll(d.dependencies());
      }
    }
    return apps;
  }
}
