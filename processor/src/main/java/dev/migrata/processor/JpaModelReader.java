package dev.migrata.processor;

import static dev.migrata.processor.AnnotationValues.bool;
import static dev.migrata.processor.AnnotationValues.emptyToNull;
import static dev.migrata.processor.AnnotationValues.string;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.ModelState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a JPA {@code @Entity} as a model: every persistent field is a column (JPA's default, unlike
 * {@code @Model}), {@code @MappedSuperclass} fields first, {@code @Embedded} values flattened,
 * to-one relations as foreign keys, and each owned many-to-many (or unidirectional one-to-many) as
 * a join model of its own ({@link JpaJoinTables}).
 */
final class JpaModelReader {
  private final Elements elements;
  private final AppResolver apps;
  private final Reporter reporter;
  private final JpaNaming naming;
  private final JpaColumnReader columns;
  private final JpaInheritance inheritance;
  private final JpaElementCollections collections;
  private final JpaRelations relations;
  private final JpaKeys keys;
  private final JpaTableExtras extras;
  private final JpaAccess access;
  private final JpaIdGeneration ids;
  private final JpaTableIndexes tableIndexes;
  private final JpaJoinTables joinTables;

  JpaModelReader(
      Elements elements,
      Types types,
      AppResolver apps,
      Reporter reporter,
      JpaNaming naming,
      JpaIdGeneration ids) {
    this.elements = elements;
    this.apps = apps;
    this.reporter = reporter;
    this.naming = naming;
    this.columns = new JpaColumnReader(types, reporter);
    this.inheritance = new JpaInheritance(elements, reporter);
    this.relations = new JpaRelations(elements, reporter, inheritance);
    this.keys = new JpaKeys(elements, apps, naming, inheritance);
    this.collections =
        new JpaElementCollections(reporter, naming, columns, relations, keys::key, keys::idColumn);
    this.extras = new JpaTableExtras(reporter);
    this.access = new JpaAccess(elements, reporter);
    this.ids = ids;
    this.tableIndexes = new JpaTableIndexes(reporter, naming);
    this.joinTables = new JpaJoinTables(naming, inheritance, relations, keys);
  }

  /** The sequences the ids of the entities read draw from (see {@link JpaIdGeneration}). */
  JpaIdGeneration ids() {
    return ids;
  }

  /** The entity's model, then the join and collection models it owns. */
  List<ModelDeclaration> read(AppInfo app, TypeElement type) {
    AnnotationMirror entity = Mirrors.find(type, Jpa.ENTITY);
    String name = type.getSimpleName().toString();
    JpaInheritance.Strategy strategy = inheritance.strategy(type);
    inheritance.check(type, strategy);
    if (!inheritance.hasTable(type)) {
      return List.of(); // A single-table subclass (its root reads it) or an abstract union root.
    }
    Map<String, FieldState> fields = new LinkedHashMap<>();
    Map<String, ModelDeclaration.FieldDeclaration> declarations = new LinkedHashMap<>();
    List<Map.Entry<TypeElement, VariableElement>> owned = new ArrayList<>();
    TypeElement parent = JpaInheritance.parent(type);
    if (strategy == JpaInheritance.Strategy.JOINED && parent != null) {
      VariableElement id = keys.idField(parent);
      FieldState link =
          JpaInheritance.joinedKey(
              id == null ? "id" : id.getSimpleName().toString(),
              keys.idColumn(type),
              keys.key(parent));
      fields.put(link.name(), link);
      declarations.put(
          link.name(), new ModelDeclaration.FieldDeclaration(id, Jpa.find(type, Jpa.ENTITY), null));
    }
    List<VariableElement> own =
        strategy == JpaInheritance.Strategy.TABLE_PER_CLASS
            ? hierarchyFields(type)
            : persistentFields(type);
    List<VariableElement> attributes = new ArrayList<>(own);
    for (VariableElement field : own) {
      if (Jpa.has(field, Jpa.ID)) {
        ids.read(app.label(), type, field, inheritance.logicalTable(type));
      }
    }
    readFields(type, name, own, false, fields, declarations, owned);
    if (strategy == JpaInheritance.Strategy.SINGLE_TABLE
        || (strategy == JpaInheritance.Strategy.JOINED
            && parent == null
            && JpaInheritance.discriminator(type) != null)) {
      FieldState discriminator = JpaInheritance.discriminator(type, naming);
      fields.putIfAbsent(discriminator.name(), implicitColumn(discriminator));
    }
    if (strategy == JpaInheritance.Strategy.SINGLE_TABLE) {
      // A subclass's columns are nullable: the rows of the other classes leave them empty.
      for (TypeElement sub : inheritance.descendants(type)) {
        List<VariableElement> subFields = persistentFields(sub);
        attributes.addAll(subFields);
        readFields(sub, name, subFields, true, fields, declarations, owned);
      }
    }
    ModelState state =
        new ModelState(
            app.label(), name, fields, List.of(), List.of(), tableName(type), null, true);
    AnnotationMirror table = Mirrors.find(type, Jpa.TABLE);
    if (table != null) {
      state =
          state
              .withIndexes(tableIndexes.indexes(type, table, state))
              .withConstraints(tableIndexes.uniques(table, state));
    }
    state = extras.apply(type, state, attributes);
    List<ModelDeclaration> result = new ArrayList<>();
    result.add(new ModelDeclaration(app, state, type, entity, renamedFrom(type), declarations));
    for (Map.Entry<TypeElement, VariableElement> e : owned) {
      TypeElement owner = strategy == JpaInheritance.Strategy.SINGLE_TABLE ? e.getKey() : type;
      ModelDeclaration model =
          Jpa.has(e.getValue(), Jpa.ELEMENT_COLLECTION)
              ? collections.read(app, owner, Jpa.logicalEntity(owner), e.getValue())
              : joinTables.read(app, owner, state, e.getValue());
      if (model != null) {
        result.add(model);
      }
    }
    return result;
  }

