package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.internal.state.SequenceState;
import dev.migrata.schema.SchemaEditor;
import java.util.Locale;

/**
 * Drops a sequence (or Hibernate's table standing in for it). It keeps the start and increment, as
 * Django's {@code RemoveCollation} keeps its attributes, so that backwards creates it again.
 */
public record DeleteSequence(SequenceState sequence) implements Operation {
  @Override
  public void stateForwards(String app, ProjectState state) {
    state.removeSequence(app, sequence.name());
  }

  @Override
  public void databaseForwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    editor.deleteSequence(sequence);
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    editor.createSequence(sequence);
  }

  @Override
  public String describe() {
    return "Delete sequence " + sequence.name();
  }

  @Override
  public String nameFragment() {
    return "delete_sequence_" + sequence.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public Deconstructed deconstruct() {
    return sequence.into(OpKind.DELETE_SEQUENCE.form()).build();
  }

  @Override
  public boolean referencesModel(String name, String app) {
    return false;
  }

  @Override
  public Reduction reduce(Operation other, String app) {
    return Sequences.reduce(this, sequence.name(), other);
  }
}
