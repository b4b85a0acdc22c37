package dev.migrata.processor;

import static dev.migrata.processor.AnnotationValues.emptyToNull;
import static dev.migrata.processor.AnnotationValues.string;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * The collection table of an {@code @ElementCollection}, as a model of its own: a key to the owner
 * under the column Hibernate names ({@code <entity>_<id>}, or
 * {@code @CollectionTable(joinColumns)}), the element's column (named by the attribute, or
 * {@code @Column}) or the columns of an {@code @Embeddable} element, and the {@code @OrderColumn}
 * of a list. Like Migrata's join tables it adds an {@code id} key that Hibernate never writes (the
 * database fills it): a model needs a key, and Hibernate's (the owner plus the element or the
 * order) is composite.
 */
final class JpaElementCollections {
  static final String COLLECTION_TABLE = Jpa.PKG + "CollectionTable";
  static final String ORDER_COLUMN = Jpa.PKG + "OrderColumn";
  static final String MAP_KEY_COLUMN = Jpa.PKG + "MapKeyColumn";

  private final Reporter reporter;
  private final JpaNaming naming;
  private final JpaColumnReader columns;
  private final JpaRelations relations;
  private final Function<TypeElement, String> keyOf;
  private final Function<TypeElement, String> idColumnOf;

  /**
   * @param keyOf the {@code app.model} reference of the model holding an entity's rows
   * @param idColumnOf the physical column of an entity's key
   */
  JpaElementCollections(
      Reporter reporter,
      JpaNaming naming,
      JpaColumnReader columns,
      JpaRelations relations,
      Function<TypeElement, String> keyOf,
      Function<TypeElement, String> idColumnOf) {
    this.reporter = reporter;
    this.naming = naming;
    this.columns = columns;
    this.relations = relations;
    this.keyOf = keyOf;
    this.idColumnOf = idColumnOf;
  }

  /** The collection model of {@code field} (an {@code @ElementCollection} of owner), or null. */
  ModelDeclaration read(AppInfo app, TypeElement owner, String entityName, VariableElement field) {
    String name = field.getSimpleName().toString();
    String model = owner.getSimpleName().toString();
    AnnotationMirror collection = Jpa.find(field, Jpa.ELEMENT_COLLECTION);
    TypeMirror element = elementType(field);
    TypeElement elementClass = Jpa.typeElement(element);
    TypeMirror mapKey = mapKeyType(field);
    boolean basicKey =
        mapKey == null || (JavaTypes.builtInType(mapKey) != null && !JavaTypes.isEnum(mapKey));
    if (element == null || !basicKey || (elementClass != null && Jpa.isEntity(elementClass))) {
      reporter.report(
          Problem.JPA_ELEMENT_COLLECTION, field, collection, null, name, model, field.asType());
      return null;
    }
    AnnotationMirror table = Jpa.find(field, COLLECTION_TABLE);
    String explicitTable = emptyToNull(string(table, "name"));
    String tableName =
        naming.physical(explicitTable != null ? explicitTable : entityName + "_" + name);
    Map<String, FieldState> fields = new LinkedHashMap<>();
    fields.put("id", FieldState.autoId());
    String ownerField = Names.snakeCase(model);
    FieldState.Builder ownerFk =
        FieldState.builder(ownerField, FieldType.FOREIGN_KEY.djangoName())
            .column(ownerColumn(table, entityName, owner))
            .index(false)
            .to(keyOf.apply(owner))
            .onDelete("DO_NOTHING");
    if (!relations.readTableKey(field, table, "joinColumns", "foreignKey", name, model, ownerFk)) {
      return null;
    }
    fields.put(ownerField, ownerFk.build());
    if (elementClass != null && Jpa.has(elementClass, Jpa.EMBEDDABLE)) {
      for (VariableElement part : parts(elementClass)) {
        String partName = part.getSimpleName().toString();
        AnnotationMirror column = Jpa.find(part, Jpa.COLUMN);
        FieldState state =
            columns.readPart(part, partName, model, columnName(part, column), column);
        if (state != null) {
          fields.put(partName, JpaModelReader.implicitColumn(state));
        }
      }
    } else {
      AnnotationMirror column = Jpa.find(field, Jpa.COLUMN);
      FieldState state =
          columns.read(field, element, name, model, columnName(field, column), column);
      if (state != null) {
        fields.put(name, JpaModelReader.implicitColumn(state));
      }
    }
    if (mapKey != null) {
      // @MapKeyColumn has @Column's members; the key is part of Hibernate's key, never null.
      AnnotationMirror keyColumn = Jpa.find(field, MAP_KEY_COLUMN);
      String explicit = JpaColumnReader.explicitName(keyColumn);
      String keyName = name + "Key";
      FieldState key =
          columns.read(
              field,
              mapKey,
              keyName,
              model,
              naming.physical(explicit != null ? explicit : name + "_KEY"),
              keyColumn);
      if (key != null) {
        fields.put(keyName, key.toBuilder().nullable(false).build());
      }
    }
    AnnotationMirror order = Jpa.find(field, ORDER_COLUMN);
    if (order != null) {
      String explicit = emptyToNull(string(order, "name"));
      String orderField = name + "Order";
      fields.put(
          orderField,
          FieldState.builder(orderField, FieldType.INTEGER.djangoName())
              .column(naming.physical(explicit != null ? explicit : name + "_ORDER"))
              .build());
    }
    return ModelDeclaration.ofAttribute(app, owner, field, collection, fields, tableName);
  }

