package dev.migrata.processor;

import static dev.migrata.processor.AnnotationValues.emptyToNull;
import static dev.migrata.processor.AnnotationValues.string;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * The {@code jakarta.persistence} (and Hibernate) annotations the processor reads, by name only:
 * the processor must work without JPA on its own class path, as javac hands it mirrors anyway.
 */
final class Jpa {
  private Jpa() {}

  static final String PKG = "jakarta.persistence.";
  static final String ENTITY = PKG + "Entity";
  static final String MAPPED_SUPERCLASS = PKG + "MappedSuperclass";
  static final String EMBEDDABLE = PKG + "Embeddable";
  static final String EMBEDDED = PKG + "Embedded";
  static final String EMBEDDED_ID = PKG + "EmbeddedId";
  static final String TABLE = PKG + "Table";
  static final String COLUMN = PKG + "Column";
  static final String ID = PKG + "Id";
  static final String GENERATED_VALUE = PKG + "GeneratedValue";
  static final String VERSION = PKG + "Version";
  static final String ENUMERATED = PKG + "Enumerated";
  static final String LOB = PKG + "Lob";
  static final String TEMPORAL = PKG + "Temporal";
  static final String TRANSIENT = PKG + "Transient";
  static final String BASIC = PKG + "Basic";
  static final String CONVERT = PKG + "Convert";
  static final String MANY_TO_ONE = PKG + "ManyToOne";
  static final String ONE_TO_ONE = PKG + "OneToOne";
  static final String ONE_TO_MANY = PKG + "OneToMany";
  static final String MANY_TO_MANY = PKG + "ManyToMany";
  static final String JOIN_COLUMN = PKG + "JoinColumn";
  static final String JOIN_TABLE = PKG + "JoinTable";
  static final String ELEMENT_COLLECTION = PKG + "ElementCollection";
  static final String ATTRIBUTE_OVERRIDE = PKG + "AttributeOverride";
  static final String INHERITANCE = PKG + "Inheritance";
  static final String MAPS_ID = PKG + "MapsId";
  static final String ATTRIBUTE_CONVERTER = PKG + "AttributeConverter";
  static final String FORMULA = "org.hibernate.annotations.Formula";
  static final String JDBC_TYPE_CODE = "org.hibernate.annotations.JdbcTypeCode";
  static final String HIBERNATE_TYPE = "org.hibernate.annotations.Type";
  static final String RENAMED_FROM = ModelReader.PKG + "RenamedFrom";

  static boolean isEntity(Element e) {
    return e instanceof TypeElement t && Mirrors.find(t, ENTITY) != null;
  }

  static boolean has(Element e, String annotation) {
    return Mirrors.find(e, annotation) != null;
  }

  static AnnotationMirror find(Element e, String annotation) {
    return Mirrors.find(e, annotation);
  }

  /** The entity name ({@code @Entity(name)}, else the class's), as JPA's implicit names use it. */
  static String logicalEntity(TypeElement type) {
    String explicit = emptyToNull(string(find(type, ENTITY), "name"));
    return explicit != null ? explicit : type.getSimpleName().toString();
  }

  /** The class of a declared type, or null. */
  static TypeElement typeElement(TypeMirror type) {
    return type instanceof DeclaredType d && d.asElement() instanceof TypeElement t ? t : null;
  }
}
