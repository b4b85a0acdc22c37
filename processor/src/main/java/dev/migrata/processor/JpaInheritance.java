package dev.migrata.processor;

import static dev.migrata.processor.AnnotationValues.emptyToNull;
import static dev.migrata.processor.AnnotationValues.enumName;
import static dev.migrata.processor.AnnotationValues.string;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Where an entity of a JPA inheritance hierarchy keeps its rows, as Hibernate maps it: {@code
 * SINGLE_TABLE} (the default) puts the whole hierarchy in the root's table, {@code JOINED} gives
 * each class a table keyed by its parent's key, {@code TABLE_PER_CLASS} gives each concrete class a
 * full table of its own. Plain entities (no entity parent, no entity child) are {@link
 * Strategy#NONE}.
 */
final class JpaInheritance {
  static final String DISCRIMINATOR_COLUMN = Jpa.PKG + "DiscriminatorColumn";
  static final String PRIMARY_KEY_JOIN_COLUMN = Jpa.PKG + "PrimaryKeyJoinColumn";

  /** Hibernate's implicit discriminator column name and {@code STRING} length. */
  static final String DEFAULT_DISCRIMINATOR = "DTYPE";

  static final int DEFAULT_DISCRIMINATOR_LENGTH = 31;

  enum Strategy {
    NONE,
    SINGLE_TABLE,
    JOINED,
    TABLE_PER_CLASS
  }

  private final Elements elements;
  private final Reporter reporter;

  JpaInheritance(Elements elements, Reporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
  }

  /**
   * Reports what of the hierarchy Migrata or Hibernate cannot map: a single-table subclass outside
   * its root's package (the root's app owns the table and reads only its own package), and an
   * identity key in a table-per-class hierarchy (Hibernate refuses it: ids must be unique across
   * the tables).
   */
  void check(TypeElement type, Strategy strategy) {
    TypeElement root = root(type);
    if (strategy == Strategy.SINGLE_TABLE
        && !root.equals(type)
        && !elements.getPackageOf(root).equals(elements.getPackageOf(type))) {
      reporter.report(
          Problem.JPA_ENTITY_INHERITANCE,
          type,
          type.getSimpleName(),
          root.getQualifiedName(),
          elements.getPackageOf(root).getQualifiedName());
    }
    if (strategy == Strategy.TABLE_PER_CLASS && root.equals(type)) {
      for (TypeElement t = type; t != null; t = Jpa.typeElement(t.getSuperclass())) {
        for (Element e : t.getEnclosedElements()) {
          AnnotationMirror generated = Jpa.find(e, Jpa.GENERATED_VALUE);
          if (Jpa.has(e, Jpa.ID)
              && generated != null
              && "IDENTITY".equals(enumName(generated, "strategy"))) {
            reporter.report(
                Problem.JPA_TABLE_PER_CLASS_IDENTITY,
                e,
                generated,
                Mirrors.value(generated, "strategy"),
                e.getSimpleName(),
                type.getSimpleName());
          }
        }
      }
    }
  }

  /** The nearest {@code @Entity} superclass (skipping mapped superclasses), or null. */
  static TypeElement parent(TypeElement type) {
    TypeElement parent = Jpa.typeElement(type.getSuperclass());
    while (parent != null && !Jpa.isEntity(parent)) {
      parent = Jpa.typeElement(parent.getSuperclass());
    }
    return parent;
  }

  /** The topmost entity of the hierarchy {@code type} belongs to (itself when it has no parent). */
  static TypeElement root(TypeElement type) {
    TypeElement root = type;
    for (TypeElement p = parent(type); p != null; p = parent(p)) {
      root = p;
    }
    return root;
  }

  /** The root's strategy, or NONE for an entity that neither extends nor is extended. */
  Strategy strategy(TypeElement type) {
    TypeElement root = root(type);
    if (root.equals(type) && subclasses(root).isEmpty()) {
      return Strategy.NONE;
    }
    AnnotationMirror inheritance = Jpa.find(root, Jpa.INHERITANCE);
    String strategy = inheritance == null ? null : enumName(inheritance, "strategy");
    if ("JOINED".equals(strategy)) {
      return Strategy.JOINED;
    }
    return "TABLE_PER_CLASS".equals(strategy) ? Strategy.TABLE_PER_CLASS : Strategy.SINGLE_TABLE;
  }

  /**
   * The entity whose model holds the rows of {@code type}: the root for a single-table hierarchy,
   * the entity itself otherwise (what a foreign key to {@code type} references).
   */
  TypeElement tableOwner(TypeElement type) {
    return strategy(type) == Strategy.SINGLE_TABLE ? root(type) : type;
  }

  /**
   * The logical name of the table that holds an entity's rows (before the naming strategy): its
   * table owner's {@code @Table(name)}, else that entity's name. JPA's implicit names (join tables,
   * sequences) are built on it.
   */
  String logicalTable(TypeElement entity) {
    TypeElement type = tableOwner(entity);
    String explicit = emptyToNull(string(Mirrors.find(type, Jpa.TABLE), "name"));
    return explicit != null ? explicit : Jpa.logicalEntity(type);
  }

  /** Whether {@code type} has a model (and a table) of its own. */
  boolean hasTable(TypeElement type) {
    return switch (strategy(type)) {
      case SINGLE_TABLE -> root(type).equals(type);
      case TABLE_PER_CLASS -> !type.getModifiers().contains(Modifier.ABSTRACT);
      default -> true;
    };
  }

  /**
   * The entities of the package that extend {@code type} directly (through mapped superclasses),
   * sorted by name so that the generated migration does not depend on javac's order.
   */
  List<TypeElement> subclasses(TypeElement type) {
    List<TypeElement> result = new ArrayList<>();
    for (Element e : elements.getPackageOf(type).getEnclosedElements()) {
      if (e instanceof TypeElement t && Jpa.isEntity(t) && type.equals(parent(t))) {
        result.add(t);
      }
    }
    result.sort((a, b) -> a.getSimpleName().toString().compareTo(b.getSimpleName().toString()));
    return result;
  }

  /** Every entity below {@code type}, depth first, each level sorted by name. */
  List<TypeElement> descendants(TypeElement type) {
    List<TypeElement> result = new ArrayList<>();
    for (TypeElement child : subclasses(type)) {
      result.add(child);
      result.addAll(descendants(child));
    }
    return result;
  }

  /** The {@code @DiscriminatorColumn} of the root, or null. */
  static AnnotationMirror discriminator(TypeElement root) {
    return Jpa.find(root, DISCRIMINATOR_COLUMN);
  }

  /** The logical discriminator column name: {@code @DiscriminatorColumn(name)}, else DTYPE. */
  static String discriminatorName(AnnotationMirror discriminator) {
    String explicit = emptyToNull(string(discriminator, "name"));
    return explicit != null ? explicit : DEFAULT_DISCRIMINATOR;
  }

  /** {@code STRING} (the default), {@code INTEGER} or {@code CHAR}. */
  static String discriminatorType(AnnotationMirror discriminator) {
    String type = discriminator == null ? null : enumName(discriminator, "discriminatorType");
    return type == null ? "STRING" : type;
  }

  static int discriminatorLength(AnnotationMirror discriminator) {
    if (discriminator == null) {
      return DEFAULT_DISCRIMINATOR_LENGTH;
    }
    AnnotationValue v = Mirrors.valueWithDefault(discriminator, "length");
    return v != null && v.getValue() instanceof Integer i && i > 0
        ? i
        : DEFAULT_DISCRIMINATOR_LENGTH;
  }

  /** The explicit {@code @PrimaryKeyJoinColumn(name)} of a joined subclass, or null. */
  static String primaryKeyJoinColumn(TypeElement child) {
    return emptyToNull(string(Jpa.find(child, PRIMARY_KEY_JOIN_COLUMN), "name"));
  }

  /**
   * The key of a joined subclass's table: a one-to-one to the parent's row, named as the parent's
   * key attribute, in the parent's key column ({@code @PrimaryKeyJoinColumn(name)} wins).
   */
  static FieldState joinedKey(String name, String column, String parent) {
    return FieldState.builder(name, FieldType.ONE_TO_ONE.djangoName())
        .column(column)
        .primaryKey(true)
        .index(false)
        .to(parent)
        .onDelete("DO_NOTHING")
        .build();
  }

  /**
   * Hibernate's discriminator column: {@code @DiscriminatorColumn(name)} or {@code DTYPE} (through
   * the naming strategy: Spring's makes it {@code dtype}), a {@code varchar(31)} unless told
   * otherwise, never null.
   */
  static FieldState discriminator(TypeElement root, JpaNaming naming) {
    AnnotationMirror d = discriminator(root);
    String column = naming.physical(discriminatorName(d));
    String name = column.toLowerCase(Locale.ROOT);
    FieldState.Builder b =
        switch (discriminatorType(d)) {
          case "INTEGER" -> FieldState.builder(name, FieldType.INTEGER.djangoName());
          case "CHAR" -> FieldState.builder(name, FieldType.CHAR.djangoName()).maxLength(1);
          default ->
              FieldState.builder(name, FieldType.CHAR.djangoName())
                  .maxLength(discriminatorLength(d));
        };
    return b.column(column).build();
  }
}
