package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.internal.state.SequenceState;
import dev.migrata.schema.SchemaEditor;
import java.util.Locale;

/**
 * Creates the sequence a JPA {@code @SequenceGenerator} (or {@code AUTO} id) draws from: {@code
 * CREATE SEQUENCE} where the backend has sequences, Hibernate's one-row table elsewhere; backwards
 * it drops it. The sequence joins the app's state, so later changes are detected.
 */
public record CreateSequence(SequenceState sequence) implements Operation {
  @Override
  public void stateForwards(String app, ProjectState state) {
    state.putSequence(app, sequence);
  }

  @Override
  public void databaseForwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    editor.createSequence(sequence);
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    editor.deleteSequence(sequence);
  }

  @Override
  public String describe() {
    return "Create sequence " + sequence.name();
  }

  @Override
  public String nameFragment() {
    return "create_sequence_" + sequence.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public Deconstructed deconstruct() {
    return sequence.into(OpKind.CREATE_SEQUENCE.form()).build();
  }

  /** A sequence is no part of any model: model operations move across it. */
  @Override
  public boolean referencesModel(String name, String app) {
    return false;
  }

  /** Created then deleted cancels out; created then altered is created altered. */
  @Override
  public Reduction reduce(Operation other, String app) {
    if (other instanceof DeleteSequence d && d.sequence().name().equals(sequence.name())) {
      return Reduction.replace();
    }
    if (other instanceof AlterSequence a && a.name().equals(sequence.name())) {
      return Reduction.replace(new CreateSequence(sequence.withIncrement(a.increment())));
    }
    return Sequences.reduce(this, sequence.name(), other);
  }
}
