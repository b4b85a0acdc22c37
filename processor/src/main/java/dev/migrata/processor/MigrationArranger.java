package dev.migrata.processor;

import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.DeleteModel;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RemoveField;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.processor.Autodetector.AutoMigration;
import dev.migrata.processor.Autodetector.Dep;
import dev.migrata.processor.Autodetector.MigrationRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The arranging part of the {@link Autodetector}: holds the generated operations per app with
 * their dependencies (Django's {@code generated_operations}), computes those dependencies ({@code
 * _get_dependencies_for_foreign_key}, {@code check_dependency}), sorts each app's list ({@code
 * _sort_migrations}) and cuts the lists into migrations ({@code _build_migration_list}, chop mode).
 */
final class MigrationArranger {

  /** An operation generated for {@code app}, with what it waits for. */
  record Pending(String app, Operation op, List<Dep> deps) {}

  private final Map<String, List<Pending>> generated = new TreeMap<>();

  private final Map<Operation, Pending> byOperation = new java.util.IdentityHashMap<>();

  void add(String app, Operation op, List<Dep> deps) {
    add(new Pending(app, op, deps));
  }

  void add(Pending p) {
    generated.computeIfAbsent(p.app(), a -> new ArrayList<>()).add(p);
    byOperation.put(p.op(), p);
  }

  /** At the beginning of the app's list (Django's {@code add_operation(..., beginning=True)}). */
  void addFirst(Pending p) {
    generated.computeIfAbsent(p.app(), a -> new ArrayList<>()).add(0, p);
    byOperation.put(p.op(), p);
  }

  /** Django's _get_dependencies_for_foreign_key: the target (and through model) must exist. */
  static List<Dep> foreignKeyDeps(FieldState f) {
    List<Dep> deps = new ArrayList<>();
    deps.add(new Dep(f.toApp(), f.toModel(), null, Dep.Type.CREATE));
    if (f.through() != null) {
      String through = f.through();
      deps.add(
          new Dep(
              through.substring(0, through.indexOf('.')),
              through.substring(through.indexOf('.') + 1),
              null,
              Dep.Type.CREATE));
    }
    return deps;
  }

  /** Django's _get_dependencies_for_model: the targets of every relation of the model. */
  static List<Dep> modelDeps(ModelState m) {
    List<Dep> deps = new ArrayList<>();
    for (FieldState f : m.fields().values()) {
      if (f.isRelation()) {
        deps.addAll(foreignKeyDeps(f));
      }
    }
    return deps;
  }

  /** Django's check_dependency: whether {@code op} is what {@code dep} waits for. */
  static boolean satisfies(Operation op, Dep dep) {
    String model = dep.model().toLowerCase(Locale.ROOT);
    switch (dep.type()) {
      case CREATE:
        if (dep.field() == null) {
          return op instanceof CreateModel c && c.name().toLowerCase(Locale.ROOT).equals(model);
        }
        return (op instanceof CreateModel c
                && c.name().toLowerCase(Locale.ROOT).equals(model)
                && c.fields().stream().anyMatch(f -> f.name().equals(dep.field())))
            || (op instanceof AddField a
                && a.model().equals(model)
                && a.field().name().equals(dep.field()));
      case REMOVE:
        if (dep.field() == null) {
          return op instanceof DeleteModel d && d.name().toLowerCase(Locale.ROOT).equals(model);
        }
        return op instanceof RemoveField r
            && r.model().equals(model)
            && r.name().equals(dep.field());
      case ALTER:
        return op instanceof AlterField a
            && a.model().equals(model)
            && a.field().name().equals(dep.field());
      default:
        return false;
    }
  }

