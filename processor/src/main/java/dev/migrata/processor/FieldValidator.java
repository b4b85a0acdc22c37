package dev.migrata.processor;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks what javac can check about a field's options before they reach a migration, as Django's
 * serializer and system checks do: a default literal must parse for the field's type (and is
 * written in one canonical form, aware date-times in UTC as Django does), a default method must
 * exist, and a custom field type must exist and not be retired ({@code fields.W900/E900}). A
 * JSONField's default must be JSON of the field's shape ({@link JsonLiteral}).
 */
final class FieldValidator {
  static final String CUSTOM_FIELD_TYPE = "dev.migrata.fields.CustomFieldType";
  static final String DEPRECATED = ModelReader.PKG + "FieldTypeDeprecated";
  static final String REMOVED = ModelReader.PKG + "FieldTypeRemoved";

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;

  FieldValidator(Elements elements, Types types, Reporter reporter) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
  }

  /** The field with its default in canonical form, or null when an error was reported. */
  FieldState check(VariableElement element, AnnotationMirror mirror, String model, FieldState f) {
    boolean ok = true;
    if (f.isCustom()) {
      ok = checkCustomType(element, mirror, model, f);
    }
    if (f.defaultMethod() != null && !methodExists(f.defaultMethod())) {
      reporter.report(
          Problem.DEFAULT_METHOD_UNKNOWN,
          element,
          mirror,
          Mirrors.value(mirror, "defaultMethod"),
          f.defaultMethod(),
          f.name());
      ok = false;
    }
    if (f.defaultValue() != null) {
      try {
        f =
            f.withDefault(
                f.fieldType() == FieldType.JSON
                    ? JsonLiteral.canonical(f.defaultValue(), container(element), held(element))
                    : canonicalDefault(f, f.defaultValue()));
      } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
        reporter.report(
            Problem.INVALID_DEFAULT,
            element,
            mirror,
            Mirrors.value(mirror, "defaultValue"),
            f.defaultValue(),
            f.name(),
            f.type(),
            sentence(e));
        ok = false;
      }
    }
    return ok ? f : null;
  }

  /**
   * The one form a default of this type is written in, so an equivalent spelling causes no
   * migration: booleans lowercased, UUIDs lowercased, durations and aware date-times in ISO form
   * (UTC, as Django serializes aware datetimes).
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  static String canonicalDefault(FieldState f, String value) {
    FieldType type = f.fieldType();
    if (type == null || f.isRelation()) {
      return value;
    }
    String v = value.trim();
    switch (type) {
      case BOOLEAN:
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
          return v.toLowerCase(java.util.Locale.ROOT);
        }
        throw new IllegalArgumentException("write true or false.");
      case SMALL_INTEGER:
        return String.valueOf(Short.parseShort(v));
      case INTEGER:
      case AUTO:
        return String.valueOf(Integer.parseInt(v));
      case BIG_INTEGER:
      case BIG_AUTO:
        return String.valueOf(Long.parseLong(v));
      case FLOAT:
        Double.parseDouble(v);
        return v;
      case DECIMAL:
        BigDecimal d = new BigDecimal(v);
        if (f.scale() != null && d.scale() > f.scale()) {
          throw new IllegalArgumentException("it has more than " + f.scale() + " decimal places.");
        }
        return d.toPlainString();
      case DATE:
        return LocalDate.parse(v).toString();
      case TIME:
        return LocalTime.parse(v).toString();
      case LOCAL_DATE_TIME:
        return LocalDateTime.parse(v).toString();
      case DATE_TIME:
        Instant instant;
        try {
          instant = OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
          instant = Instant.parse(v);
        }
        return instant.atOffset(ZoneOffset.UTC).toInstant().toString();
      case UUID:
        return UUID.fromString(v).toString();
      case DURATION:
        return Duration.parse(v).toString();
      case JSON:
        return JsonLiteral.canonical(value, JsonLiteral.Container.ANY, null);
      case CHAR:
        if (!f.choices().isEmpty() && !f.choices().contains(value)) {
          throw new IllegalArgumentException(
              "it is not one of the constants " + String.join(", ", f.choices()) + ".");
        }
        if (f.maxLength() != null && value.length() > f.maxLength()) {
          throw new IllegalArgumentException("it is longer than maxLength " + f.maxLength() + ".");
        }
        return value;
      default:
        return value;
    }
  }

  /** Whether a JSONField's Java type is a List, Set or Map (its default must be that shape). */
  private static JsonLiteral.Container container(VariableElement element) {
    if (element.asType() instanceof DeclaredType declared) {
      switch (((TypeElement) declared.asElement()).getQualifiedName().toString()) {
        case "java.util.List":
          return JsonLiteral.Container.LIST;
        case "java.util.Set":
          return JsonLiteral.Container.SET;
        case "java.util.Map":
          return JsonLiteral.Container.MAP;
        default:
          break;
      }
    }
    return JsonLiteral.Container.ANY;
  }

  /** The JSON kind of a List's or Set's elements or a Map's values, or null for any. */
  private static JsonLiteral.Element held(VariableElement element) {
    JsonLiteral.Container container = container(element);
    List<? extends TypeMirror> args = ((DeclaredType) element.asType()).getTypeArguments();
    int index = container == JsonLiteral.Container.MAP ? 1 : 0;
    if (container == JsonLiteral.Container.ANY
        || args.size() <= index
        || !(args.get(index) instanceof DeclaredType held)) {
      return null;
    }
    switch (((TypeElement) held.asElement()).getQualifiedName().toString()) {
      case "java.lang.String":
        return JsonLiteral.Element.STRING;
      case "java.lang.Boolean":
        return JsonLiteral.Element.BOOLEAN;
      case "java.lang.Byte":
      case "java.lang.Short":
      case "java.lang.Integer":
      case "java.lang.Long":
      case "java.math.BigInteger":
        return JsonLiteral.Element.INTEGER;
      case "java.lang.Float":
      case "java.lang.Double":
      case "java.lang.Number":
      case "java.math.BigDecimal":
        return JsonLiteral.Element.NUMBER;
      default:
        return null;
    }
  }

  private boolean checkCustomType(
      VariableElement element, AnnotationMirror mirror, String model, FieldState f) {
    TypeElement type = elements.getTypeElement(f.type());
    TypeElement iface = elements.getTypeElement(CUSTOM_FIELD_TYPE);
    if (type == null
        || (iface != null
            && !types.isAssignable(types.erasure(type.asType()), types.erasure(iface.asType())))) {
      reporter.report(
          Problem.CUSTOM_TYPE_UNKNOWN,
          element,
          mirror,
          Mirrors.value(mirror, "type"),
          f.name(),
          f.type());
      return false;
    }
    AnnotationMirror removed = Mirrors.find(type, REMOVED);
    if (removed != null) {
      report(Problem.CUSTOM_TYPE_REMOVED, element, mirror, model, f, type, removed,
          "has been removed except for support in historical migrations.");
      return false;
    }
    AnnotationMirror deprecated = Mirrors.find(type, DEPRECATED);
    if (deprecated != null) {
      report(Problem.CUSTOM_TYPE_DEPRECATED, element, mirror, model, f, type, deprecated,
          "has been deprecated.");
    }
    return true;
  }

  private void report(
      Problem problem,
      VariableElement element,
      AnnotationMirror mirror,
      String model,
      FieldState f,
      TypeElement type,
      AnnotationMirror marker,
      String defaultMessage) {
    String message = attribute(marker, "message");
    if (message.isEmpty()) {
      message = type.getSimpleName() + " " + defaultMessage;
    }
    String hint = attribute(marker, "hint");
    reporter.reportWithId(
        attribute(marker, "id"),
        problem,
        element,
        mirror,
        Mirrors.value(mirror, "type"),
        f.name(),
        model,
        type.getQualifiedName(),
        message,
        hint.isEmpty() ? "" : " Hint: " + hint);
  }

  private static String attribute(AnnotationMirror mirror, String name) {
    var v = Mirrors.valueWithDefault(mirror, name);
    return v == null ? "" : String.valueOf(v.getValue());
  }

  /** Whether {@code Class::method} is a public static method without parameters. */
  private boolean methodExists(String reference) {
    int sep = reference.indexOf("::");
    if (sep <= 0) {
      return false;
    }
    TypeElement type = elements.getTypeElement(reference.substring(0, sep));
    if (type == null) {
      return false;
    }
    String method = reference.substring(sep + 2);
    for (Element e : elements.getAllMembers(type)) {
      if (e.getKind() == ElementKind.METHOD
          && e.getSimpleName().contentEquals(method)
          && e.getModifiers().contains(Modifier.STATIC)
          && e.getModifiers().contains(Modifier.PUBLIC)
          && ((ExecutableElement) e).getParameters().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static String sentence(RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof NumberFormatException) {
      message = "it is not a number in range.";
    } else if (e instanceof DateTimeParseException) {
      message = "write it in ISO-8601 form (" + e.getMessage() + ").";
    }
    return message.endsWith(".") ? message : message + ".";
  }
}
