package dev.migrata.processor;

import dev.migrata.internal.operations.AlterSequence;
import dev.migrata.internal.operations.CreateSequence;
import dev.migrata.internal.operations.DeleteSequence;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.internal.state.SequenceState;
import dev.migrata.processor.MigrationArranger.Pending;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The autodetector's sequence generators (Django has no sequences): a sequence only the current
 * entities name is created, one only the history has is deleted, and a new increment (a changed
 * {@code allocationSize}) is altered. A changed start is not: it only counts when the sequence is
 * created, and Hibernate never reads it back. Creations are generated before the models and
 * deletions after them, so a migration creates a sequence before the table whose keys it hands out,
 * and drops it after that table.
 */
final class SequenceChanges {
  private final ProjectState from;
  private final ProjectState to;
  private final MigrationArranger ops;

  SequenceChanges(ProjectState from, ProjectState to, MigrationArranger ops) {
    this.from = from;
    this.to = to;
    this.ops = ops;
  }

  /**
   * Adds the creations and alterations at the beginning of each app's list, in name order: after
   * the created models are generated, as those go to the beginning too (Django's {@code
   * beginning=True}).
   */
  void generateCreatedAndAltered(Set<String> apps) {
    for (String app : apps) {
      List<Pending> first = new ArrayList<>();
      for (SequenceState now : to.sequences(app)) {
        SequenceState was = from.sequence(app, now.name());
        if (was == null) {
          first.add(new Pending(app, new CreateSequence(now), List.of()));
        } else if (was.increment() != now.increment()) {
          first.add(new Pending(app, new AlterSequence(now.name(), now.increment()), List.of()));
        }
      }
      for (int i = first.size() - 1; i >= 0; i--) {
        ops.addFirst(first.get(i));
      }
    }
  }

  void generateDeleted(Set<String> apps) {
    for (String app : apps) {
      for (SequenceState was : from.sequences(app)) {
        if (to.sequence(app, was.name()) == null) {
          ops.add(app, new DeleteSequence(was), List.of());
        }
      }
    }
  }
}
