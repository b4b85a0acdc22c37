package dev.migrata.processor;

import static dev.migrata.processor.AnnotationValues.emptyToNull;
import static dev.migrata.processor.AnnotationValues.string;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * The join models of JPA entities: each owned {@code @ManyToMany} and unidirectional
 * {@code @OneToMany} as a model of its own, named and shaped as Hibernate expects the join table
 * ({@code @JoinTable}, else its implicit table and column names). A record of the readers it asks.
 */
record JpaJoinTables(
    JpaNaming naming, JpaInheritance inheritance, JpaRelations relations, JpaKeys keys) {
  /**
   * The join table of an owned {@code @ManyToMany} or a unidirectional {@code @OneToMany}: a model
   * with a key to each side under the columns Hibernate names. Django's join tables add an {@code
   * id} (Hibernate never writes it; the database fills it).
   */
  ModelDeclaration read(
      AppInfo app, TypeElement owner, ModelState ownerState, VariableElement field) {
    String name = field.getSimpleName().toString();
    AnnotationMirror relation = Jpa.find(field, Jpa.MANY_TO_MANY);
    boolean manyToMany = relation != null;
    if (relation == null) {
      relation = Jpa.find(field, Jpa.ONE_TO_MANY);
    }
    if (!string(relation, "mappedBy").isEmpty()) {
      return null; // The other side owns it.
    }
    TypeMirror type = field.asType();
    TypeMirror element =
        type instanceof DeclaredType d && d.getTypeArguments().size() == 1
            ? d.getTypeArguments().get(0)
            : null;
    TypeElement target = relations.target(field, element, name, ownerState.name(), relation);
    if (target == null) {
      return null;
    }
    AnnotationMirror joinTable = Jpa.find(field, Jpa.JOIN_TABLE);
    String explicitTable = emptyToNull(string(joinTable, "name"));
    String table =
        explicitTable != null
            ? naming.physical(explicitTable)
            : naming.joinTable(
                inheritance.logicalTable(owner), inheritance.logicalTable(target), name);
    // JPA names the owner's column after the inverse attribute of a bidirectional many-to-many.
    String inverse = manyToMany ? relations.inverseAttribute(target, name) : null;
    String ownerColumn =
        joinColumn(
            joinTable,
            "joinColumns",
            (inverse != null ? inverse : Jpa.logicalEntity(owner)) + "_" + keys.idColumn(owner));
    String targetColumn =
        joinColumn(joinTable, "inverseJoinColumns", name + "_" + keys.idColumn(target));
    String ownerKey = Names.snakeCase(owner.getSimpleName().toString());
    String targetKey = "target";
    Map<String, FieldState> fields = new LinkedHashMap<>();
    fields.put("id", FieldState.autoId());
    FieldState.Builder ownerFk =
        FieldState.builder(ownerKey, FieldType.FOREIGN_KEY.djangoName())
            .column(ownerColumn)
            .index(false)
            .to(keys.key(owner))
            .onDelete("DO_NOTHING");
    FieldState.Builder targetFk =
        FieldState.builder(targetKey, FieldType.FOREIGN_KEY.djangoName())
            .column(targetColumn)
            .unique(!manyToMany)
            .index(false)
            .to(keys.key(target))
            .onDelete("DO_NOTHING");
    String model = ownerState.name();
    if (!relations.readTableKey(field, joinTable, "joinColumns", "foreignKey", name, model, ownerFk)
        || !relations.readTableKey(
            field, joinTable, "inverseJoinColumns", "inverseForeignKey", name, model, targetFk)) {
      return null;
    }
    fields.put(ownerKey, ownerFk.build());
    fields.put(targetKey, targetFk.build());
    return ModelDeclaration.ofAttribute(app, owner, field, relation, fields, table);
  }

  private String joinColumn(AnnotationMirror joinTable, String member, String implicit) {
    AnnotationValue value = joinTable == null ? null : Mirrors.value(joinTable, member);
    if (value != null && value.getValue() instanceof List<?> items && !items.isEmpty()) {
      AnnotationMirror first = (AnnotationMirror) ((AnnotationValue) items.get(0)).getValue();
      String explicit = emptyToNull(string(first, "name"));
      if (explicit != null) {
        return naming.physical(explicit);
      }
    }
    return naming.physical(implicit);
  }
}