  /**
   * The columns of {@code declared} (fields of {@code owner}) into {@code fields}; to-many
   * relations and element collections into {@code owned}, for their own models. A {@code @MapsId}
   * relation is the key, so the {@code @Id} it maps has no column of its own.
   */
  private void readFields(
      TypeElement owner,
      String model,
      List<VariableElement> declared,
      boolean nullable,
      Map<String, FieldState> fields,
      Map<String, ModelDeclaration.FieldDeclaration> declarations,
      List<Map.Entry<TypeElement, VariableElement>> owned) {
    boolean mapsId = declared.stream().anyMatch(f -> Jpa.has(f, Jpa.MAPS_ID));
    for (VariableElement field : declared) {
      if (isToMany(field) || Jpa.has(field, Jpa.ELEMENT_COLLECTION)) {
        owned.add(Map.entry(owner, field));
        continue;
      }
      if (mapsId && Jpa.has(field, Jpa.ID) && !Jpa.has(field, Jpa.MAPS_ID)) {
        continue;
      }
      for (Map.Entry<String, FieldState> read : readField(field, model).entrySet()) {
        FieldState state = implicitColumn(read.getValue());
        if (nullable) {
          state = state.toBuilder().nullable(true).build();
        }
        if (fields.putIfAbsent(read.getKey(), state) == null) {
          declarations.put(
              read.getKey(),
              new ModelDeclaration.FieldDeclaration(field, mirrorOf(field), renamedFrom(field)));
        }
      }
    }
  }

  /**
   * The field without its column name when Migrata derives the same one: a {@code @RenamedFrom}
   * then renames the column with the attribute, as Hibernate's implicit name changes with it.
   */
  static FieldState implicitColumn(FieldState field) {
    if (field.column() == null) {
      return field;
    }
    FieldState derived = field.toBuilder().column(null).build();
    return derived.columnName().equals(field.column()) ? derived : field;
  }

  /** The physical table of an entity: {@code @Table(name)}, else the entity name. */
  String tableName(TypeElement type) {
    String explicit = emptyToNull(string(Mirrors.find(type, Jpa.TABLE), "name"));
    if (explicit != null) {
      return naming.physical(explicit);
    }
    String entityName = emptyToNull(string(Mirrors.find(type, Jpa.ENTITY), "name"));
    return naming.physical(entityName != null ? entityName : type.getSimpleName().toString());
  }

  /**
   * Fields of {@code @MappedSuperclass} parents first, then the class's, minus the transient; up to
   * (not including) an entity parent.
   */
  private List<VariableElement> persistentFields(TypeElement type) {
    List<TypeElement> chain = new ArrayList<>();
    chain.add(type);
    TypeElement parent = Jpa.typeElement(type.getSuperclass());
    while (parent != null && Jpa.has(parent, Jpa.MAPPED_SUPERCLASS)) {
      chain.add(0, parent);
      parent = Jpa.typeElement(parent.getSuperclass());
    }
    List<VariableElement> result = new ArrayList<>();
    boolean property = JpaAccess.property(type);
    for (TypeElement t : chain) {
      result.addAll(access.attributes(t, property, true));
    }
    return result;
  }

  /** The persistent fields of the whole hierarchy above and in {@code type}, the root's first. */
  private List<VariableElement> hierarchyFields(TypeElement type) {
    List<VariableElement> result = new ArrayList<>();
    for (TypeElement t = type; t != null; t = JpaInheritance.parent(t)) {
      result.addAll(0, persistentFields(t));
    }
    return result;
  }

  /** The persistent attributes {@code type} declares (fields, or getters under property access). */
  private List<VariableElement> ownFields(TypeElement type, boolean property) {
    return access.attributes(type, property, false);
  }

  private static boolean isToMany(VariableElement field) {
    return Jpa.has(field, Jpa.MANY_TO_MANY) || Jpa.has(field, Jpa.ONE_TO_MANY);
  }

