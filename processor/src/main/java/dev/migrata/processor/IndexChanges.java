package dev.migrata.processor;

import static dev.migrata.processor.MigrationArranger.modelDeps;

import dev.migrata.internal.operations.AddConstraint;
import dev.migrata.internal.operations.AddIndex;
import dev.migrata.internal.operations.AlterConstraint;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RemoveConstraint;
import dev.migrata.internal.operations.RemoveIndex;
import dev.migrata.internal.operations.RenameIndex;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.processor.Autodetector.Dep;
import dev.migrata.processor.MigrationArranger.Pending;
import java.util.ArrayList;
import java.util.List;

/**
 * The index and constraint part of the {@link Autodetector}: Django's create_altered_indexes,
 * generate_removed_constraints, generate_added_constraints and generate_altered_constraints.
 */
final class IndexChanges {

  private final ProjectState from;
  private final ProjectState to;
  private final MigrationArranger ops;

  IndexChanges(ProjectState from, ProjectState to, MigrationArranger ops) {
    this.from = from;
    this.to = to;
    this.ops = ops;
  }

  /**
   * Added, removed and renamed indexes: an index whose definition is unchanged under another name
   * (an automatic name after a field rename) is Django's {@code RenameIndex}.
   */
  void createAlteredIndexes(
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
          removed.add(
              new Pending(after.app(), new RemoveIndex(after.key(), index.name()), List.of()));
        }
      }
      for (IndexState index : newIndexes) {
        added.add(new Pending(after.app(), new AddIndex(after.key(), index), modelDeps(after)));
      }
    }
  }

  void generateRemovedConstraints(List<String> kept) {
    for (String k : kept) {
      ModelState before = from.model(k);
      ModelState after = to.model(k);
      List<String> altered = altered(before, after).stream().map(ConstraintState::name).toList();
      for (ConstraintState c : before.constraints()) {
        if (!after.constraints().contains(c) && !altered.contains(c.name())) {
          add(after.app(), new RemoveConstraint(after.key(), c.name()), List.of());
        }
      }
    }
  }

  void generateAddedConstraints(List<String> kept) {
    for (String k : kept) {
      ModelState before = from.model(k);
      ModelState after = to.model(k);
      List<String> altered = altered(before, after).stream().map(ConstraintState::name).toList();
      for (ConstraintState c : after.constraints()) {
        if (!before.constraints().contains(c) && !altered.contains(c.name())) {
          add(after.app(), new AddConstraint(after.key(), c), modelDeps(after));
        }
      }
    }
  }

  /** Django 5.2's generate_altered_constraints: AlterConstraint, after the added ones. */
  void generateAlteredConstraints(List<String> kept) {
    for (String k : kept) {
      ModelState after = to.model(k);
      for (ConstraintState c : altered(from.model(k), after)) {
        add(after.app(), new AlterConstraint(after.key(), c.name(), c), modelDeps(after));
      }
    }
  }

  /**
   * Django's create_altered_constraints: the new constraints that keep an old one's name and differ
   * from it only in what never reaches the database (the violation message and code).
   */
  private static List<ConstraintState> altered(ModelState before, ModelState after) {
    List<ConstraintState> result = new ArrayList<>();
    for (ConstraintState old : before.constraints()) {
      for (ConstraintState now : after.constraints()) {
        if (!old.equals(now)
            && old.name().equals(now.name())
            && old.withoutStateOnly().equals(now.withoutStateOnly())) {
          result.add(now);
        }
      }
    }
    return result;
  }

  private void add(String app, Operation op, List<Dep> deps) {
    ops.add(app, op, deps);
  }
}
