package dev.migrata.processor;

import dev.migrata.internal.state.FieldType;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Which Java types a built-in field type named in {@code @Field(type = ...)} may be declared on
 * ({@code "EmailField"} on a String, {@code "PositiveIntegerField"} on an integer, ...), so that a
 * column never holds what its Java field cannot.
 */
final class NamedTypes {
  private static final List<String> INTEGERS =
      List.of("short", "int", "long", "Short", "Integer", "Long");
  private static final List<String> STRING = List.of("String");

  private final Reporter reporter;

  NamedTypes(Reporter reporter) {
    this.reporter = reporter;
  }

  /** The options of a column that the type decides on, as read and as kept. */
  record Sizes(Integer maxLength, Integer precision, Integer scale, boolean index) {}

  /**
   * Checks a field whose {@code @Field(type)} names the built-in {@code named} and applies Django's
   * defaults: the Java type must fit (else {@code migrata.E069}), an auto field must be the primary
   * key ({@code fields.E100}), a SlugField is indexed unless {@code index = false}, options the
   * type does not take are dropped ({@code fields.W122} for maxLength). Null when an error was
   * reported.
   */
  Sizes read(
      VariableElement element,
      AnnotationMirror field,
      String name,
      String model,
      FieldType named,
      Sizes read) {
    TypeMirror type = element.asType();
    if (!fits(named, type)) {
      reporter.report(
          Problem.FIELD_TYPE_DOES_NOT_FIT,
          element,
          field,
          Mirrors.value(field, "type"),
          name,
          model,
          named.djangoName(),
          type,
          named.djangoName(),
          String.join(", ", allowed(named)));
      return null;
    }
    if (named.isAuto() && !AnnotationValues.bool(field, "primaryKey")) {
      reporter.report(
          Problem.AUTO_FIELD_NOT_PRIMARY_KEY,
          element,
          field,
          Mirrors.value(field, "type"),
          name,
          model,
          named.djangoName());
      return null;
    }
    boolean index =
        read.index() || (named.indexedByDefault() && Mirrors.value(field, "index") == null);
    Integer maxLength = read.maxLength();
    boolean takesLength =
        named != FieldType.GENERIC_IP && (named.isSizedText() || named == FieldType.TEXT);
    if (!takesLength && maxLength != null) {
      reporter.report(
          Problem.MAX_LENGTH_IGNORED,
          element,
          field,
          Mirrors.value(field, "maxLength"),
          name,
          model,
          named.djangoName());
      maxLength = null;
    }
    if (named != FieldType.DECIMAL) {
      return new Sizes(maxLength, null, null, index);
    }
    // Django's fields.E132 and fields.E130, each on its own.
    if (read.precision() == null) {
      reporter.report(Problem.DECIMAL_WITHOUT_PRECISION, element, field, null, name);
    }
    if (read.scale() == null) {
      reporter.report(Problem.DECIMAL_WITHOUT_SCALE, element, field, null, name);
    }
    return new Sizes(maxLength, read.precision(), read.scale(), index);
  }

  /** The Java types {@code type} may be declared on, as a user writes them; empty: none. */
  static List<String> allowed(FieldType type) {
    return switch (type) {
      case AUTO, BIG_AUTO, SMALL_AUTO -> INTEGERS;
      case SMALL_INTEGER,
          INTEGER,
          BIG_INTEGER,
          POSITIVE_SMALL_INTEGER,
          POSITIVE_INTEGER,
          POSITIVE_BIG_INTEGER ->
          List.of("short", "int", "long", "Short", "Integer", "Long", "an enum");
      case CHAR, TEXT -> List.of("String", "an enum");
      case EMAIL, URL, SLUG, FILE, IMAGE, FILE_PATH, GENERIC_IP -> STRING;
      case BOOLEAN -> List.of("boolean", "Boolean");
      case FLOAT -> List.of("float", "double", "Float", "Double");
      case DECIMAL -> List.of("BigDecimal");
      case DATE -> List.of("LocalDate");
      case TIME -> List.of("LocalTime");
      case DATE_TIME -> List.of("Instant", "OffsetDateTime");
      case LOCAL_DATE_TIME -> List.of("LocalDateTime");
      case UUID -> List.of("UUID");
      case BINARY -> List.of("byte[]");
      case DURATION -> List.of("Duration");
      case JSON -> List.of("List", "Set", "Map");
      case FOREIGN_KEY, ONE_TO_ONE, MANY_TO_MANY -> List.of();
    };
  }

  /** Whether a field of Java type {@code java} may be a {@code type}. */
  static boolean fits(FieldType type, TypeMirror java) {
    String name = simpleName(java);
    List<String> allowed = allowed(type);
    return allowed.contains(name) || (JavaTypes.isEnum(java) && allowed.contains("an enum"));
  }

  /** {@code int}, {@code String}, {@code byte[]}: how the allowed list names a Java type. */
  private static String simpleName(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return type.getKind().name().toLowerCase(java.util.Locale.ROOT);
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return simpleName(((ArrayType) type).getComponentType()) + "[]";
    }
    if (type instanceof DeclaredType declared) {
      String qualified = ((TypeElement) declared.asElement()).getQualifiedName().toString();
      // Only the JDK's own types count: a user's class named String is no String.
      if (qualified.startsWith("java.")) {
        return declared.asElement().getSimpleName().toString();
      }
    }
    return type.toString();
  }
}
