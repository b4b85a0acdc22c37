package dev.migrata.processor;

import dev.migrata.internal.operations.AddConstraint;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AddIndex;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.AlterModelOptions;
import dev.migrata.internal.operations.AlterModelTable;
import dev.migrata.internal.operations.AlterModelTableComment;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.DeleteModel;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RemoveConstraint;
import dev.migrata.internal.operations.RemoveField;
import dev.migrata.internal.operations.RemoveIndex;
import dev.migrata.internal.operations.RenameField;
import dev.migrata.internal.operations.RenameIndex;
import dev.migrata.internal.operations.RenameModel;
import dev.migrata.internal.optimizer.Optimizer;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Django's {@code MigrationAutodetector} ({@code django/db/migrations/autodetector.py}, 5.2):
 * compares the replayed history ({@code from}) with the current models ({@code to}) and returns,
 * per app, the migrations that turn one into the other.
 *
 * <p>It follows Django step for step: the generators run in {@code _detect_changes} order, each
 * operation carries the dependencies Django gives it ({@link Dep}), each app's list is sorted
 * topologically ({@code _sort_migrations}), the lists are chopped into migrations so that every
 * cross-app dependency exists ({@code _build_migration_list}: two apps pointing at each other give
 * {@code 0001_initial} and {@code 0002_initial}), and each migration goes through the shared {@link Optimizer} ({@code _optimize_migrations}).
 *
 * <p>javac cannot ask questions, so the {@link MigrationQuestioner} answers from annotations and
 * options: renames only where {@code renamedFrom} declares them, and an unanswerable question
 * becomes a diagnostic.
 */
final class Autodetector {

  /** Django's {@code OperationDependency}: what must happen before an operation. */
  record Dep(String app, String model, String field, Type type) {
    enum Type {
      CREATE,
      REMOVE,
      ALTER
    }
  }

  /**
   * One migration to write. {@code dependencies} name other generated migrations by app and
   * position ({@link MigrationRef}); a {@code null} position means the app's existing leaf.
   */
  record AutoMigration(
      String app, List<Operation> operations, Set<MigrationRef> dependencies, boolean initial) {}

  /** A dependency of a generated migration: the {@code index}-th new migration of {@code app}. */
  record MigrationRef(String app, Integer index) implements Comparable<MigrationRef> {
    @Override
    public int compareTo(MigrationRef o) {
      int c = app.compareTo(o.app);
      if (c != 0) {
        return c;
      }
      return Integer.compare(index == null ? -1 : index, o.index == null ? -1 : o.index);
    }
  }

  private record Pending(String app, Operation op, List<Dep> deps) {}

  private final MigrationQuestioner questioner;
  private final Map<String, List<Pending>> generated = new TreeMap<>();
  private ProjectState from;
  private ProjectState to;

  Autodetector(MigrationQuestioner questioner) {
    this.questioner = questioner;
  }

  /**
   * The migrations of {@code apps} (the apps whose current models {@code to} holds); other apps'
   * models in the states are only relation targets.
   */
  Map<String, List<AutoMigration>> changes(ProjectState from, ProjectState to, Set<String> apps) {
    this.from = from.copy();
    this.to = to;
    generated.clear();
    byOperation.clear();
    Set<String> existingApps = new TreeSet<>();
    for (ModelState m : from.models()) {
      existingApps.add(m.app());
    }

    generateRenamedModels(apps);
    List<ModelState> oldModels = new ArrayList<>();
    List<ModelState> newModels = new ArrayList<>();
    for (String app : apps) {
      oldModels.addAll(this.from.models(app));
      newModels.addAll(to.models(app));
    }
    List<ModelState> deleted = new ArrayList<>();
    List<ModelState> added = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (ModelState m : oldModels) {
      if (to.model(m.app(), m.name()) == null) {
        deleted.add(m);
      }
    }
    for (ModelState m : newModels) {
      if (this.from.model(m.app(), m.name()) == null) {
        added.add(m);
      } else {
        kept.add(key(m));
      }
    }
    askIfModelsRenamed(deleted, added);
    generateDeletedModels(deleted);
    generateCreatedModels(added);
    generateAlteredOptions(kept);
    generateAlteredTableComment(kept);
    List<Pending> renamedFields = createRenamedFields(kept);
    List<Pending> renamedIndexes = new ArrayList<>();
    List<Pending> addedIndexes = new ArrayList<>();
    List<Pending> removedIndexes = new ArrayList<>();
    createAlteredIndexes(kept, addedIndexes, removedIndexes, renamedIndexes);
    generateRemovedConstraints(kept);
    removedIndexes.forEach(this::add);
    renamedFields.forEach(this::add);
    renamedIndexes.forEach(this::add);
    generateRemovedFields(kept);
    generateAddedFields(kept);
    generateAlteredFields(kept);
    addedIndexes.forEach(this::add);
    generateAddedConstraints(kept);
    generateAlteredTable(kept);
    checkDeletedModelsUnreferenced(deleted);

    sortOperations();
    Map<String, List<AutoMigration>> migrations = buildMigrationList(existingApps);
    Map<String, List<AutoMigration>> folded = new TreeMap<>();
    for (Map.Entry<String, List<AutoMigration>> e : migrations.entrySet()) {
      List<AutoMigration> list = new ArrayList<>();
      for (AutoMigration m : e.getValue()) {
        list.add(
            new AutoMigration(
                m.app(), Optimizer.optimize(m.operations(), m.app()), m.dependencies(), m.initial()));
      }
      folded.put(e.getKey(), list);
    }
    return folded;
  }

