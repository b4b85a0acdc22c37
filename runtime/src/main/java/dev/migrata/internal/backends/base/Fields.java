package dev.migrata.internal.backends.base;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/** What the schema editors ask of fields and models, the same on every backend. */
public final class Fields {
  private Fields() {}

  public static boolean isForeignKey(FieldState field) {
    return field.fieldType() == FieldType.FOREIGN_KEY || field.fieldType() == FieldType.ONE_TO_ONE;
  }

  /**
   * Whether the database holds a foreign key constraint for {@code field}: a foreign key or
   * one-to-one without {@code dbConstraint = false} (Django's {@code db_constraint}).
   */
  public static boolean hasForeignKeyConstraint(FieldState field) {
    return isForeignKey(field) && field.dbConstraint();
  }

  public static boolean isAuto(FieldState field) {
    FieldType type = field.fieldType();
    return type != null && type.isAuto();
  }

  /**
   * Whether the column is unique by a constraint of its own: declared so, or a one-to-one (Django's
   * unique foreign key); a primary key is unique through the key.
   */
  public static boolean isUnique(FieldState field) {
    return (field.unique() || field.fieldType() == FieldType.ONE_TO_ONE) && !field.primaryKey();
  }

  /** Django's {@code field.unique}: declared unique, a one-to-one, or the primary key. */
  public static boolean isKeyUnique(FieldState field) {
    return field.unique() || field.primaryKey() || field.fieldType() == FieldType.ONE_TO_ONE;
  }

  /** The fields that own a column, in declaration order. */
  public static List<FieldState> columnFields(ModelState model) {
    return model.fields().values().stream().filter(FieldState::hasColumn).toList();
  }

  /** The many-to-many fields whose join table Migrata owns (a {@code through} model owns one). */
  public static List<FieldState> manyToManyFields(ModelState model) {
    return model.fields().values().stream().filter(FieldState::isAutoManyToMany).toList();
  }

  /** The target model of a relation, or an error naming it. */
  public static ModelState targetModel(ProjectState state, FieldState field) {
    ModelState target = state.model(field.to());
    if (target == null) {
      throw new IllegalStateException(
          "Field '"
              + field.name()
              + "' refers to '"
              + field.to()
              + "', which does not exist"
              + " at this point of the migration history.");
    }
    return target;
  }

  /** The field a relation points at: {@code toField}, else the target's primary key. */
  public static FieldState targetField(ProjectState state, FieldState field) {
    ModelState target = state.model(field.to());
    if (target == null) {
      return null;
    }
    return field.toField() != null ? target.field(field.toField()) : target.primaryKey();
  }

  /** Puts {@code model} into a copy of {@code state} so self-references resolve. */
  public static ProjectState with(ProjectState state, ModelState model) {
    ProjectState copy = state.copy();
    copy.put(model);
    return copy;
  }

  /** A copy of {@code list} without the entries matching {@code test}. */
  public static <T> List<T> without(List<T> list, Predicate<T> test) {
    List<T> out = new ArrayList<>(list);
    for (Iterator<T> it = out.iterator(); it.hasNext(); ) {
      if (test.test(it.next())) {
        it.remove();
      }
    }
    return out;
  }
}
