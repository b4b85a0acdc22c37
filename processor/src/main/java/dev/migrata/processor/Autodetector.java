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
import dev.migrata.operations.RemoveConstraint;
import dev.migrata.operations.RemoveField;
import dev.migrata.operations.RemoveIndex;
import dev.migrata.operations.RenameField;
import dev.migrata.operations.RenameIndex;
import dev.migrata.operations.RenameModel;
import dev.migrata.state.ConstraintState;
import dev.migrata.state.FieldState;
import dev.migrata.state.FieldType;
import dev.migrata.state.IndexState;
import dev.migrata.state.ModelState;
import dev.migrata.state.ProjectState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Django's autodetector for one app: compares the replayed history with the current models and
 * lists the operations that turn one into the other, in the order Django 5.2 writes them (its
 * optimizer's output shape: relational fields at the end of {@code CreateModel}, a new model's
 * indexes and constraints folded into it, {@code CreateModel} before {@code DeleteModel}).
 *
 * <p>javac cannot ask questions, so Django's questioner is answered by annotations: renames only
 * where {@code renamedFrom} declares them (never guessed), and an unanswerable question (a
 * non-null field without a default) is an error on the field.
 */
final class Autodetector {
  /** The operations of one app and the other apps its new migration must depend on. */
  record Change(String app, List<Operation> operations, Set<String> dependsOnApps) {}

  private final Reporter reporter;

  Autodetector(Reporter reporter) {
    this.reporter = reporter;
  }