  // ------------------------------------------------------------------ generators

  /** Django's generate_renamed_models, with the question answered by {@code renamedFrom}. */
  private void generateRenamedModels(Set<String> apps) {
    for (String app : apps) {
      for (ModelState m : to.models(app)) {
        String old = questioner.renamedModelFrom(app, m.name());
        if (old == null || from.model(app, m.name()) != null) {
          continue;
        }
        ModelState was = from.model(app, old);
        if (was == null || to.model(app, old) != null) {
          questioner.report(
              Problem.MODEL_RENAMED_FROM_UNKNOWN,
              app,
              m.name(),
              null,
              old,
              m.name(),
              app,
              names(from.models(app)));
          continue;
        }
        RenameModel rename = new RenameModel(was.name(), m.name());
        rename.stateForwards(app, from);
        add(app, rename, List.of());
      }
    }
  }

  private void generateDeletedModels(List<ModelState> deleted) {
    for (ModelState m : deleted) {
      List<String> related = new ArrayList<>();
      for (FieldState f : m.fields().values()) {
        if (f.isRelation()) {
          related.add(f.name());
        }
      }
      related.sort(null);
      for (String name : related) {
        add(m.app(), new RemoveField(m.key(), name), List.of());
      }
      Set<Dep> deps = new LinkedHashSet<>();
      for (ModelState other : from.models()) {
        for (FieldState f : other.fields().values()) {
          boolean points = f.isRelation() && f.to().equals(key(m));
          boolean through = key(m).equals(f.through());
          if (points || through) {
            deps.add(new Dep(other.app(), other.key(), f.name(), Dep.Type.REMOVE));
            if (points && f.fieldType() != FieldType.MANY_TO_MANY) {
              deps.add(new Dep(other.app(), other.key(), f.name(), Dep.Type.ALTER));
            }
          }
        }
      }
      for (String name : related) {
        deps.add(new Dep(m.app(), m.key(), name, Dep.Type.REMOVE));
      }
      add(m.app(), new DeleteModel(m.name()), new ArrayList<>(deps));
    }
  }

  /**
   * New models: {@code CreateModel} with the plain fields at the beginning of the app's list (so
   * alphabetical, before deletions), then per model in reverse order its relations as {@code
   * AddField}, its indexes and constraints; the {@link Optimizer} puts them back where it can.
   */
  private void generateCreatedModels(List<ModelState> added) {
    List<ModelState> reversed = new ArrayList<>(added);
    reversed.sort((a, b) -> key(b).compareTo(key(a)));
    for (ModelState m : reversed) {
      List<FieldState> plain = new ArrayList<>();
      Map<String, FieldState> related = new TreeMap<>();
      List<Dep> createDeps = new ArrayList<>();
      for (FieldState f : m.fields().values()) {
        if (f.isRelation() && !f.primaryKey()) {
          related.put(f.name(), f);
        } else {
          plain.add(f);
          if (f.isRelation()) {
            createDeps.addAll(foreignKeyDeps(f));
          }
        }
      }
      CreateModel create =
          new CreateModel(
              m.name(), plain, List.of(), List.of(), m.table(), m.comment(), m.managed());
      Pending pending = new Pending(m.app(), create, createDeps);
      generated.computeIfAbsent(m.app(), a -> new ArrayList<>()).add(0, pending);
      byOperation.put(create, pending);
      for (FieldState f : related.values()) {
        List<Dep> deps = new ArrayList<>(foreignKeyDeps(f));
        deps.add(new Dep(m.app(), m.key(), null, Dep.Type.CREATE));
        add(m.app(), new AddField(m.key(), f, true), deps);
      }
      List<Dep> relatedDeps = new ArrayList<>();
      for (String name : related.keySet()) {
        relatedDeps.add(new Dep(m.app(), m.key(), name, Dep.Type.CREATE));
      }
      relatedDeps.add(new Dep(m.app(), m.key(), null, Dep.Type.CREATE));
      for (IndexState index : m.indexes()) {
        add(m.app(), new AddIndex(m.key(), index), relatedDeps);
      }
      for (ConstraintState constraint : m.constraints()) {
        add(m.app(), new AddConstraint(m.key(), constraint), relatedDeps);
      }
    }
  }

