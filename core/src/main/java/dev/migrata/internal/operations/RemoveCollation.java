package dev.migrata.internal.operations;

import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;
import java.util.Locale;

/**
 * Django's {@code RemoveCollation}: {@code DROP COLLATION} on PostgreSQL (other backends skip it),
 * backwards {@code CREATE COLLATION} from the same attributes; no state effect.
 */
public record RemoveCollation(Collation collation) implements Operation {
  @Override
  public void stateForwards(String app, ProjectState state) {}

  @Override
  public void databaseForwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    editor.removeCollation(collation);
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    editor.createCollation(collation);
  }

  @Override
  public String describe() {
    return "Remove collation " + collation.name();
  }

  @Override
  public String nameFragment() {
    return "remove_collation_" + collation.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public Deconstructed deconstruct() {
    return collation.into(OpKind.REMOVE_COLLATION.form()).build();
  }
}