  /** The change of {@code app}, or null when its models match its history. */
  Change detect(String app, ProjectState from, List<ModelDeclaration> current) {
    ProjectState working = from.copy();
    Map<String, ModelDeclaration> declared = new TreeMap<>();
    for (ModelDeclaration d : current) {
      declared.put(d.state().key(), d);
    }
    Set<String> dependsOn = new TreeSet<>();

    List<Operation> renamedModels = new ArrayList<>();
    for (ModelDeclaration d : declared.values()) {
      if (d.renamedFrom() == null || working.contains(app, d.state().name())) {
        continue;
      }
      String oldKey = d.renamedFrom().toLowerCase(Locale.ROOT);
      ModelState old = working.model(app, oldKey);
      if (old == null || declared.containsKey(oldKey)) {
        reporter.report(
            Problem.MODEL_RENAMED_FROM_UNKNOWN,
            d.element(),
            d.modelMirror(),
            Mirrors.value(d.modelMirror(), "renamedFrom"),
            d.renamedFrom(),
            d.state().name(),
            app,
            names(working.models(app)));
        continue;
      }
      RenameModel rename = new RenameModel(old.name(), d.state().name());
      rename.stateForwards(app, working);
      renamedModels.add(rename);
    }

    Map<String, ModelState> old = new TreeMap<>();
    for (ModelState m : working.models(app)) {
      old.put(m.key(), m);
    }
    List<ModelState> added = new ArrayList<>();
    List<ModelState> deleted = new ArrayList<>();
    for (ModelDeclaration d : declared.values()) {
      if (!old.containsKey(d.state().key())) {
        added.add(d.state());
      }
    }
    for (ModelState m : old.values()) {
      if (!declared.containsKey(m.key())) {
        deleted.add(m);
      }
    }
    Set<String> deletedRefs = new HashSet<>();
    for (ModelState m : deleted) {
      deletedRefs.add(ProjectState.key(app, m.name()));
    }

    List<Operation> creates = new ArrayList<>();
    List<Operation> deferredForCreates = new ArrayList<>();
    createModels(app, added, working, creates, deferredForCreates, dependsOn);

    List<Operation> deletes = new ArrayList<>();
    for (ModelState m : deleted) {
      deletes.add(new DeleteModel(m.name()));
    }

    List<Operation> beforeDeletes = new ArrayList<>();
    List<Operation> options = new ArrayList<>();
    List<Operation> renamedFields = new ArrayList<>();
    List<Operation> removedConstraints = new ArrayList<>();
    List<Operation> removedIndexes = new ArrayList<>();
    List<Operation> renamedIndexes = new ArrayList<>();
    List<Operation> addedConstraints = new ArrayList<>();
    List<Operation> removedFields = new ArrayList<>();
    List<Operation> addedFields = new ArrayList<>();
    List<Operation> alteredFields = new ArrayList<>();
    List<Operation> addedIndexes = new ArrayList<>();
    List<Operation> tables = new ArrayList<>();

    for (ModelDeclaration d : declared.values()) {
      ModelState before = old.get(d.state().key());
      if (before == null) {
        continue;
      }
      ModelState after = d.state();
      String model = after.key();
      if (before.managed() != after.managed()) {
        options.add(new AlterModelOptions(model, after.managed()));
      }
      if (!Objects.equals(before.comment(), after.comment())) {
        options.add(new AlterModelTableComment(model, after.comment()));
      }

      Set<String> addedNames = new TreeSet<>(after.fields().keySet());
      addedNames.removeAll(before.fields().keySet());
      Set<String> removedNames = new TreeSet<>(before.fields().keySet());
      removedNames.removeAll(after.fields().keySet());
      for (String name : new ArrayList<>(addedNames)) {
        ModelDeclaration.FieldDeclaration fd = d.fields().get(name);
        String oldName = fd == null ? null : fd.renamedFrom();
        if (oldName == null || oldName.equals(name)) {
          continue;
        }
        if (!removedNames.contains(oldName)) {
          reporter.report(
              Problem.FIELD_RENAMED_FROM_UNKNOWN,
              fd.element(),
              fd.mirror(),
              Mirrors.value(fd.mirror(), "renamedFrom"),
              oldName,
              name,
              after.name(),
              removedNames.isEmpty() ? "none" : String.join(", ", removedNames));
          continue;
        }
        RenameField rename = new RenameField(model, oldName, name);
        rename.stateForwards(app, working);
        renamedFields.add(rename);
        addedNames.remove(name);
        removedNames.remove(oldName);
      }
      before = working.model(app, model);

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
        // Same definition under another name (an automatic name after a field rename): Django's
        // RenameIndex, which keeps the index instead of rebuilding it.
        IndexState same = null;
        for (IndexState candidate : newIndexes) {
          if (candidate.withName(index.name()).equals(index)) {
            same = candidate;
            break;
          }
        }
        if (same != null) {
          newIndexes.remove(same);
          renamedIndexes.add(new RenameIndex(model, index.name(), same.name()));
        } else {
          removedIndexes.add(new RemoveIndex(model, index.name()));
        }
      }
      for (ConstraintState constraint : before.constraints()) {
        if (!after.constraints().contains(constraint)) {
          removedConstraints.add(new RemoveConstraint(model, constraint.name()));
        }
      }
      for (String name : removedNames) {
        RemoveField remove = new RemoveField(model, name);
        FieldState f = before.fields().get(name);
        if (f.isRelation() && deletedRefs.contains(f.to())) {
          beforeDeletes.add(remove);
        } else {
          removedFields.add(remove);
        }
      }
      for (String name : addedNames) {
        FieldState f = after.fields().get(name);
        ModelDeclaration.FieldDeclaration fd = d.fields().get(name);
        warnIfLooksRenamed(after, f, fd, before, removedNames);
        if (needsDefault(f)) {
          reporter.report(
              Problem.NON_NULL_FIELD_WITHOUT_DEFAULT,
              fd == null ? d.element() : fd.element(),
              fd == null ? null : fd.mirror(),
              null,
              name,
              after.name());
        }
        addedFields.add(new AddField(model, f, true));
        dependOnTarget(app, f, dependsOn);
      }
      for (Map.Entry<String, FieldState> e : after.fields().entrySet()) {
        FieldState was = before.fields().get(e.getKey());
        FieldState now = e.getValue();
        if (was == null || was.equals(now)) {
          continue;
        }
        boolean wasM2m = was.fieldType() == FieldType.MANY_TO_MANY;
        boolean isM2m = now.fieldType() == FieldType.MANY_TO_MANY;
        if (wasM2m != isM2m) {
          removedFields.add(new RemoveField(model, was.name()));
          addedFields.add(new AddField(model, now, true));
          continue;
        }
        if (was.nullable() && !now.nullable() && now.defaultValue() == null
            && now.dbDefault() == null) {
          ModelDeclaration.FieldDeclaration fd = d.fields().get(now.name());
          reporter.report(
              Problem.NULL_TO_NOT_NULL_WITHOUT_DEFAULT,
              fd == null ? d.element() : fd.element(),
              fd == null ? null : fd.mirror(),
              null,
              now.name(),
              after.name());
        }
        AlterField alter = new AlterField(model, now, true);
        if (was.isRelation() && deletedRefs.contains(was.to())) {
          beforeDeletes.add(alter);
        } else {
          alteredFields.add(alter);
        }
        dependOnTarget(app, now, dependsOn);
      }
      for (IndexState index : newIndexes) {
        addedIndexes.add(new AddIndex(model, index));
      }
      for (ConstraintState constraint : after.constraints()) {
        if (!before.constraints().contains(constraint)) {
          addedConstraints.add(new AddConstraint(model, constraint));
        }
      }
      if (!Objects.equals(before.table(), after.table())) {
        tables.add(new AlterModelTable(model, after.table()));
      }
    }

