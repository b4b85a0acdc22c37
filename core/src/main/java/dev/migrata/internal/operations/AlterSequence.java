package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.internal.state.SequenceState;
import dev.migrata.schema.SchemaEditor;
import java.util.Locale;

/**
 * Changes a sequence's increment (a new {@code allocationSize}): {@code ALTER SEQUENCE ...
 * INCREMENT BY}. The start is not altered: it only mattered when the sequence was created, and
 * restarting a sequence in use would hand out keys again. Backwards restores the increment the
 * state held before.
 */
public record AlterSequence(String name, int increment) implements Operation {
  @Override
  public void stateForwards(String app, ProjectState state) {
    state.putSequence(app, require(app, state).withIncrement(increment));
  }

  @Override
  public void databaseForwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    editor.alterSequence(require(app, from), require(app, to));
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    editor.alterSequence(require(app, from), require(app, to));
  }

  @Override
  public String describe() {
    return "Alter sequence " + name + " (increment " + increment + ")";
  }

  @Override
  public String nameFragment() {
    return "alter_sequence_" + name.toLowerCase(Locale.ROOT);
  }

  @Override
  public Deconstructed deconstruct() {
    return new SequenceState(name, SequenceState.DEFAULT_START, increment)
        .into(OpKind.ALTER_SEQUENCE.form())
        .build();
  }

  @Override
  public boolean referencesModel(String name, String app) {
    return false;
  }

  /** Two alterations of one sequence: the later increment wins. */
  @Override
  public Reduction reduce(Operation other, String app) {
    if (other instanceof AlterSequence a && a.name().equals(name)) {
      return Reduction.replace(a);
    }
    if (other instanceof DeleteSequence d && d.sequence().name().equals(name)) {
      return Reduction.replace(d);
    }
    return Sequences.reduce(this, name, other);
  }

  private SequenceState require(String app, ProjectState state) {
    SequenceState s = state.sequence(app, name);
    if (s == null) {
      throw new IllegalStateException(
          "No sequence '"
              + name
              + "' in app '"
              + app
              + "' at this point of the migration history.");
    }
    return s;
  }
}