  /** {@code @CollectionTable(joinColumns = @JoinColumn(name))}, else JPA's {@code entity_id}. */
  private String ownerColumn(AnnotationMirror table, String entityName, TypeElement owner) {
    AnnotationValue value = table == null ? null : Mirrors.value(table, "joinColumns");
    if (value != null && value.getValue() instanceof List<?> items && !items.isEmpty()) {
      AnnotationMirror first = (AnnotationMirror) ((AnnotationValue) items.get(0)).getValue();
      String explicit = emptyToNull(string(first, "name"));
      if (explicit != null) {
        return naming.physical(explicit);
      }
    }
    return naming.physical(entityName + "_" + idColumnOf.apply(owner));
  }

  private String columnName(VariableElement field, AnnotationMirror column) {
    String explicit = JpaColumnReader.explicitName(column);
    return naming.physical(explicit != null ? explicit : field.getSimpleName().toString());
  }

  /** The element type: the one type argument of a collection, a map's value type, or null. */
  private static TypeMirror elementType(VariableElement field) {
    if (!(field.asType() instanceof DeclaredType d)) {
      return null;
    }
    int arguments = d.getTypeArguments().size();
    return arguments == 1 || (arguments == 2 && mapKeyType(field) != null)
        ? d.getTypeArguments().get(arguments - 1)
        : null;
  }

  /** The key type of a {@code java.util} map, or null. */
  private static TypeMirror mapKeyType(VariableElement field) {
    if (field.asType() instanceof DeclaredType d
        && d.getTypeArguments().size() == 2
        && d.asElement() instanceof TypeElement t
        && t.getQualifiedName().toString().startsWith("java.util.")
        && t.getSimpleName().toString().endsWith("Map")) {
      return d.getTypeArguments().get(0);
    }
    return null;
  }

  private static List<VariableElement> parts(TypeElement embeddable) {
    return embeddable.getEnclosedElements().stream()
        .filter(e -> e.getKind() == ElementKind.FIELD)
        .filter(e -> !e.getModifiers().contains(Modifier.STATIC))
        .filter(e -> !e.getModifiers().contains(Modifier.TRANSIENT))
        .filter(e -> !Jpa.has(e, Jpa.TRANSIENT))
        .map(VariableElement.class::cast)
        .toList();
  }
}
