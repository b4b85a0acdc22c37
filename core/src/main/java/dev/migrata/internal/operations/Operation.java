package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;

/**
 * The one unit that knows its meaning twice: for the state ({@link #stateForwards}) and for the
 * database ({@link #databaseForwards}, {@link #databaseBackwards}), as Django's operations.
 * Replaying history runs {@link #stateForwards} only.
 */
public interface Operation {
  /** Applies this operation to {@code state} in place. */
  void stateForwards(String app, ProjectState state);

  /** Changes the database from {@code from} (before this operation) to {@code to} (after it). */
  void databaseForwards(String app, SchemaEditor editor, ProjectState from, ProjectState to);

  /**
   * Reverts this operation; {@code from} is the state after it, {@code to} the state before it,
   * as in Django.
   */
  void databaseBackwards(String app, SchemaEditor editor, ProjectState from, ProjectState to);

  /** Django's {@code describe()}, e.g. {@code Add field rating to book}. */
  String describe();

  /** The part of an automatic migration name, e.g. {@code book_rating}; null if it has none. */
  String nameFragment();

  /** The annotation form written into migrations and the runtime index. */
  Deconstructed deconstruct();

  default boolean reversible() {
    return true;
  }

  /** Whether the database changes at all (false for state-only changes such as help text). */
  default boolean reducesToSql() {
    return true;
  }

  /** Whether the optimizer may drop this operation when squashing (Django's {@code elidable}). */
  default boolean elidable() {
    return false;
  }

  /**
   * Whether this operation refers to model {@code name} of {@code app} in any way; conservative
   * (true) unless the operation knows better, as Django's {@code references_model}.
   */
  default boolean referencesModel(String name, String app) {
    return true;
  }

  /** Whether this operation refers to field {@code name} of {@code model}, as Django's. */
  default boolean referencesField(String model, String name, String app) {
    return referencesModel(model, app);
  }

  /**
   * Django's {@code reduce(operation, app_label)}: how this operation combines with {@code other},
   * which comes later in the same list. The base rule only drops elidable operations.
   */
  default Reduction reduce(Operation other, String app) {
    return Reductions.base(this, other);
  }
}
