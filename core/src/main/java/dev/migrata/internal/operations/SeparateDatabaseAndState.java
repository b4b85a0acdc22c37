package dev.migrata.internal.operations;

import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;
import java.util.ArrayList;
import java.util.List;

/**
 * Django's SeparateDatabaseAndState: the database operations change only the database (each from
 * the state its predecessors left), the state operations only the state. Written as a run of
 * {@code @Op(scope = DATABASE)} and {@code @Op(scope = STATE)} operations, since annotations
 * cannot nest; see {@link Operations#deconstruct(List)}.
 */
public record SeparateDatabaseAndState(
    List<Operation> databaseOperations, List<Operation> stateOperations) implements Operation {

  public SeparateDatabaseAndState {
    databaseOperations = List.copyOf(databaseOperations);
    stateOperations = List.copyOf(stateOperations);
  }

  @Override
  public void stateForwards(String app, ProjectState state) {
    for (Operation op : stateOperations) {
      op.stateForwards(app, state);
    }
  }

  @Override
  public void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ProjectState current = from;
    for (Operation op : databaseOperations) {
      ProjectState next = current.copy();
      op.stateForwards(app, next);
      op.databaseForwards(app, editor, current, next);
      current = next;
    }
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    // The database operations' own states, from the state before this operation (Django).
    List<ProjectState> states = new ArrayList<>();
    ProjectState current = to;
    for (Operation op : databaseOperations) {
      states.add(current);
      current = current.copy();
      op.stateForwards(app, current);
    }
    for (int i = databaseOperations.size() - 1; i >= 0; i--) {
      databaseOperations.get(i).databaseBackwards(app, editor, current, states.get(i));
      current = states.get(i);
    }
  }

  @Override
  public boolean reversible() {
    return databaseOperations.stream().allMatch(Operation::reversible);
  }

  @Override
  public String describe() {
    return "Custom state/database change combination";
  }

  @Override
  public String nameFragment() {
    return null;
  }

  /** Not one annotation: use {@link Operations#deconstruct(List)}, which writes the scoped run. */
  @Override
  public dev.migrata.internal.state.Deconstructed deconstruct() {
    throw new UnsupportedOperationException(
        "SeparateDatabaseAndState is written as several @Op(scope = ...) annotations; use"
            + " Operations.deconstruct(List).");
  }
}