  /**
   * Django's _sort_migrations: each app's operations in dependency order, using only
   * dependencies inside the app, as {@code graphlib.TopologicalSorter.static_order} visits them
   * (nodes in registration order, then as they become ready).
   */
  void sortOperations() {
    for (Map.Entry<String, List<Pending>> e : generated.entrySet()) {
      String app = e.getKey();
      List<Pending> ops = e.getValue();
      // As graphlib.TopologicalSorter: nodes in registration order (an operation, then what it
      // waits for), successors in the order the edges were added.
      List<Pending> nodes = new ArrayList<>();
      Map<Pending, Integer> waiting = new java.util.IdentityHashMap<>();
      Map<Pending, List<Pending>> successors = new java.util.IdentityHashMap<>();
      for (Pending p : ops) {
        register(nodes, waiting, p);
        for (Dep dep : p.deps()) {
          if (!dep.app().equals(app)) {
            continue;
          }
          for (Pending other : ops) {
            if (satisfies(other.op(), dep)) {
              register(nodes, waiting, other);
              waiting.merge(p, 1, Integer::sum);
              successors.computeIfAbsent(other, x -> new ArrayList<>()).add(p);
            }
          }
        }
      }
      List<Pending> ready = new ArrayList<>();
      for (Pending n : nodes) {
        if (waiting.get(n) == 0) {
          ready.add(n);
        }
      }
      List<Pending> sorted = new ArrayList<>();
      while (!ready.isEmpty()) {
        List<Pending> group = ready;
        ready = new ArrayList<>();
        sorted.addAll(group);
        for (Pending n : group) {
          for (Pending s : successors.getOrDefault(n, List.of())) {
            if (waiting.merge(s, -1, Integer::sum) == 0) {
              ready.add(s);
            }
          }
        }
      }
      if (sorted.size() < nodes.size()) {
        // A dependency cycle inside one app: keep Django's generation order for what is left.
        for (Pending n : nodes) {
          if (!sorted.contains(n)) {
            sorted.add(n);
          }
        }
      }
      e.setValue(sorted);
    }
  }

  private static void register(List<Pending> nodes, Map<Pending, Integer> waiting, Pending p) {
    if (!waiting.containsKey(p)) {
      waiting.put(p, 0);
      nodes.add(p);
    }
  }

  /**
   * Django's _build_migration_list: takes operations from the head of each app's list while their
   * cross-app dependencies are met, cutting a migration when the list is done; when a pass makes
   * no progress, "chop mode" cuts migrations early so two apps pointing at each other can proceed.
   */
  Map<String, List<AutoMigration>> buildMigrationList(Set<String> existingApps) {
    Map<String, List<AutoMigration>> migrations = new TreeMap<>();
    int remaining = count();
    boolean chopMode = false;
    while (remaining > 0) {
      for (String app : new ArrayList<>(generated.keySet())) {
        List<Pending> ops = generated.get(app);
        List<Operation> chopped = new ArrayList<>();
        Set<MigrationRef> dependencies = new TreeSet<>();
        while (!ops.isEmpty()) {
          Pending p = ops.get(0);
          boolean satisfied = true;
          Set<MigrationRef> opDeps = new TreeSet<>();
          for (Dep dep : p.deps()) {
            if (dep.app().equals(app)) {
              continue;
            }
            for (Pending other : generated.getOrDefault(dep.app(), List.of())) {
              if (satisfies(other.op(), dep)) {
                satisfied = false;
                break;
              }
            }
            if (!satisfied) {
              break;
            }
            if (migrations.containsKey(dep.app())) {
              opDeps.add(new MigrationRef(dep.app(), migrations.get(dep.app()).size() - 1));
            } else if (chopMode) {
              opDeps.add(new MigrationRef(dep.app(), null));
            } else {
              satisfied = false;
            }
          }
          if (!satisfied) {
            break;
          }
          chopped.add(p.op());
          dependencies.addAll(opDeps);
          ops.remove(0);
        }
        if (!chopped.isEmpty() || !dependencies.isEmpty()) {
          if (ops.isEmpty() || chopMode) {
            List<AutoMigration> list = migrations.computeIfAbsent(app, a -> new ArrayList<>());
            list.add(new AutoMigration(app, chopped, dependencies, !existingApps.contains(app)));
            chopMode = false;
          } else {
            List<Pending> back = new ArrayList<>();
            for (Operation op : chopped) {
              back.add(byOperation.get(op));
            }
            ops.addAll(0, back);
          }
        }
      }
      int now = count();
      if (now == remaining) {
        if (!chopMode) {
          chopMode = true;
        } else {
          throw new IllegalStateException(
              "Cannot resolve operation dependencies: " + generated.keySet());
        }
      }
      remaining = now;
    }
    return migrations;
  }

  private int count() {
    int n = 0;
    for (List<Pending> ops : generated.values()) {
      n += ops.size();
    }
    return n;
  }
}
