package dev.migrata.processor;

import static dev.migrata.processor.MigrationArranger.foreignKeyDeps;

import dev.migrata.internal.operations.AddConstraint;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AddIndex;
import dev.migrata.internal.operations.AddUniqueTogether;
import dev.migrata.internal.operations.AlterModelOptions;
import dev.migrata.internal.operations.AlterModelTable;
import dev.migrata.internal.operations.AlterModelTableComment;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.DeleteModel;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RemoveField;
import dev.migrata.internal.operations.RenameModel;
import dev.migrata.internal.optimizer.Optimizer;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.processor.Autodetector.Dep;
import dev.migrata.processor.MigrationArranger.Pending;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The model-level part of the {@link Autodetector}: Django's generate_renamed_models,
 * generate_deleted_models, generate_created_models, generate_altered_options,
 * generate_altered_db_table_comment and generate_altered_db_table, the model rename question, and
 * the check that no kept field points at a deleted model.
 */
final class ModelChanges {

  private final MigrationQuestioner questioner;
  private final ProjectState from;
  private final ProjectState to;
  private final MigrationArranger ops;

  ModelChanges(
      MigrationQuestioner questioner, ProjectState from, ProjectState to, MigrationArranger ops) {
    this.questioner = questioner;
    this.from = from;
    this.to = to;
    this.ops = ops;
  }

  /** Django's generate_renamed_models, with the question answered by {@code renamedFrom}. */
  void generateRenamedModels(Set<String> apps) {
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

  void generateDeletedModels(List<ModelState> deleted) {
    for (ModelState m : deleted) {
      List<String> related = new ArrayList<>();
      for (FieldState f : m.fields().values()) {
        // A child's link to its parent is its primary key: the table goes with it (Django removes
        // the link first, dropping the key column of a table about to be dropped).
        if (f.isRelation() && !f.parentLink()) {
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
          if (points && f.parentLink()) {
            // A multi-table child goes first, as a whole.
            deps.add(new Dep(other.app(), other.key(), null, Dep.Type.REMOVE));
          } else if (points || through) {
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
  void generateCreatedModels(List<ModelState> added) {
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
      // Django: a multi-table child depends on the creation of its bases, and a model that was a
      // proxy on the removal of that proxy.
      createDeps.addAll(baseDeps(m));
      createDeps.addAll(replacedDeps(m));
      CreateModel create =
          new CreateModel(
              m.name(),
              plain,
              List.of(),
              List.of(),
              m.table(),
              m.comment(),
              m.managed(),
              m.options(),
              m.bases(),
              false);
      ops.addFirst(new Pending(m.app(), create, createDeps));
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
        add(
            m.app(),
            isUniqueTogether(m, constraint)
                ? new AddUniqueTogether(m.key(), constraint)
                : new AddConstraint(m.key(), constraint),
            relatedDeps);
      }
    }
  }

  /**
   * Whether {@code c} is what Django has as a {@code unique_together} (for which its autodetector
   * writes an {@code AlterUniqueTogether}, not an {@code AddConstraint}): an unnamed {@code
   * Unique}, so named as Django names one, over fields and without a condition.
   */
  private static boolean isUniqueTogether(ModelState m, ConstraintState c) {
    return !c.isCheck()
        && c.condition() == null
        && !c.fields().isEmpty()
        && c.name()
            .equals(
                Names.uniqueTogetherName(
                    m.tableName(), c.fields().stream().map(m::columnOf).toList()));
  }

  /**
   * Django's generate_created_proxies: {@code CreateModel(name, fields=[], options, proxy, bases)}
   * after the concrete models, depending on the creation of its bases.
   */
  void generateCreatedProxies(List<ModelState> added) {
    List<ModelState> sorted = new ArrayList<>(added);
    sorted.sort((a, b) -> key(a).compareTo(key(b)));
    for (ModelState m : sorted) {
      CreateModel create =
          new CreateModel(
              m.name(),
              List.of(),
              List.of(),
              List.of(),
              null,
              null,
              m.managed(),
              m.options(),
              m.bases(),
              true);
      List<Dep> deps = new ArrayList<>(baseDeps(m));
      deps.addAll(replacedDeps(m));
      add(m.app(), create, deps);
    }
  }

  /** Django's generate_deleted_proxies: a plain {@code DeleteModel}. */
  void generateDeletedProxies(List<ModelState> deleted) {
    List<ModelState> sorted = new ArrayList<>(deleted);
    sorted.sort((a, b) -> key(a).compareTo(key(b)));
    for (ModelState m : sorted) {
      add(m.app(), new DeleteModel(m.name()), List.of());
    }
  }

  /** The removal of a same-named model of the other kind (proxy or concrete) it replaces. */
  private List<Dep> replacedDeps(ModelState m) {
    ModelState was = from.model(m.app(), m.name());
    return was == null || was.proxy() == m.proxy()
        ? List.of()
        : List.of(new Dep(m.app(), m.key(), null, Dep.Type.REMOVE));
  }

  private static List<Dep> baseDeps(ModelState m) {
    List<Dep> deps = new ArrayList<>();
    for (String base : m.bases()) {
      int dot = base.indexOf('.');
      deps.add(new Dep(base.substring(0, dot), base.substring(dot + 1), null, Dep.Type.CREATE));
    }
    return deps;
  }

  /**
   * Options with no database effect: of Django's {@code ALTER_OPTION_KEYS} Migrata has {@code
   * managed}, {@code verbose_name}, {@code verbose_name_plural} and {@code ordering}. As Django's,
   * the operation carries all of them as the model now has them.
   */
  void generateAlteredOptions(List<String> kept) {
    for (String k : kept) {
      ModelState before = from.model(k);
      ModelState after = to.model(k);
      if (before.managed() != after.managed() || !before.options().equals(after.options())) {
        add(
            after.app(),
            new AlterModelOptions(after.key(), after.managed(), after.options()),
            List.of());
      }
    }
  }

  void generateAlteredTableComment(List<String> kept) {
    for (String k : kept) {
      ModelState before = from.model(k);
      ModelState after = to.model(k);
      if (!Objects.equals(before.comment(), after.comment())) {
        add(after.app(), new AlterModelTableComment(after.key(), after.comment()), List.of());
      }
    }
  }

  void generateAlteredTable(List<String> kept) {
    for (String k : kept) {
      ModelState before = from.model(k);
      ModelState after = to.model(k);
      if (!Objects.equals(before.table(), after.table())) {
        add(after.app(), new AlterModelTable(after.key(), after.table()), List.of());
      }
    }
  }

  /**
   * SPEC section 3: Django would silently delete a model that a kept field still points at (and the
   * database would refuse); here it is an error on the field that still points at it.
   */
  void checkDeletedModelsUnreferenced(List<ModelState> deleted) {
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

  /**
   * Django's model rename question ("Was the model library.Book renamed to Volume?"): a deleted and
   * an added model of one app with the same fields. An error unless the deletion is confirmed.
   */
  void askIfModelsRenamed(List<ModelState> deleted, List<ModelState> added) {
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

  private void add(String app, Operation op, List<Dep> deps) {
    ops.add(app, op, deps);
  }

  static String key(ModelState m) {
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
