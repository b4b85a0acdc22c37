package dev.migrata.processor;

import static dev.migrata.processor.AnnotationValues.bool;
import static dev.migrata.processor.AnnotationValues.emptyToNull;
import static dev.migrata.processor.AnnotationValues.enumName;
import static dev.migrata.processor.AnnotationValues.string;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * One basic JPA attribute as a column, typed as Hibernate types it: {@code String} is a {@code
 * varchar(length)} (255 by default), {@code @Lob} text, an ordinal enum a small integer, a {@code
 * BigDecimal} {@code numeric(38,2)} unless told otherwise, a converted attribute its converter's
 * database side.
 */
final class JpaColumnReader {
  /** JPA's default {@code @Column(length)}. */
  static final int DEFAULT_LENGTH = 255;

  /** Hibernate's default precision and scale of a {@code BigDecimal} column. */
  static final int DEFAULT_PRECISION = 38;

  static final int DEFAULT_SCALE = 2;

  /** {@code java.sql.Types.LONGVARCHAR} and Hibernate's {@code SqlTypes.LONG32(N)VARCHAR}. */
  private static final int LONGVARCHAR = -1;

  private static final int LONG32VARCHAR = 4001;
  private static final int LONG32NVARCHAR = 4002;

  /** Hibernate's {@code SqlTypes.INTERVAL_SECOND}. */
  private static final int INTERVAL_SECOND = 3100;

  /** Hibernate's column for a {@code Duration}'s nanoseconds: {@code numeric(21,0)}. */
  static final int DURATION_PRECISION = 21;

  private final Types types;
  private final Reporter reporter;
  private final JpaTableExtras extras;

  JpaColumnReader(Types types, Reporter reporter) {
    this.types = types;
    this.reporter = reporter;
    this.extras = new JpaTableExtras(reporter);
  }

  /**
   * The column of {@code field} named {@code name} (state name) and {@code column}, or null when an
   * error was reported. {@code column} is the {@code @Column} (or override) that applies, or null.
   */
  FieldState read(
      VariableElement field,
      String name,
      String model,
      String columnName,
      AnnotationMirror column) {
    return read(field, field.asType(), name, model, columnName, column);
  }

  /**
   * The column of {@code field} typed as {@code declared} rather than the field's own type: the
   * element of an {@code @ElementCollection}, whose {@code @Column} and converter the field holds.
   */
  FieldState read(
      VariableElement field,
      TypeMirror declared,
      String name,
      String model,
      String columnName,
      AnnotationMirror column) {
    return read(field, declared, name, model, columnName, column, false);
  }

  /**
   * The column of {@code part}, a field of an {@code @Embeddable} (embedded, or the element of a
   * collection): as Hibernate binds it, a primitive there is nullable unless {@code @Column} or
   * {@code @Basic} says otherwise, because the whole embeddable may be null.
   */
  FieldState readPart(
      VariableElement part, String name, String model, String columnName, AnnotationMirror column) {
    return read(part, part.asType(), name, model, columnName, column, true);
  }