  /** Options with no database effect; of Django's keys Migrata has {@code managed}. */
  private void generateAlteredOptions(List<String> kept) {
    for (String k : kept) {
      ModelState before = from.model(k);
      ModelState after = to.model(k);
      if (before.managed() != after.managed()) {
        add(after.app(), new AlterModelOptions(after.key(), after.managed()), List.of());
      }
    }
  }

  private void generateAlteredTableComment(List<String> kept) {
    for (String k : kept) {
      ModelState before = from.model(k);
      ModelState after = to.model(k);
      if (!Objects.equals(before.comment(), after.comment())) {
        add(after.app(), new AlterModelTableComment(after.key(), after.comment()), List.of());
      }
    }
  }

  /**
   * Django's create_renamed_fields: a rename only where {@code renamedFrom} says so. It is applied
   * to the working state at once, so every later comparison sees the new name.
   */
  private List<Pending> createRenamedFields(List<String> kept) {
    List<Pending> renames = new ArrayList<>();
    for (String k : kept) {
      ModelState after = to.model(k);
      ModelState before = from.model(k);
      Set<String> removed = new TreeSet<>(before.fields().keySet());
      removed.removeAll(after.fields().keySet());
      for (String name : new TreeSet<>(after.fields().keySet())) {
        if (before.fields().containsKey(name)) {
          continue;
        }
        String old = questioner.renamedFieldFrom(after.app(), after.name(), name);
        if (old == null || old.equals(name)) {
          continue;
        }
        if (!removed.contains(old)) {
          questioner.report(
              Problem.FIELD_RENAMED_FROM_UNKNOWN,
              after.app(),
              after.name(),
              name,
              old,
              name,
              after.name(),
              removed.isEmpty() ? "none" : String.join(", ", removed));
          continue;
        }
        RenameField rename = new RenameField(after.key(), old, name);
        rename.stateForwards(after.app(), from);
        removed.remove(old);
        renames.add(new Pending(after.app(), rename, List.of()));
      }
    }
    return renames;
  }

  /**
   * Added, removed and renamed indexes: an index whose definition is unchanged under another name
   * (an automatic name after a field rename) is Django's {@code RenameIndex}.
   */
  private void createAlteredIndexes(
      List<String> kept, List<Pending> added, List<Pending> removed, List<Pending> renamed) {
    for (String k : kept) {
      ModelState before = from.model(k);
      ModelState after = to.model(k);
      List<IndexState> newIndexes = new ArrayList<>();
      for (IndexState index : after.indexes()) {
        if (!before.indexes().contains(index)) {
          newIndexes.add(index);
        }
      }
      for (IndexState index : before.indexes()) {
        if (after.indexes().contains(index)) {
          continue;
        }
        IndexState same = null;
        for (IndexState candidate : newIndexes) {
          if (candidate.withName(index.name()).equals(index)) {
            same = candidate;
            break;
          }
        }
        if (same != null) {
          newIndexes.remove(same);
          renamed.add(
              new Pending(
                  after.app(), new RenameIndex(after.key(), index.name(), same.name()), List.of()));
        } else {
          removed.add(new Pending(after.app(), new RemoveIndex(after.key(), index.name()), List.of()));
        }
      }
      for (IndexState index : newIndexes) {
        added.add(new Pending(after.app(), new AddIndex(after.key(), index), modelDeps(after)));
      }
    }
  }

