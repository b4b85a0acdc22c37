package dev.migrata.processor;

import static dev.migrata.processor.AnnotationValues.emptyToNull;
import static dev.migrata.processor.AnnotationValues.string;

import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Keys of JPA entities as Hibernate names them: which model a foreign key to an entity references
 * (the root's, in a single-table hierarchy), the entity's key column (its {@code @Id}, a
 * {@code @MapsId} relation's column, a joined subclass's {@code @PrimaryKeyJoinColumn}), and a
 * to-one relation's column ({@code <attribute>_<key column>}).
 */
final class JpaKeys {
  private final Elements elements;
  private final AppResolver apps;
  private final JpaNaming naming;
  private final JpaInheritance inheritance;

  JpaKeys(Elements elements, AppResolver apps, JpaNaming naming, JpaInheritance inheritance) {
    this.elements = elements;
    this.apps = apps;
    this.naming = naming;
    this.inheritance = inheritance;
  }

  /** The {@code app.model} of the model that holds an entity's rows. */
  String key(TypeElement entity) {
    TypeElement target = inheritance.tableOwner(entity);
    AppInfo app = apps.forPackage(elements.getPackageOf(target));
    return app.label() + "." + target.getSimpleName().toString().toLowerCase(Locale.ROOT);
  }

  /**
   * The key column of an entity: its {@code @Id}'s (mapped superclasses included); a joined
   * subclass's is its {@code @PrimaryKeyJoinColumn}, else its parent's.
   */
  String idColumn(TypeElement entity) {
    TypeElement parent = JpaInheritance.parent(entity);
    if (parent != null && inheritance.strategy(entity) == JpaInheritance.Strategy.JOINED) {
      String explicit = JpaInheritance.primaryKeyJoinColumn(entity);
      return explicit != null ? naming.physical(explicit) : idColumn(parent);
    }
    VariableElement id = idField(entity);
    if (id == null) {
      return "id";
    }
    if (Jpa.has(id, Jpa.MAPS_ID) && !entity.equals(Jpa.typeElement(id.asType()))) {
      return toOneColumn(id);
    }
    String explicit = JpaColumnReader.explicitName(Jpa.find(id, Jpa.COLUMN));
    return naming.physical(explicit != null ? explicit : id.getSimpleName().toString());
  }

  /** The field that is the key of an entity: a {@code @MapsId} relation, else its {@code @Id}. */
  VariableElement idField(TypeElement entity) {
    VariableElement id = null;
    for (TypeElement t = entity; t != null; t = Jpa.typeElement(t.getSuperclass())) {
      for (VariableElement f : JpaAccess.declared(elements, t)) {
        if (Jpa.has(f, Jpa.MAPS_ID)) {
          return f;
        }
        if (id == null && Jpa.has(f, Jpa.ID)) {
          id = f;
        }
      }
    }
    return id;
  }

  /** The column of a to-one relation: {@code @JoinColumn(name)}, else {@code <attribute>_<id>}. */
  String toOneColumn(VariableElement field) {
    String explicit = emptyToNull(string(Jpa.find(field, Jpa.JOIN_COLUMN), "name"));
    if (explicit != null) {
      return naming.physical(explicit);
    }
    TypeElement target = Jpa.typeElement(field.asType());
    AnnotationMirror relation = Jpa.find(field, Jpa.MANY_TO_ONE);
    relation = relation != null ? relation : Jpa.find(field, Jpa.ONE_TO_ONE);
    AnnotationValue explicitTarget = Mirrors.value(relation, "targetEntity");
    if (explicitTarget != null && explicitTarget.getValue() instanceof TypeMirror t) {
      target = Jpa.typeElement(t);
    }
    String id = target == null ? "id" : idColumn(target);
    return naming.physical(field.getSimpleName() + "_" + id);
  }
}