  private FieldState read(
      VariableElement field,
      TypeMirror declared,
      String name,
      String model,
      String columnName,
      AnnotationMirror column,
      boolean embeddablePart) {
    TypeMirror type = declared;
    if (Jpa.has(field, Jpa.HIBERNATE_TYPE)) {
      reporter.report(Problem.JPA_USER_TYPE, field, name, model);
      return null;
    }
    AnnotationMirror convert = Jpa.find(field, Jpa.CONVERT);
    if (convert != null && !bool(convert, "disableConversion")) {
      type = converterDatabaseType(field, convert, name, model);
      if (type == null) {
        return null;
      }
    }
    boolean lob = Jpa.has(field, Jpa.LOB);
    Integer maxLength = null;
    Integer precision = null;
    Integer scale = null;
    String fieldType;
    TypeElement element = Jpa.typeElement(type);
    if (JavaTypes.isEnum(type)) {
      AnnotationMirror enumerated = Jpa.find(field, Jpa.ENUMERATED);
      boolean string = enumerated != null && "STRING".equals(enumName(enumerated, "value"));
      fieldType = string ? FieldType.CHAR.djangoName() : FieldType.SMALL_INTEGER.djangoName();
      maxLength = string ? length(column) : null;
    } else if (element != null && element.getQualifiedName().contentEquals("java.util.Date")) {
      fieldType = temporal(field);
    } else {
      fieldType = JavaTypes.builtInType(type);
      if (fieldType == null || fieldType.equals(FieldType.JSON.djangoName())) {
        reporter.report(Problem.JPA_UNKNOWN_TYPE, field, name, model, type);
        return null;
      }
      if (fieldType.equals("String")) {
        boolean text = lob || longText(field);
        fieldType = text ? FieldType.TEXT.djangoName() : FieldType.CHAR.djangoName();
        maxLength = text ? null : length(column);
      } else if (fieldType.equals(FieldType.DECIMAL.djangoName())) {
        precision = positive(column, "precision", DEFAULT_PRECISION);
        scale = positive(column, "scale", DEFAULT_SCALE);
      } else if (fieldType.equals(FieldType.DURATION.djangoName()) && !intervalSecond(field)) {
        // Hibernate stores a Duration as its nanoseconds (preferred_duration_jdbc_type NUMERIC)
        // and validates numeric(21,0); an interval only under @JdbcTypeCode(INTERVAL_SECOND).
        fieldType = FieldType.DECIMAL.djangoName();
        precision = DURATION_PRECISION;
        scale = 0;
      }
    }
    if (lob && !Jpa.has(field, Jpa.JDBC_TYPE_CODE)) {
      boolean text = fieldType.equals(FieldType.TEXT.djangoName());
      reporter.report(
          Problem.JPA_LOB_ON_POSTGRES,
          field,
          name,
          model,
          text ? "text" : "bytea",
          text ? "LONG32VARCHAR" : "LONG32VARBINARY");
    }
    boolean primitive = declared.getKind().isPrimitive() && !embeddablePart;
    AnnotationMirror basic = Jpa.find(field, Jpa.BASIC);
    boolean optional = basic == null || bool(basic, "optional");
    boolean nullable = (column == null || bool(column, "nullable")) && !primitive && optional;
    boolean id = Jpa.has(field, Jpa.ID);
    if (id) {
      nullable = false;
      fieldType = identity(field, name, model, fieldType);
      if (fieldType == null) {
        return null;
      }
    }
    if (column != null && !string(column, "columnDefinition").isEmpty()) {
      reporter.report(
          Problem.JPA_COLUMN_DEFINITION_IGNORED,
          field,
          column,
          Mirrors.value(column, "columnDefinition"),
          name,
          model,
          fieldType);
    }
    FieldState state =
        FieldState.builder(name, fieldType)
            .column(columnName)
            .nullable(nullable)
            .unique(!id && bool(column, "unique"))
            .primaryKey(id)
            .maxLength(maxLength)
            .precision(precision)
            .scale(scale)
            .build();
    return extras.column(field, column, state, model);
  }

  /**
   * {@code @GeneratedValue(IDENTITY)} makes an auto column; a key from a sequence and an assigned
   * key keep their type.
   */
  private String identity(VariableElement field, String name, String model, String fieldType) {
    AnnotationMirror generated = Jpa.find(field, Jpa.GENERATED_VALUE);
    if (generated == null) {
      return fieldType;
    }
    String strategy = enumName(generated, "strategy");
    if ("IDENTITY".equals(strategy)) {
      if (fieldType.equals(FieldType.BIG_INTEGER.djangoName())) {
        return FieldType.BIG_AUTO.djangoName();
      }
      if (fieldType.equals(FieldType.INTEGER.djangoName())
          || fieldType.equals(FieldType.SMALL_INTEGER.djangoName())) {
        return FieldType.AUTO.djangoName();
      }
    }
    if (("UUID".equals(strategy) || "AUTO".equals(strategy))
        && fieldType.equals(FieldType.UUID.djangoName())) {
      return fieldType;
    }
    if (JpaIdGeneration.drawsFromSequence(strategy, fieldType)) {
      return fieldType; // A plain key; JpaIdGeneration reads its sequence.
    }
    reporter.report(
        Problem.JPA_GENERATION_UNSUPPORTED,
        field,
        generated,
        Mirrors.value(generated, "strategy"),
        name,
        model,
        strategy);
    return null;
  }