  private void generateRemovedConstraints(List<String> kept) {
    for (String k : kept) {
      ModelState before = from.model(k);
      ModelState after = to.model(k);
      for (ConstraintState c : before.constraints()) {
        if (!after.constraints().contains(c)) {
          add(after.app(), new RemoveConstraint(after.key(), c.name()), List.of());
        }
      }
    }
  }

  private void generateAddedConstraints(List<String> kept) {
    for (String k : kept) {
      ModelState before = from.model(k);
      ModelState after = to.model(k);
      for (ConstraintState c : after.constraints()) {
        if (!before.constraints().contains(c)) {
          add(after.app(), new AddConstraint(after.key(), c), modelDeps(after));
        }
      }
    }
  }

  private void generateRemovedFields(List<String> kept) {
    for (String k : kept) {
      ModelState before = from.model(k);
      ModelState after = to.model(k);
      for (String name : new TreeSet<>(before.fields().keySet())) {
        if (!after.fields().containsKey(name)) {
          add(after.app(), new RemoveField(after.key(), name), List.of());
        }
      }
    }
  }

  private void generateAddedFields(List<String> kept) {
    for (String k : kept) {
      ModelState before = from.model(k);
      ModelState after = to.model(k);
      Set<String> removed = new TreeSet<>(before.fields().keySet());
      removed.removeAll(after.fields().keySet());
      for (String name : new TreeSet<>(after.fields().keySet())) {
        if (!before.fields().containsKey(name)) {
          // Asked, the question is the one error for this field: a "needs a default" on top of
          // it would send the user to fix what renamedFrom answers.
          if (!askIfRenamed(before, after, after.fields().get(name), removed)) {
            addField(after, after.fields().get(name));
          }
        }
      }
    }
  }

  /** Django's _generate_added_field: its questions are diagnostics here. */
  private void addField(ModelState model, FieldState f) {
    List<Dep> deps = new ArrayList<>();
    deps.add(new Dep(model.app(), model.key(), f.name(), Dep.Type.REMOVE));
    if (f.isRelation()) {
      deps.addAll(foreignKeyDeps(f));
    }
    if (needsDefault(f)) {
      questioner.report(
          isTemporal(f) ? Problem.TEMPORAL_FIELD_WITHOUT_DEFAULT : Problem.NON_NULL_FIELD_WITHOUT_DEFAULT,
          model.app(),
          model.name(),
          f.name(),
          f.name(),
          model.name());
    }
    if ((f.unique() || f.fieldType() == FieldType.ONE_TO_ONE) && f.defaultMethod() != null) {
      questioner.report(
          Problem.UNIQUE_CALLABLE_DEFAULT, model.app(), model.name(), f.name(), model.name(),
          f.name());
    }
    add(model.app(), new AddField(model.key(), f, true), deps);
  }

  private void generateAlteredFields(List<String> kept) {
    for (String k : kept) {
      ModelState before = from.model(k);
      ModelState after = to.model(k);
      for (String name : new TreeSet<>(after.fields().keySet())) {
        FieldState was = before.fields().get(name);
        FieldState now = after.fields().get(name);
        if (was == null || was.equals(now)) {
          continue;
        }
        boolean wasM2m = was.fieldType() == FieldType.MANY_TO_MANY;
        boolean isM2m = now.fieldType() == FieldType.MANY_TO_MANY;
        if (wasM2m != isM2m) {
          add(after.app(), new RemoveField(after.key(), name), List.of());
          addField(after, now);
          continue;
        }
        if (was.nullable() && !now.nullable() && !now.hasDefault() && !isM2m) {
          questioner.report(
              Problem.NULL_TO_NOT_NULL_WITHOUT_DEFAULT,
              after.app(),
              after.name(),
              name,
              name,
              after.name());
        }
        List<Dep> deps = now.isRelation() ? foreignKeyDeps(now) : List.of();
        add(after.app(), new AlterField(after.key(), now, true), deps);
      }
    }
  }

  private void generateAlteredTable(List<String> kept) {
    for (String k : kept) {
      ModelState before = from.model(k);
      ModelState after = to.model(k);
      if (!Objects.equals(before.table(), after.table())) {
        add(after.app(), new AlterModelTable(after.key(), after.table()), List.of());
      }
    }
  }