    List<Operation> operations = new ArrayList<>();
    operations.addAll(creates);
    operations.addAll(renamedModels);
    operations.addAll(beforeDeletes);
    operations.addAll(deletes);
    operations.addAll(deferredForCreates);
    operations.addAll(options);
    operations.addAll(removedConstraints);
    operations.addAll(removedIndexes);
    operations.addAll(renamedFields);
    operations.addAll(renamedIndexes);
    operations.addAll(removedFields);
    operations.addAll(addedFields);
    operations.addAll(alteredFields);
    operations.addAll(addedIndexes);
    operations.addAll(addedConstraints);
    operations.addAll(tables);
    dependsOn.remove(app);
    return operations.isEmpty() ? null : new Change(app, operations, dependsOn);
  }

  /**
   * New models as Django 5.2's optimizer leaves them: a model comes after the models of this app it
   * points to (so its foreign keys fold into its {@code CreateModel}), ties by name; only a cycle
   * leaves a foreign key as a separate {@code AddField}.
   */
  private void createModels(
      String app,
      List<ModelState> added,
      ProjectState existing,
      List<Operation> out,
      List<Operation> deferred,
      Set<String> dependsOn) {
    Set<String> pending = new HashSet<>();
    for (ModelState m : added) {
      pending.add(ProjectState.key(app, m.name()));
    }
    List<ModelState> remaining = new ArrayList<>(added);
    remaining.sort(Comparator.comparing(ModelState::key));
    while (!remaining.isEmpty()) {
      ModelState next = null;
      for (ModelState m : remaining) {
        if (unresolved(app, m, pending).isEmpty()) {
          next = m;
          break;
        }
      }
      if (next == null) {
        next = remaining.get(0);
      }
      remaining.remove(next);
      Set<String> unresolved = unresolved(app, next, pending);
      pending.remove(ProjectState.key(app, next.name()));

      List<FieldState> plain = new ArrayList<>();
      List<FieldState> relations = new ArrayList<>();
      List<FieldState> later = new ArrayList<>();
      for (FieldState f : next.fields().values()) {
        dependOnTarget(app, f, dependsOn);
        if (!f.isRelation()) {
          plain.add(f);
        } else if (unresolved.contains(f.to())) {
          later.add(f);
        } else {
          relations.add(f);
        }
      }
      relations.sort(Comparator.comparing(FieldState::name));
      later.sort(Comparator.comparing(FieldState::name));
      List<FieldState> fields = new ArrayList<>(plain);
      fields.addAll(relations);
      boolean fold = later.isEmpty();
      out.add(
          new CreateModel(
              next.name(),
              fields,
              fold ? next.indexes() : List.of(),
              fold ? next.constraints() : List.of(),
              next.table(),
              next.comment(),
              next.managed()));
      for (FieldState f : later) {
        deferred.add(new AddField(next.key(), f, true));
      }
      if (!fold) {
        for (IndexState i : next.indexes()) {
          deferred.add(new AddIndex(next.key(), i));
        }
        for (ConstraintState c : next.constraints()) {
          deferred.add(new AddConstraint(next.key(), c));
        }
      }
    }
  }

  /** Relation targets of {@code m} in this app that are still to be created (itself excluded). */
  private static Set<String> unresolved(String app, ModelState m, Set<String> pending) {
    Set<String> result = new HashSet<>();
    String self = ProjectState.key(app, m.name());
    for (FieldState f : m.fields().values()) {
      if (f.isRelation() && !f.to().equals(self) && pending.contains(f.to())) {
        result.add(f.to());
      }
    }
    return result;
  }

  private static void dependOnTarget(String app, FieldState f, Set<String> dependsOn) {
    if (f.isRelation() && !f.toApp().equals(app)) {
      dependsOn.add(f.toApp());
    }
  }

  /** Django asks for a default unless the column may be null or fills itself. */
  private static boolean needsDefault(FieldState f) {
    FieldType type = f.fieldType();
    return !f.nullable()
        && f.defaultValue() == null
        && f.dbDefault() == null
        && (type == null || (!type.isAuto() && type != FieldType.MANY_TO_MANY));
  }

  /** Django's rename question, answered "no" with a hint: same definition, other name. */
  private void warnIfLooksRenamed(
      ModelState model,
      FieldState added,
      ModelDeclaration.FieldDeclaration declaration,
      ModelState before,
      Set<String> removedNames) {
    if (declaration == null) {
      return;
    }
    for (String removed : removedNames) {
      FieldState old = before.fields().get(removed);
      if (old != null && old.withName(added.name()).equals(added)) {
        reporter.report(
            Problem.LOOKS_LIKE_RENAME,
            declaration.element(),
            declaration.mirror(),
            null,
            added.name(),
            model.name(),
            removed,
            removed,
            added.name(),
            removed);
        return;
      }
    }
  }

  private static String names(List<ModelState> models) {
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