  /**
   * Hibernate's {@code @JdbcTypeCode(SqlTypes.LONGVARCHAR)} or {@code LONG32VARCHAR}: unbounded
   * text ({@code text} on PostgreSQL, where {@code @Lob} means a large object {@code oid}).
   */
  private static boolean longText(VariableElement field) {
    AnnotationMirror code = Jpa.find(field, Jpa.JDBC_TYPE_CODE);
    AnnotationValue v = code == null ? null : Mirrors.value(code, "value");
    return v != null
        && v.getValue() instanceof Integer i
        && (i == LONGVARCHAR || i == LONG32VARCHAR || i == LONG32NVARCHAR);
  }

  /** Hibernate's {@code @JdbcTypeCode(SqlTypes.INTERVAL_SECOND)}: a Duration as an interval. */
  private static boolean intervalSecond(VariableElement field) {
    AnnotationMirror code = Jpa.find(field, Jpa.JDBC_TYPE_CODE);
    AnnotationValue v = code == null ? null : Mirrors.value(code, "value");
    return v != null && v.getValue() instanceof Integer i && i == INTERVAL_SECOND;
  }

  private static String temporal(VariableElement field) {
    AnnotationMirror temporal = Jpa.find(field, Jpa.TEMPORAL);
    String kind = temporal == null ? "TIMESTAMP" : enumName(temporal, "value");
    return switch (kind) {
      case "DATE" -> FieldType.DATE.djangoName();
      case "TIME" -> FieldType.TIME.djangoName();
      default -> FieldType.LOCAL_DATE_TIME.djangoName();
    };
  }

  /** The database side {@code Y} of the converter's {@code AttributeConverter<X, Y>}, or null. */
  private TypeMirror converterDatabaseType(
      VariableElement field, AnnotationMirror convert, String name, String model) {
    AnnotationValue converter = Mirrors.value(convert, "converter");
    TypeElement type =
        converter != null && converter.getValue() instanceof TypeMirror t
            ? Jpa.typeElement(t)
            : null;
    TypeMirror database = type == null ? null : databaseSide(type.asType());
    if (database == null) {
      reporter.report(Problem.JPA_UNKNOWN_CONVERTER, field, convert, converter, name, model);
    }
    return database;
  }

  private TypeMirror databaseSide(TypeMirror type) {
    for (TypeMirror parent : types.directSupertypes(type)) {
      if (parent instanceof DeclaredType d
          && d.asElement() instanceof TypeElement t
          && t.getQualifiedName().contentEquals(Jpa.ATTRIBUTE_CONVERTER)) {
        List<? extends TypeMirror> args = d.getTypeArguments();
        return args.size() == 2 && args.get(1).getKind() == TypeKind.DECLARED ? args.get(1) : null;
      }
      TypeMirror found = parent.getKind() == TypeKind.DECLARED ? databaseSide(parent) : null;
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static int length(AnnotationMirror column) {
    return positive(column, "length", DEFAULT_LENGTH);
  }

  private static int positive(AnnotationMirror column, String member, int otherwise) {
    if (column == null) {
      return otherwise;
    }
    AnnotationValue v = Mirrors.valueWithDefault(column, member);
    return v != null && v.getValue() instanceof Integer i && i > 0 ? i : otherwise;
  }

  /** The explicit {@code @Column(name)}, or null. */
  static String explicitName(AnnotationMirror column) {
    return column == null ? null : emptyToNull(string(column, "name"));
  }
}