  /** The columns of one attribute by state name: one, or several for an embedded value. */
  private Map<String, FieldState> readField(VariableElement field, String model) {
    Map<String, FieldState> result = new LinkedHashMap<>();
    String name = field.getSimpleName().toString();
    if (Jpa.has(field, Jpa.FORMULA)) {
      reporter.report(Problem.JPA_FORMULA, field, name, model);
      return result;
    }
    AnnotationMirror toOne = Jpa.find(field, Jpa.MANY_TO_ONE);
    AnnotationMirror oneToOne = Jpa.find(field, Jpa.ONE_TO_ONE);
    if (oneToOne != null && !string(oneToOne, "mappedBy").isEmpty()) {
      return result; // The other side holds the key.
    }
    if (toOne != null || oneToOne != null) {
      FieldState fk = toOne(field, name, model, toOne != null ? toOne : oneToOne, toOne == null);
      if (fk != null) {
        result.put(name, fk);
      }
      return result;
    }
    TypeElement embeddable = Jpa.typeElement(field.asType());
    if (Jpa.has(field, Jpa.EMBEDDED)
        || (embeddable != null && Jpa.has(embeddable, Jpa.EMBEDDABLE))) {
      Map<String, AnnotationMirror> overrides = overrides(field);
      for (VariableElement part : ownFields(embeddable, field instanceof JpaProperty)) {
        String partName = part.getSimpleName().toString();
        AnnotationMirror column = overrides.getOrDefault(partName, Jpa.find(part, Jpa.COLUMN));
        FieldState state =
            columns.readPart(part, name + "_" + partName, model, columnName(part, column), column);
        if (state != null) {
          result.put(state.name(), state);
        }
      }
      return result;
    }
    AnnotationMirror column = Jpa.find(field, Jpa.COLUMN);
    FieldState state = columns.read(field, name, model, columnName(field, column), column);
    if (state != null) {
      result.put(name, state);
    }
    return result;
  }

  private String columnName(VariableElement field, AnnotationMirror column) {
    String explicit = JpaColumnReader.explicitName(column);
    return naming.physical(explicit != null ? explicit : field.getSimpleName().toString());
  }

  /** {@code @AttributeOverride(name, column)} of an embedded attribute, by attribute name. */
  private static Map<String, AnnotationMirror> overrides(VariableElement field) {
    Map<String, AnnotationMirror> result = new LinkedHashMap<>();
    for (AnnotationMirror o : AnnotationValues.repeated(field, Jpa.ATTRIBUTE_OVERRIDE)) {
      AnnotationValue column = Mirrors.value(o, "column");
      if (column != null && column.getValue() instanceof AnnotationMirror c) {
        result.put(string(o, "name"), c);
      }
    }
    List<AnnotationMirror> plural = new ArrayList<>();
    AnnotationMirror container = Mirrors.find(field, Jpa.PKG + "AttributeOverrides");
    if (container != null && Mirrors.value(container, "value") != null) {
      for (Object item : (List<?>) Mirrors.value(container, "value").getValue()) {
        plural.add((AnnotationMirror) ((AnnotationValue) item).getValue());
      }
    }
    for (AnnotationMirror o : plural) {
      AnnotationValue column = Mirrors.value(o, "column");
      if (column != null && column.getValue() instanceof AnnotationMirror c) {
        result.put(string(o, "name"), c);
      }
    }
    return result;
  }

  /** A {@code @ManyToOne} or owning {@code @OneToOne} as a foreign key, or null. */
  private FieldState toOne(
      VariableElement field, String name, String model, AnnotationMirror relation, boolean unique) {
    TypeElement target = relations.target(field, field.asType(), name, model, relation);
    if (target == null) {
      return null;
    }
    AnnotationMirror join = Jpa.find(field, Jpa.JOIN_COLUMN);
    relations.checkToOne(field, name, model);
    boolean nullable = bool(relation, "optional") && (join == null || bool(join, "nullable"));
    // @MapsId: the foreign key is the primary key, and the @Id it maps has no column of its own.
    boolean key = Jpa.has(field, Jpa.ID) || Jpa.has(field, Jpa.MAPS_ID);
    if (key) {
      nullable = false;
    }
    FieldState.Builder fk =
        FieldState.builder(
                name,
                unique ? FieldType.ONE_TO_ONE.djangoName() : FieldType.FOREIGN_KEY.djangoName())
            .column(keys.toOneColumn(field))
            .nullable(nullable)
            .primaryKey(key)
            .index(false)
            .to(keys.key(target))
            .onDelete("DO_NOTHING");
    return relations.readForeignKey(field, join, name, model, fk) ? fk.build() : null;
  }

  private static String renamedFrom(Element e) {
    return emptyToNull(string(Mirrors.find(e, Jpa.RENAMED_FROM), "value"));
  }

  /** The annotation a diagnostic about the attribute belongs on: its rename, column or relation. */
  private static AnnotationMirror mirrorOf(VariableElement field) {
    for (String a :
        List.of(
            Jpa.RENAMED_FROM,
            Jpa.COLUMN,
            Jpa.JOIN_COLUMN,
            Jpa.MANY_TO_ONE,
            Jpa.ONE_TO_ONE,
            Jpa.ID)) {
      AnnotationMirror m = Mirrors.find(field, a);
      if (m != null) {
        return m;
      }
    }
    return null;
  }
}
