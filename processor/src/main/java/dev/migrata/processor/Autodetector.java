package dev.migrata.processor;

import dev.migrata.internal.operations.AddUniqueTogether;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.optimizer.Optimizer;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.processor.MigrationArranger.Pending;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * {@code 0001_initial} and {@code 0002_initial}), and each migration goes through the shared {@link
 * Optimizer} ({@code _optimize_migrations}).
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

  private final MigrationQuestioner questioner;

  Autodetector(MigrationQuestioner questioner) {
    this.questioner = questioner;
  }

  /**
   * The migrations of {@code apps} (the apps whose current models {@code to} holds); other apps'
   * models in the states are only relation targets.
   */
  Map<String, List<AutoMigration>> changes(ProjectState from, ProjectState to, Set<String> apps) {
    ProjectState working = from.copy();
    MigrationArranger ops = new MigrationArranger();
    ModelChanges models = new ModelChanges(questioner, working, to, ops);
    FieldChanges fields = new FieldChanges(questioner, working, to, ops);
    IndexChanges indexes = new IndexChanges(working, to, ops);
    SequenceChanges sequences = new SequenceChanges(from, to, ops);
    Set<String> existingApps = new TreeSet<>();
    for (ModelState m : from.models()) {
      existingApps.add(m.app());
    }

    models.generateRenamedModels(apps);
    List<ModelState> oldModels = new ArrayList<>();
    List<ModelState> newModels = new ArrayList<>();
    for (String app : apps) {
      oldModels.addAll(working.models(app));
      newModels.addAll(to.models(app));
    }
    List<ModelState> deleted = new ArrayList<>();
    List<ModelState> added = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    // Django keeps proxies apart: a model that becomes (or stops being) a proxy is deleted and
    // created again, as its keys move between the concrete and the proxy sets.
    List<ModelState> deletedProxies = new ArrayList<>();
    List<ModelState> addedProxies = new ArrayList<>();
    for (ModelState m : oldModels) {
      ModelState now = to.model(m.app(), m.name());
      if (now == null || now.proxy() != m.proxy()) {
        (m.proxy() ? deletedProxies : deleted).add(m);
      }
    }
    for (ModelState m : newModels) {
      ModelState was = working.model(m.app(), m.name());
      if (was == null || was.proxy() != m.proxy()) {
        (m.proxy() ? addedProxies : added).add(m);
      } else {
        kept.add(ModelChanges.key(m));
      }
    }
    models.askIfModelsRenamed(deleted, added);
    models.generateDeletedModels(deleted);
    models.generateCreatedModels(added);
    models.generateDeletedProxies(deletedProxies);
    models.generateCreatedProxies(addedProxies);
    sequences.generateCreatedAndAltered(apps);
    models.generateAlteredOptions(kept);
    models.generateAlteredTableComment(kept);
    List<Pending> renamedFields = fields.createRenamedFields(kept);
    List<Pending> renamedIndexes = new ArrayList<>();
    List<Pending> addedIndexes = new ArrayList<>();
    List<Pending> removedIndexes = new ArrayList<>();
    indexes.createAlteredIndexes(kept, addedIndexes, removedIndexes, renamedIndexes);
    indexes.generateRemovedConstraints(kept);
    removedIndexes.forEach(ops::add);
    renamedFields.forEach(ops::add);
    renamedIndexes.forEach(ops::add);
    fields.generateRemovedFields(kept);
    fields.generateAddedFields(kept);
    fields.generateAlteredFields(kept);
    addedIndexes.forEach(ops::add);
    indexes.generateAddedConstraints(kept);
    indexes.generateAlteredConstraints(kept);
    models.generateAlteredTable(kept);
    sequences.generateDeleted(apps);
    models.checkDeletedModelsUnreferenced(deleted);

    ops.sortOperations();
    Map<String, List<AutoMigration>> migrations = ops.buildMigrationList(existingApps);
    Map<String, List<AutoMigration>> folded = new TreeMap<>();
    for (Map.Entry<String, List<AutoMigration>> e : migrations.entrySet()) {
      List<AutoMigration> list = new ArrayList<>();
      for (AutoMigration m : e.getValue()) {
        list.add(
            new AutoMigration(
                m.app(),
                writable(Optimizer.optimize(m.operations(), m.app())),
                m.dependencies(),
                m.initial()));
      }
      folded.put(e.getKey(), list);
    }
    return folded;
  }

  /** What the optimizer left of Django-only operation forms, as the operations written. */
  private static List<Operation> writable(List<Operation> operations) {
    return operations.stream()
        .map(op -> op instanceof AddUniqueTogether u ? u.asAddConstraint() : op)
        .toList();
  }
}