  /**
   * SPEC section 3: Django would silently delete a model that a kept field still points at (and
   * the database would refuse); here it is an error on the field that still points at it.
   */
  private void checkDeletedModelsUnreferenced(List<ModelState> deleted) {
    for (ModelState m : deleted) {
      for (ModelState other : to.models()) {
        for (FieldState f : other.fields().values()) {
          if ((f.isRelation() && key(m).equals(f.to())) || key(m).equals(f.through())) {
            questioner.report(
                Problem.DELETED_MODEL_REFERENCED,
                other.app(),
                other.name(),
                f.name(),
                m.name(),
                m.app(),
                other.name(),
                f.name());
          }
        }
      }
    }
  }

  // ------------------------------------------------------------------ questions

  /** Django asks for a default unless the column may be null or fills itself. */
  private static boolean needsDefault(FieldState f) {
    FieldType type = f.fieldType();
    return !f.nullable()
        && !f.hasDefault()
        && (type == null || (!type.isAuto() && type != FieldType.MANY_TO_MANY));
  }

  private static boolean isTemporal(FieldState f) {
    FieldType t = f.fieldType();
    return t == FieldType.DATE
        || t == FieldType.TIME
        || t == FieldType.DATE_TIME
        || t == FieldType.LOCAL_DATE_TIME;
  }

  /**
   * Django's rename question ("Was book.name renamed to book.title (a CharField)?"): same
   * definition, other name. javac cannot ask, and guessing "no" would drop the column's data, so
   * unless the removal is confirmed it is an error and nothing is written.
   */
  /** Whether the rename question was asked (an error: nothing is written for the app). */
  private boolean askIfRenamed(
      ModelState before, ModelState after, FieldState added, Set<String> removed) {
    for (String name : removed) {
      FieldState old = before.fields().get(name);
      if (old != null && old.withName(added.name()).equals(added)) {
        if (questioner.removalConfirmed(after.app(), after.name(), name)) {
          continue;
        }
        String model = after.name().toLowerCase(Locale.ROOT);
        questioner.report(
            Problem.FIELD_LOOKS_RENAMED,
            after.app(),
            after.name(),
            added.name(),
            model,
            name,
            model,
            added.name(),
            added.type(),
            name,
            name,
            added.name(),
            name,
            after.app() + "." + model + "." + name);
        return true;
      }
    }
    return false;
  }

  /**
   * Django's model rename question ("Was the model library.Book renamed to Volume?"): a deleted
   * and an added model of one app with the same fields. An error unless the deletion is confirmed.
   */
  private void askIfModelsRenamed(List<ModelState> deleted, List<ModelState> added) {
    for (ModelState now : added) {
      for (ModelState was : deleted) {
        if (!was.app().equals(now.app())
            || !was.fields().equals(now.fields())
            || questioner.removalConfirmed(was.app(), was.name(), null)) {
          continue;
        }
        questioner.report(
            Problem.MODEL_LOOKS_RENAMED,
            now.app(),
            now.name(),
            null,
            now.app(),
            was.name(),
            now.name(),
            was.name(),
            was.name(),
            now.name(),
            was.name(),
            now.app() + "." + was.name().toLowerCase(Locale.ROOT));
        break;
      }
    }
  }

  // ------------------------------------------------------------------ dependencies

  /** Django's _get_dependencies_for_foreign_key: the target (and through model) must exist. */
  private static List<Dep> foreignKeyDeps(FieldState f) {
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
  private static List<Dep> modelDeps(ModelState m) {
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

  // ------------------------------------------------------------------ arranging

  /**
   * Django's _sort_migrations: each app's operations in dependency order, using only
   * dependencies inside the app, as {@code graphlib.TopologicalSorter.static_order} visits them
   * (nodes in registration order, then as they become ready).
   */
  private void sortOperations() {
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
  private Map<String, List<AutoMigration>> buildMigrationList(Set<String> existingApps) {
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

  private final Map<Operation, Pending> byOperation = new java.util.IdentityHashMap<>();

  private int count() {
    int n = 0;
    for (List<Pending> ops : generated.values()) {
      n += ops.size();
    }
    return n;
  }

  private void add(String app, Operation op, List<Dep> deps) {
    add(new Pending(app, op, deps));
  }

  private void add(Pending p) {
    generated.computeIfAbsent(p.app(), a -> new ArrayList<>()).add(p);
    byOperation.put(p.op(), p);
  }

  private static String key(ModelState m) {
    return ProjectState.key(m.app(), m.name());
  }

  private static String names(Collection<ModelState> models) {
    if (models.isEmpty()) {
      return "none";
    }
    List<String> names = new ArrayList<>();
    for (ModelState m : models) {
      names.add(m.name());
    }
    return String.join(", ", names);
  }
}
