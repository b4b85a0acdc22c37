package dev.migrata.internal.operations;

import dev.migrata.internal.state.FieldState;
import java.util.Locale;

/**
 * The shared parts of Django's {@code reduce()} and {@code references_*}: the base rule (elidable
 * operations vanish), the model and field operation defaults, and {@code field_references}.
 */
final class Reductions {
  private Reductions() {}

  /** {@code Operation.reduce}: an elidable operation gives way to the other one. */
  static Reduction base(Operation self, Operation other) {
    if (self.elidable()) {
      return Reduction.replace(other);
    }
    if (other.elidable()) {
      return Reduction.replace(self);
    }
    return Reduction.boundary();
  }

  /** {@code ModelOperation.reduce}: base, or through when {@code other} leaves the model alone. */
  static Reduction model(Operation self, String name, Operation other, String app) {
    Reduction base = base(self, other);
    if (base.truthy()) {
      return base;
    }
    return Reduction.through(!other.referencesModel(name, app));
  }

  /** {@code FieldOperation.reduce}: base, or through when {@code other} leaves the field alone. */
  static Reduction field(Operation self, String model, String name, Operation other, String app) {
    Reduction base = base(self, other);
    if (base.truthy()) {
      return base;
    }
    return Reduction.through(!other.referencesField(model, name, app));
  }

  static boolean same(String a, String b) {
    return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }

  /**
   * Django's {@code field_references}: whether {@code field} (a relation) points at model {@code
   * model} of {@code app} and, when {@code fieldName} is given, at that field (a relation without
   * {@code toField} may point at any field of the model: its key), or uses that model as its
   * many-to-many {@code through} (Migrata has no {@code through_fields}, so any field of it).
   */
  static boolean fieldReferences(FieldState field, String app, String model, String fieldName) {
    if (field == null || !field.isRelation()) {
      return false;
    }
    String qualified = app + "." + model;
    if (same(field.through(), qualified)) {
      // Without this a many-to-many could be folded into a CreateModel in front of the creation
      // of its through model (Django's test_create_model_add_field_not_through_m2m_through).
      return true;
    }
    if (field.to() == null || !same(field.to(), qualified)) {
      return false;
    }
    return fieldName == null || field.toField() == null || field.toField().equals(fieldName);
  }

  /** {@code FieldOperation.references_model}. */
  static boolean fieldOpReferencesModel(
      String selfModel, FieldState field, String name, String app) {
    return same(name, selfModel) || fieldReferences(field, app, name, null);
  }

  /** {@code FieldOperation.references_field}. */
  static boolean fieldOpReferencesField(
      String selfModel, String selfName, FieldState field, String model, String name, String app) {
    if (same(model, selfModel) && name.equals(selfName)) {
      return true;
    }
    return fieldReferences(field, app, model, name);
  }
}
