package dev.migrata.processor;

import dev.migrata.internal.state.FieldType;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** The Java type to field type table of SPEC section 2, and the type facts the readers need. */
final class JavaTypes {
  private JavaTypes() {}

  /**
   * The Django field type of a Java type, {@code "String"} for a String (char or text depends on
   * maxLength), or null when the type has no built-in mapping.
   */
  static String builtInType(TypeMirror type) {
    switch (type.getKind()) {
      case BOOLEAN:
        return FieldType.BOOLEAN.djangoName();
      case SHORT:
        return FieldType.SMALL_INTEGER.djangoName();
      case INT:
        return FieldType.INTEGER.djangoName();
      case LONG:
        return FieldType.BIG_INTEGER.djangoName();
      case FLOAT:
      case DOUBLE:
        return FieldType.FLOAT.djangoName();
      case ARRAY:
        return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE
            ? FieldType.BINARY.djangoName()
            : null;
      case DECLARED:
        break;
      default:
        return null;
    }
    String qualified =
        ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
    switch (qualified) {
      case "java.lang.Boolean":
        return FieldType.BOOLEAN.djangoName();
      case "java.lang.Short":
        return FieldType.SMALL_INTEGER.djangoName();
      case "java.lang.Integer":
        return FieldType.INTEGER.djangoName();
      case "java.lang.Long":
        return FieldType.BIG_INTEGER.djangoName();
      case "java.lang.Float":
      case "java.lang.Double":
        return FieldType.FLOAT.djangoName();
      case "java.math.BigDecimal":
        return FieldType.DECIMAL.djangoName();
      case "java.lang.String":
        return "String";
      case "java.time.LocalDate":
        return FieldType.DATE.djangoName();
      case "java.time.LocalTime":
        return FieldType.TIME.djangoName();
      case "java.time.LocalDateTime":
        return FieldType.LOCAL_DATE_TIME.djangoName();
      case "java.time.Instant":
      case "java.time.OffsetDateTime":
        return FieldType.DATE_TIME.djangoName();
      case "java.util.UUID":
        return FieldType.UUID.djangoName();
      case "java.time.Duration":
        return FieldType.DURATION.djangoName();
      case "java.util.List":
      case "java.util.Set":
      case "java.util.Map":
        return FieldType.JSON.djangoName();
      default:
        return null;
    }
  }

  /** A map stored as a JSON object needs String keys (or a raw Map); lists and sets have none. */
  static boolean jsonKeysAreStrings(TypeMirror type) {
    DeclaredType declared = (DeclaredType) type;
    if (!((TypeElement) declared.asElement()).getQualifiedName().contentEquals("java.util.Map")
        || declared.getTypeArguments().isEmpty()) {
      return true;
    }
    TypeMirror key = declared.getTypeArguments().get(0);
    return key instanceof DeclaredType k
        && ((TypeElement) k.asElement()).getQualifiedName().contentEquals("java.lang.String");
  }

  static boolean isEnum(TypeMirror type) {
    return type instanceof DeclaredType d && d.asElement().getKind() == ElementKind.ENUM;
  }

  static String boxedName(TypeKind kind) {
    switch (kind) {
      case BOOLEAN:
        return "Boolean";
      case SHORT:
        return "Short";
      case INT:
        return "Integer";
      case LONG:
        return "Long";
      case FLOAT:
        return "Float";
      case DOUBLE:
        return "Double";
      case CHAR:
        return "Character";
      default:
        return "Byte";
    }
  }
}
