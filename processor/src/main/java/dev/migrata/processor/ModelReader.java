package dev.migrata.processor;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the {@code @Model} classes of an app into model states (SPEC section 2): Java type to
 * field type, inherited fields of non-model superclasses (Django's abstract models), the implicit
 * {@code id}, and the app's naming rules. Everything is read from annotation mirrors, so models
 * that are class files of an earlier compile read exactly like sources.
 */
final class ModelReader {
  static final String PKG = "dev.migrata.annotations.";
  static final String MODEL = PKG + "Model";
  static final String FIELD = PKG + "Field";
  static final String FOREIGN_KEY = PKG + "ForeignKey";
  static final String ONE_TO_ONE = PKG + "OneToOne";
  static final String MANY_TO_MANY = PKG + "ManyToMany";
  static final String INDEX = PKG + "Index";
  static final String UNIQUE = PKG + "Unique";
  static final String CHECK = PKG + "Check";

  private final Elements elements;
  private final AppResolver apps;
  private final Reporter reporter;
  private final FieldValidator validator;

  ModelReader(Elements elements, Types types, AppResolver apps, Reporter reporter) {
    this.elements = elements;
    this.apps = apps;
    this.reporter = reporter;
    this.validator = new FieldValidator(elements, types, reporter);
  }

  /** Every {@code @Model} of the app's package, sorted by name. */
  List<ModelDeclaration> read(AppInfo app) {
    List<ModelDeclaration> models = new ArrayList<>();
    PackageElement pkg = elements.getPackageElement(app.packageName());
    if (pkg == null) {
      return models;
    }
    List<TypeElement> types = new ArrayList<>();
    for (Element e : pkg.getEnclosedElements()) {
      if (e instanceof TypeElement t && Mirrors.find(t, MODEL) != null) {
        types.add(t);
      }
    }
    types.sort((a, b) -> a.getSimpleName().toString().compareTo(b.getSimpleName().toString()));
    for (TypeElement type : types) {
      models.add(readModel(app, type));
    }
    return models;
  }

  static boolean isModel(Element e) {
    return e instanceof TypeElement t && Mirrors.find(t, MODEL) != null;
  }

  private ModelDeclaration readModel(AppInfo app, TypeElement type) {
    AnnotationMirror model = Mirrors.find(type, MODEL);
    String name = type.getSimpleName().toString();
    String table = emptyToNull(string(model, "table"));
    String comment = emptyToNull(string(model, "comment"));
    boolean managed = bool(model, "managed");
    String renamedFrom = emptyToNull(string(model, "renamedFrom"));

    Map<String, FieldState> fields = new LinkedHashMap<>();
    Map<String, ModelDeclaration.FieldDeclaration> declarations = new LinkedHashMap<>();
    for (VariableElement field : columnFields(type)) {
      FieldRead read = readField(field);
      if (read != null) {
        FieldState checked = validator.check(field, read.mirror, name, read.state);
        if (checked == null) {
          continue;
        }
        read = new FieldRead(checked, read.mirror, read.renamedFrom);
        fields.put(read.state.name(), read.state);
        declarations.put(
            read.state.name(),
            new ModelDeclaration.FieldDeclaration(field, read.mirror, read.renamedFrom));
      }
    }
    if (fields.values().stream().noneMatch(FieldState::primaryKey)) {
      Map<String, FieldState> withId = new LinkedHashMap<>();
      withId.put("id", FieldState.autoId());
      withId.putAll(fields);
      fields = withId;
    }
    ModelState state =
        new ModelState(app.label(), name, fields, List.of(), List.of(), table, comment, managed);
    state = state.withIndexes(indexes(type, state)).withConstraints(constraints(type, state));
    return new ModelDeclaration(app, state, type, model, renamedFrom, declarations);
  }

  /** Fields of non-model superclasses first (as Django's abstract parents), then the class's. */
  private List<VariableElement> columnFields(TypeElement type) {
    List<TypeElement> chain = new ArrayList<>();
    chain.add(type);
    TypeMirror superclass = type.getSuperclass();
    while (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement parent = (TypeElement) ((DeclaredType) superclass).asElement();
      if (parent.getQualifiedName().contentEquals("java.lang.Object") || isModel(parent)) {
        break;
      }
      chain.add(0, parent);
      superclass = parent.getSuperclass();
    }
    List<VariableElement> result = new ArrayList<>();
    for (TypeElement t : chain) {
      for (Element e : t.getEnclosedElements()) {
        if (e.getKind() == ElementKind.FIELD
            && !e.getModifiers().contains(Modifier.STATIC)
            && (Mirrors.find(e, FIELD) != null
                || Mirrors.find(e, FOREIGN_KEY) != null
                || Mirrors.find(e, ONE_TO_ONE) != null
                || Mirrors.find(e, MANY_TO_MANY) != null)) {
          result.add((VariableElement) e);
        }
      }
    }
    return result;
  }

  private record FieldRead(FieldState state, AnnotationMirror mirror, String renamedFrom) {}

  private FieldRead readField(VariableElement element) {
    String name = element.getSimpleName().toString();
    AnnotationMirror field = Mirrors.find(element, FIELD);
    AnnotationMirror fk = Mirrors.find(element, FOREIGN_KEY);
    AnnotationMirror o2o = Mirrors.find(element, ONE_TO_ONE);
    AnnotationMirror m2m = Mirrors.find(element, MANY_TO_MANY);
    if (fk != null || o2o != null) {
      return readRelation(element, name, fk != null ? fk : o2o, fk != null, field);
    }
    if (m2m != null) {
      return readManyToMany(element, name, m2m, field);
    }
    return readColumn(element, name, field);
  }

  private FieldRead readColumn(VariableElement element, String name, AnnotationMirror field) {
    TypeMirror type = element.asType();
    String explicitType = string(field, "type");
    boolean nullable = bool(field, "nullable");
    Integer maxLength = optionalInt(field, "maxLength");
    Integer precision = optionalInt(field, "precision");
    Integer scale = optionalInt(field, "scale");
    List<String> choices = List.of();
    String fieldType;
    if (type.getKind().isPrimitive() && nullable) {
      String boxed = boxedName(type.getKind());
      reporter.report(
          Problem.NULLABLE_PRIMITIVE,
          element,
          field,
          Mirrors.value(field, "nullable"),
          name,
          type,
          boxed);
    }
    if (!explicitType.isEmpty()) {
      fieldType = explicitType;
    } else {
      fieldType = builtInType(type);
      if (fieldType == null && isEnum(type)) {
        fieldType = FieldType.CHAR.djangoName();
        choices = enumConstants(type);
        if (maxLength == null) {
          maxLength = choices.stream().mapToInt(String::length).max().orElse(1);
        }
      } else if (fieldType == null) {
        reporter.report(Problem.UNKNOWN_TYPE, element, type, name);
        return null;
      } else if (fieldType.equals("String")) {
        fieldType = maxLength != null ? FieldType.CHAR.djangoName() : FieldType.TEXT.djangoName();
      }
      if (fieldType.equals(FieldType.JSON.djangoName()) && !jsonKeysAreStrings(type)) {
        reporter.report(Problem.JSON_MAP_KEY_NOT_STRING, element, type, name);
        return null;
      }
      if (fieldType.equals(FieldType.DECIMAL.djangoName())) {
        // Django's fields.E132 and fields.E130, each on its own.
        if (precision == null) {
          reporter.report(Problem.DECIMAL_WITHOUT_PRECISION, element, field, null, name);
        }
        if (scale == null) {
          reporter.report(Problem.DECIMAL_WITHOUT_SCALE, element, field, null, name);
        }
      }
      // Options that mean nothing for the type are dropped, so they cannot cause migrations.
      if (!fieldType.equals(FieldType.CHAR.djangoName())) {
        maxLength = null;
      }
      if (!fieldType.equals(FieldType.DECIMAL.djangoName())) {
        precision = null;
        scale = null;
      }
    }
    FieldState state =
        FieldState.builder(name, fieldType)
            .column(emptyToNull(string(field, "column")))
            .nullable(nullable)
            .unique(bool(field, "unique"))
            .index(bool(field, "index"))
            .primaryKey(bool(field, "primaryKey"))
            .maxLength(maxLength)
            .precision(precision)
            .scale(scale)
            .defaultValue(defaultValue(field))
            .dbDefault(emptyToNull(string(field, "dbDefault")))
            .comment(emptyToNull(string(field, "comment")))
            .helpText(emptyToNull(string(field, "helpText")))
            .choices(choices)
            .defaultMethod(emptyToNull(string(field, "defaultMethod")))
            .args(strings(field, "args"))
            .build();
    return new FieldRead(state, field, emptyToNull(string(field, "renamedFrom")));
  }

  private FieldRead readRelation(
      VariableElement element,
      String name,
      AnnotationMirror relation,
      boolean foreignKey,
      AnnotationMirror field) {
    TypeMirror type = element.asType();
    String to = target(type);
    if (to == null) {
      reporter.report(
          Problem.RELATION_TARGET_NOT_MODEL, element, relation, null, name, type, type);
      return null;
    }
    String toField = emptyToNull(string(relation, "toField"));
    if (toField != null) {
      List<String> known = new ArrayList<>();
      boolean found = false;
      for (Element e : elements.getAllMembers((TypeElement) ((DeclaredType) type).asElement())) {
        if (e.getKind() == ElementKind.FIELD && !e.getModifiers().contains(Modifier.STATIC)) {
          known.add(e.getSimpleName().toString());
          found |= e.getSimpleName().contentEquals(toField);
        }
      }
      if (!found) {
        reporter.report(
            Problem.TO_FIELD_UNKNOWN,
            element,
            relation,
            Mirrors.value(relation, "toField"),
            name,
            toField,
            type,
            String.join(", ", known));
        return null;
      }
    }
    String renamedFrom = emptyToNull(string(relation, "renamedFrom"));
    if (renamedFrom == null && field != null) {
      renamedFrom = emptyToNull(string(field, "renamedFrom"));
    }
    String helpText = emptyToNull(string(relation, "helpText"));
    if (helpText == null && field != null) {
      helpText = emptyToNull(string(field, "helpText"));
    }
    FieldState.Builder b =
        FieldState.builder(
                name,
                foreignKey ? FieldType.FOREIGN_KEY.djangoName() : FieldType.ONE_TO_ONE.djangoName())
            .column(emptyToNull(string(relation, "column")))
            .nullable(bool(relation, "nullable"))
            .index(bool(relation, "index"))
            .helpText(helpText)
            .to(to)
            .toField(emptyToNull(string(relation, "toField")))
            .onDelete(enumName(relation, "onDelete"))
            .relatedName(emptyToNull(string(relation, "relatedName")));
    if (field != null) {
      b.defaultValue(defaultValue(field))
          .defaultMethod(emptyToNull(string(field, "defaultMethod")))
          .dbDefault(emptyToNull(string(field, "dbDefault")))
          .comment(emptyToNull(string(field, "comment")));
    }
    return new FieldRead(b.build(), relation, renamedFrom);
  }

  private FieldRead readManyToMany(
      VariableElement element, String name, AnnotationMirror m2m, AnnotationMirror field) {
    TypeMirror type = element.asType();
    String to = null;
    if (type instanceof DeclaredType declared && declared.getTypeArguments().size() == 1) {
      to = target(declared.getTypeArguments().get(0));
    }
    if (to == null) {
      reporter.report(Problem.MANY_TO_MANY_NOT_COLLECTION, element, m2m, null, name, type);
      return null;
    }
    AnnotationValue throughValue = Mirrors.value(m2m, "through");
    String through = null;
    if (throughValue != null && throughValue.getValue() instanceof TypeMirror throughType
        && throughType.getKind() != TypeKind.VOID) {
      through = target(throughType);
      if (through == null) {
        reporter.report(
            Problem.THROUGH_NOT_MODEL, element, m2m, throughValue, name, throughType,
            throughType);
        return null;
      }
    }
    String table = emptyToNull(string(m2m, "table"));
    String helpText = emptyToNull(string(m2m, "helpText"));
    FieldState state =
        FieldState.builder(name, FieldType.MANY_TO_MANY.djangoName())
            .helpText(helpText)
            .to(to)
            .through(through)
            .table(through == null ? table : null)
            .relatedName(emptyToNull(string(m2m, "relatedName")))
            .build();
    String renamedFrom = field == null ? null : emptyToNull(string(field, "renamedFrom"));
    return new FieldRead(state, m2m, renamedFrom);
  }

  /** {@code app.model} of a relation's target type, or null when it is not a {@code @Model}. */
  private String target(TypeMirror type) {
    if (!(type instanceof DeclaredType declared)) {
      return null;
    }
    Element target = declared.asElement();
    if (!isModel(target)) {
      return null;
    }
    AppInfo app = apps.forPackage(elements.getPackageOf(target));
    return app.label() + "." + target.getSimpleName().toString().toLowerCase(Locale.ROOT);
  }

  private List<IndexState> indexes(TypeElement type, ModelState model) {
    List<IndexState> result = new ArrayList<>();
    for (AnnotationMirror index : repeated(type, INDEX)) {
      List<String> fields = strings(index, "fields");
      if (!checkFields(type, index, "Index", fields, model)) {
        continue;
      }
      String name = emptyToNull(string(index, "name"));
      if (name == null) {
        name = Names.indexName(model.tableName(), columns(model, fields), "idx");
      }
      result.add(
          new IndexState(name, fields, bool(index, "unique"), emptyToNull(string(index, "condition"))));
    }
    return result;
  }

  private List<ConstraintState> constraints(TypeElement type, ModelState model) {
    List<ConstraintState> result = new ArrayList<>();
    for (AnnotationMirror unique : repeated(type, UNIQUE)) {
      List<String> fields = strings(unique, "fields");
      if (!checkFields(type, unique, "Unique", fields, model)) {
        continue;
      }
      String name = emptyToNull(string(unique, "name"));
      if (name == null) {
        // Named as Django names a unique_together, so a database Django created matches.
        name = Names.uniqueTogetherName(model.tableName(), columns(model, fields));
      }
      result.add(ConstraintState.unique(name, fields, emptyToNull(string(unique, "condition"))));
    }
    for (AnnotationMirror check : repeated(type, CHECK)) {
      result.add(ConstraintState.check(string(check, "name"), string(check, "condition")));
    }
    return result;
  }

  private boolean checkFields(
      TypeElement type, AnnotationMirror mirror, String what, List<String> fields, ModelState model) {
    boolean ok = !fields.isEmpty();
    for (String f : fields) {
      String bare = f.startsWith("-") ? f.substring(1) : f;
      if (!model.fields().containsKey(bare)) {
        reporter.report(
            Problem.UNKNOWN_INDEX_FIELD,
            type,
            mirror,
            Mirrors.value(mirror, "fields"),
            what,
            model.name(),
            bare,
            String.join(", ", model.fields().keySet()));
        ok = false;
      }
    }
    return ok;
  }

  private static List<String> columns(ModelState model, List<String> fields) {
    return fields.stream().map(model::columnOf).toList();
  }

  /** Direct and container-held occurrences of a repeatable annotation. */
  private static List<AnnotationMirror> repeated(Element element, String annotation) {
    List<AnnotationMirror> result = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (Mirrors.isType(mirror, annotation)) {
        result.add(mirror);
      } else if (Mirrors.isType(mirror, annotation + ".List")) {
        AnnotationValue value = Mirrors.value(mirror, "value");
        if (value != null && value.getValue() instanceof List<?> items) {
          for (Object item : items) {
            result.add((AnnotationMirror) ((AnnotationValue) item).getValue());
          }
        }
      }
    }
    return result;
  }

  private static String builtInType(TypeMirror type) {
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
  private static boolean jsonKeysAreStrings(TypeMirror type) {
    DeclaredType declared = (DeclaredType) type;
    if (!((TypeElement) declared.asElement()).getQualifiedName().contentEquals("java.util.Map")
        || declared.getTypeArguments().isEmpty()) {
      return true;
    }
    TypeMirror key = declared.getTypeArguments().get(0);
    return key instanceof DeclaredType k
        && ((TypeElement) k.asElement()).getQualifiedName().contentEquals("java.lang.String");
  }

  private static boolean isEnum(TypeMirror type) {
    return type instanceof DeclaredType d && d.asElement().getKind() == ElementKind.ENUM;
  }

  private static List<String> enumConstants(TypeMirror type) {
    List<String> names = new ArrayList<>();
    for (Element e : ((DeclaredType) type).asElement().getEnclosedElements()) {
      if (e.getKind() == ElementKind.ENUM_CONSTANT) {
        names.add(e.getSimpleName().toString());
      }
    }
    return names;
  }

  private static String boxedName(TypeKind kind) {
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

  private static String defaultValue(AnnotationMirror field) {
    List<String> values = strings(field, "defaultValue");
    return values.isEmpty() ? null : values.get(0);
  }

  private static String string(AnnotationMirror mirror, String member) {
    if (mirror == null) {
      return "";
    }
    AnnotationValue v = Mirrors.valueWithDefault(mirror, member);
    return v == null ? "" : String.valueOf(v.getValue());
  }

  private static boolean bool(AnnotationMirror mirror, String member) {
    if (mirror == null) {
      return false;
    }
    AnnotationValue v = Mirrors.valueWithDefault(mirror, member);
    return v != null && Boolean.TRUE.equals(v.getValue());
  }

  private static Integer optionalInt(AnnotationMirror mirror, String member) {
    if (mirror == null) {
      return null;
    }
    AnnotationValue v = Mirrors.valueWithDefault(mirror, member);
    if (v == null || !(v.getValue() instanceof Integer i) || i == -1) {
      return null;
    }
    return i;
  }

  private static String enumName(AnnotationMirror mirror, String member) {
    AnnotationValue v = Mirrors.valueWithDefault(mirror, member);
    if (v != null && v.getValue() instanceof VariableElement constant) {
      return constant.getSimpleName().toString();
    }
    return null;
  }

  private static List<String> strings(AnnotationMirror mirror, String member) {
    if (mirror == null) {
      return List.of();
    }
    AnnotationValue v = Mirrors.valueWithDefault(mirror, member);
    if (v == null) {
      return List.of();
    }
    if (v.getValue() instanceof List<?> items) {
      List<String> result = new ArrayList<>();
      for (Object item : items) {
        result.add(String.valueOf(((AnnotationValue) item).getValue()));
      }
      return result;
    }
    return List.of(String.valueOf(v.getValue()));
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
