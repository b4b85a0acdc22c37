package dev.migrata.internal.backends.base;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.OrmOptions;
import dev.migrata.internal.state.ProjectState;
import java.util.List;
import java.util.Objects;

/**
 * What Django's {@code alter_field} decides about a field change before any SQL, the same on every
 * backend: whether it reaches the database at all, and the changes no backend makes in place.
 */
final class FieldChanges {
  private FieldChanges() {}

  /** Whether the change of {@code oldField} to {@code newField} touches the column or its table. */
  static boolean reachesDatabase(
      ProjectState fromState, FieldState oldField, ProjectState toState, FieldState newField) {
    return !Objects.equals(dbRelevant(fromState, oldField), dbRelevant(toState, newField));
  }

  /** What of a field reaches the database; options such as help text do not. */
  private static FieldState dbRelevant(ProjectState state, FieldState f) {
    String to = null;
    if (f.isRelation()) {
      ModelState target = state.model(f.to());
      to = target == null ? f.to() : target.tableName();
    }
    return f.toBuilder()
        .name(f.columnName())
        .column(null)
        .helpText(null)
        .choices(List.of())
        .relatedName(null)
        .defaultValue(null)
        .orm(OrmOptions.NONE)
        .to(to)
        .build();
  }

  /**
   * A field cannot turn into a many-to-many or out of one in place: the one is a column, the other
   * a join table.
   */
  static void refuseManyToManyChange(ModelState model, FieldState oldField, FieldState newField) {
    if (oldField.fieldType() == FieldType.MANY_TO_MANY
        || newField.fieldType() == FieldType.MANY_TO_MANY) {
      throw new IllegalStateException(
          "Cannot alter many-to-many field '"
              + oldField.name()
              + "' on '"
              + model.name()
              + "' in place; remove it and add it again.");
    }
  }

  /**
   * Django's {@code alter_field} refuses to change a generated column's expression or persistence,
   * or to turn a column into one or out of one: no backend alters that in place.
   */
  static void refuseGeneratedChange(ModelState model, FieldState oldField, FieldState newField) {
    boolean changed =
        oldField.isGenerated() != newField.isGenerated()
            || (newField.isGenerated()
                && (!oldField.generated().equals(newField.generated())
                    || oldField.persisted() != newField.persisted()));
    if (changed) {
      throw new IllegalStateException(
          "Modifying GeneratedFields is not supported - the field "
              + model.app()
              + "."
              + model.name()
              + "."
              + newField.name()
              + " must be removed and re-added with the new definition (a RemoveField, then"
              + " an AddField).");
    }
  }
}
