package dev.migrata.processor;

import static dev.migrata.processor.AnnotationValues.emptyToNull;
import static dev.migrata.processor.AnnotationValues.string;

import dev.migrata.internal.state.FieldState;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The details of JPA relations that the column reading does not need: the entity a relation
 * targets, a to-one's foreign key constraint ({@code @ForeignKey(value, name)}), the inverse side
 * of a bidirectional many-to-many (which names the owner's join column), and what Migrata cannot
 * honour (a {@code @MapsId} of a composite key part, a key to an abstract table-per-class root).
 */
final class JpaRelations {
  private final Elements elements;
  private final Reporter reporter;
  private final JpaInheritance inheritance;

  JpaRelations(Elements elements, Reporter reporter, JpaInheritance inheritance) {
    this.elements = elements;
    this.reporter = reporter;
    this.inheritance = inheritance;
  }

  /**
   * Reads {@code @JoinColumn(foreignKey = @ForeignKey(value, name))} into {@code fk}: {@code
   * NO_CONSTRAINT} is Django's {@code db_constraint=False}, a name is the constraint's name (as
   * Hibernate's export names it). False (reported) when the name cannot be kept.
   */
  boolean readForeignKey(
      VariableElement field,
      AnnotationMirror join,
      String name,
      String model,
      FieldState.Builder fk) {
    return readForeignKey(field, join, "foreignKey", name, model, fk);
  }

  /**
   * The key of a join or collection table to its owner ({@code columns = "joinColumns", tableKey =
   * "foreignKey"}) or to its target ({@code "inverseJoinColumns", "inverseForeignKey"}): the first
   * join column's {@code foreignKey}, else the table's own member, read as {@link #readForeignKey}.
   */
  boolean readTableKey(
      VariableElement field,
      AnnotationMirror table,
      String columns,
      String tableKey,
      String name,
      String model,
      FieldState.Builder fk) {
    if (table == null) {
      return true;
    }
    AnnotationValue value = Mirrors.value(table, columns);
    if (value != null && value.getValue() instanceof List<?> items && !items.isEmpty()) {
      AnnotationMirror first = (AnnotationMirror) ((AnnotationValue) items.get(0)).getValue();
      if (Mirrors.value(first, "foreignKey") != null) {
        return readForeignKey(field, first, "foreignKey", name, model, fk);
      }
    }
    return readForeignKey(field, table, tableKey, name, model, fk);
  }

  private boolean readForeignKey(
      VariableElement field,
      AnnotationMirror join,
      String member,
      String name,
      String model,
      FieldState.Builder fk) {
    AnnotationValue foreignKey = join == null ? null : Mirrors.value(join, member);
    if (foreignKey == null || !(foreignKey.getValue() instanceof AnnotationMirror mode)) {
      return true;
    }
    String constraintName = emptyToNull(string(mode, "name"));
    AnnotationValue nameValue = Mirrors.value(mode, "name");
    if ("NO_CONSTRAINT".equals(string(mode, "value"))) {
      fk.dbConstraint(false);
      if (constraintName != null) {
        reporter.report(
            Problem.JPA_FOREIGN_KEY_NAME_WITHOUT_CONSTRAINT,
            field,
            mode,
            nameValue,
            constraintName,
            name,
            model);
      }
      return true;
    }
    if (constraintName == null) {
      return true;
    }
    if (!ForeignKeyNames.fits(reporter, field, mode, nameValue, constraintName, name, model)) {
      return false;
    }
    fk.constraintName(constraintName);
    return true;
  }

  /** Reports a {@code @MapsId} of a composite key part, which Migrata does not read. */
  void checkToOne(VariableElement field, String name, String model) {
    AnnotationMirror mapsId = Jpa.find(field, Jpa.MAPS_ID);
    if (mapsId != null && emptyToNull(string(mapsId, "value")) != null) {
      reporter.report(
          Problem.JPA_MAPS_ID_PART,
          field,
          mapsId,
          Mirrors.value(mapsId, "value"),
          name,
          model,
          string(mapsId, "value"));
    }
  }

  /**
   * False (reported) when {@code target} has no table to reference: an abstract root of a {@code
   * TABLE_PER_CLASS} hierarchy, whose rows live in its subclasses' tables.
   */
  boolean checkTarget(
      VariableElement field,
      AnnotationMirror relation,
      TypeElement target,
      String name,
      String model) {
    if (!Jpa.isEntity(target)
        || inheritance.strategy(target) != JpaInheritance.Strategy.TABLE_PER_CLASS
        || inheritance.hasTable(target)) {
      return true;
    }
    reporter.report(
        Problem.JPA_TARGET_WITHOUT_TABLE,
        field,
        relation,
        null,
        name,
        model,
        target.getSimpleName());
    return false;
  }

  /**
   * The attribute of {@code target} that is the inverse ({@code mappedBy = attribute}) of a
   * many-to-many, or null for a unidirectional one.
   */
  String inverseAttribute(TypeElement target, String attribute) {
    for (TypeElement t = target; t != null; t = Jpa.typeElement(t.getSuperclass())) {
      for (VariableElement f : JpaAccess.declared(elements, t)) {
        AnnotationMirror m = Jpa.find(f, Jpa.MANY_TO_MANY);
        if (m != null && string(m, "mappedBy").equals(attribute)) {
          return f.getSimpleName().toString();
        }
      }
    }
    return null;
  }

  /**
   * The entity a relation targets: its {@code targetEntity}, else {@code type} (the attribute's, or
   * a collection's element type). Null (reported) when that is no model or has no table.
   */
  TypeElement target(
      VariableElement field,
      TypeMirror type,
      String name,
      String model,
      AnnotationMirror relation) {
    AnnotationValue explicit = Mirrors.value(relation, "targetEntity");
    if (explicit != null
        && explicit.getValue() instanceof TypeMirror t
        && t.getKind() == TypeKind.DECLARED
        && !((TypeElement) ((DeclaredType) t).asElement())
            .getQualifiedName()
            .contentEquals("void")) {
      type = t;
    }
    TypeElement target = type == null ? null : Jpa.typeElement(type);
    if (target == null || !ModelReader.isModel(target)) {
      reporter.report(Problem.JPA_TARGET_NOT_ENTITY, field, relation, null, name, model, type);
      return null;
    }
    return checkTarget(field, relation, target, name, model) ? target : null;
  }
}
