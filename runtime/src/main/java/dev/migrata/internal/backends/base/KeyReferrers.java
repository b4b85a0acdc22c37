package dev.migrata.internal.backends.base;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Django's {@code _related_non_m2m_objects}: the columns that refer to a key, which a change of the
 * key's type must take along.
 */
public final class KeyReferrers {
  private KeyReferrers() {}

  /**
   * A column referring to an altered key: the table that holds it ({@code model}, in the state
   * after the change) and its field, which resolves to the old key's type in the state before and
   * to the new key's type in the state after.
   */
  public record Referrer(ModelState model, FieldState oldField, FieldState newField) {}

  /**
   * Whether {@code newField} is a key other columns may refer to (a primary key, or unique) and its
   * column type changes: Django's {@code drop_foreign_keys} in {@code _alter_field}.
   */
  public static boolean keyTypeChanges(
      FieldState oldField, FieldState newField, String oldType, String newType) {
    boolean key =
        (oldField.primaryKey() && newField.primaryKey())
            || (Fields.isKeyUnique(oldField) && Fields.isKeyUnique(newField));
    return key && !oldType.equals(newType);
  }

  /**
   * Every foreign key and one-to-one of a managed model (and every automatic join table) that
   * refers to {@code key} of {@code target} in {@code toState}, the primary key through an implicit
   * {@code to_field} or the field named by {@code toField}; and, where such a column is itself a
   * key, the columns referring to it in turn.
   */
  public static List<Referrer> of(
      ProjectState toState, ModelState target, FieldState key, int maxNameLength) {
    List<Referrer> out = new ArrayList<>();
    collect(toState, target, key, maxNameLength, out, new HashSet<>());
    return out;
  }

  private static void collect(
      ProjectState toState,
      ModelState target,
      FieldState key,
      int maxNameLength,
      List<Referrer> out,
      Set<String> seen) {
    String targetKey = ProjectState.key(target.app(), target.name());
    for (ModelState m : toState.models()) {
      if (!m.migrates()) {
        continue;
      }
      List<ModelState> holders = new ArrayList<>();
      holders.add(m);
      for (FieldState m2m : Fields.manyToManyFields(m)) {
        if (toState.model(m2m.to()) != null) {
          holders.add(JoinTables.joinModel(toState, m, m2m, maxNameLength));
        }
      }
      for (ModelState holder : holders) {
        for (FieldState f : Fields.columnFields(holder)) {
          if (!Fields.isForeignKey(f) || f.to() == null || !f.to().equalsIgnoreCase(targetKey)) {
            continue;
          }
          boolean refers = f.toField() == null ? key.primaryKey() : f.toField().equals(key.name());
          boolean itself =
              holder.tableName().equals(target.tableName()) && f.name().equals(key.name());
          if (!refers || itself || !seen.add(holder.tableName() + "." + f.columnName())) {
            continue;
          }
          out.add(new Referrer(holder, f, f));
          if (f.primaryKey() || Fields.isKeyUnique(f)) {
            collect(toState, holder, f, maxNameLength, out, seen);
          }
        }
      }
    }
  }
}
