package dev.migrata.processor;

import dev.migrata.annotations.OnDelete;
import dev.migrata.internal.operations.OpKind;
import dev.migrata.internal.state.FieldType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks a hand-editable migration's annotation values before it is replayed, each fault on the
 * attribute value at fault: an {@code @Op} attribute its kind does not take (it would replay as
 * nothing and vanish at the next squash) or a required one it lacks ({@link OpKind} says which),
 * and the strings javac cannot check: field types, {@code onDelete}, RunSql vendors. A typo here
 * would otherwise fail only at migrate time, or silently change the schema and make the next
 * compile write a "corrective" migration.
 */
final class MigrationChecker {
  /** The vendors RunSql may name ({@code mariadb} is {@code mysql}'s alias, as in Django). */
  static final List<String> VENDORS = List.of("sqlite", "postgresql", "mysql", "mariadb");

  static final List<String> COLLATION_PROVIDERS = List.of("libc", "icu", "builtin");

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;

  MigrationChecker(Elements elements, Types types, Reporter reporter) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
  }

  Reporter reporter() {
    return reporter;
  }

  /** Whether {@code migration} (the {@code @Migration} of {@code type}) passed every check. */
  boolean check(TypeElement type, AnnotationMirror migration, String key) {
    boolean ok = true;
    Map<String, AnnotationValue> values = written(migration);
    AnnotationValue atomicValue = values.get("atomic");
    boolean atomic = atomicValue == null || Boolean.TRUE.equals(atomicValue.getValue());
    for (AnnotationMirror op : annotations(values.get("operations"))) {
      Map<String, AnnotationValue> opValues = written(op);
      ok &= checkOp(type, op, opValues, key);
      ok &= !atomic || !refusedInTransaction(type, op, opValues, key);
    }
    for (AnnotationValue dep : items(values.get("dependencies"))) {
      if (dep.getValue() instanceof AnnotationMirror d
          && key.equals(string(d, "app") + "." + string(d, "name"))) {
        // The loader would call it a cycle, on the class: this says which value is at fault.
        reporter.report(Problem.SELF_DEPENDENCY, type, migration, dep, key);
        ok = false;
      }
    }
    return ok;
  }

  /**
   * The values written in {@code mirror} by member name, in the order javac lists them (the first
   * of a name, as {@link Mirrors#value}): one listing of the mirror for all its checks, where each
   * look-up of another mirror in between would have javac list this one again.
   */
  private static Map<String, AnnotationValue> written(AnnotationMirror mirror) {
    Map<String, AnnotationValue> values = new LinkedHashMap<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      values.putIfAbsent(e.getKey().getSimpleName().toString(), e.getValue());
    }
    return values;
  }

  private boolean checkOp(
      TypeElement type, AnnotationMirror op, Map<String, AnnotationValue> values, String key) {
    AnnotationValue kindValue = values.get("kind");
    if (kindValue == null || !(kindValue.getValue() instanceof VariableElement constant)) {
      return true; // javac reports the missing kind itself
    }
    OpKind kind = OpKind.byName(constant.getSimpleName().toString());
    if (kind == null) {
      return true;
    }
    boolean ok = true;
    List<String> present = new ArrayList<>();
    for (Map.Entry<String, AnnotationValue> e : values.entrySet()) {
      String attribute = e.getKey();
      present.add(attribute);
      if (!kind.takes(attribute)) {
        ok = false;
        reporter.report(
            Problem.OP_ATTRIBUTE_NOT_TAKEN,
            type,
            op,
            e.getValue(),
            key,
            kind,
            attribute,
            kind,
            allowed(kind));
      }
    }
    for (OpKind.Attribute a : kind.attributes()) {
      if (a.required() && !present.contains(a.name()) && !replaced(kind, a.name(), present)) {
        ok = false;
        reporter.report(
            Problem.OP_ATTRIBUTE_MISSING, type, op, null, key, kind, a.name(), kind, allowed(kind));
      }
    }
    if (kind == OpKind.RUN_SQL && present.contains("sql") && noSql(values.get("sql"))) {
      ok = false;
      reporter.report(Problem.RUN_SQL_WITHOUT_SQL, type, op, values.get("sql"), key);
    }
    for (AnnotationValue vendor : items(values.get("vendors"))) {
      String v = String.valueOf(vendor.getValue());
      if (!VENDORS.contains(v.toLowerCase(Locale.ROOT))) {
        ok = false;
        reporter.report(
            Problem.MIGRATION_VALUE_UNKNOWN,
            type,
            op,
            vendor,
            "vendors",
            v,
            key,
            "a backend",
            String.join(", ", VENDORS));
      }
    }
    for (String member : List.of("fields", "field")) {
      for (AnnotationMirror field : annotations(values.get(member))) {
        ok &= checkField(type, field, key);
      }
    }
    return ok && checkPostgresOp(type, op, values, key, kind);
  }

  /** The attributes {@code kind} takes, for a diagnostic (joined only when one is reported). */
  private static String allowed(OpKind kind) {
    return String.join(", ", kind.allowed());
  }

  /** What PostgreSQL would refuse in Django's contrib.postgres operations. */
  private boolean checkPostgresOp(
      TypeElement type,
      AnnotationMirror op,
      Map<String, AnnotationValue> values,
      String key,
      OpKind kind) {
    AnnotationValue value = values.get("constraint");
    if (kind == OpKind.ADD_CONSTRAINT_NOT_VALID
        && value != null
        && value.getValue() instanceof AnnotationMirror constraint
        && String.valueOf(valueOf(constraint, "check", "")).isEmpty()) {
      reporter.report(
          Problem.NOT_VALID_CONSTRAINT_NOT_CHECK,
          type,
          op,
          value,
          key,
          valueOf(constraint, "name", ""));
      return false;
    }
    if (kind != OpKind.CREATE_COLLATION && kind != OpKind.REMOVE_COLLATION) {
      return true;
    }
    AnnotationValue provider = values.get("provider");
    String name = String.valueOf(provider == null ? "libc" : provider.getValue());
    if (!COLLATION_PROVIDERS.contains(name)) {
      reporter.report(
          Problem.MIGRATION_VALUE_UNKNOWN,
          type,
          op,
          provider,
          "provider",
          name,
          key,
          "a collation provider",
          String.join(", ", COLLATION_PROVIDERS));
      return false;
    }
    AnnotationValue deterministic = values.get("deterministic");
    if (name.equals("libc")
        && deterministic != null
        && Boolean.FALSE.equals(deterministic.getValue())) {
      reporter.report(
          Problem.NONDETERMINISTIC_LIBC_COLLATION,
          type,
          op,
          deterministic,
          kind,
          key,
          values.containsKey("name") ? values.get("name").getValue() : "");
      return false;
    }
    return true;
  }

  private static Object valueOf(AnnotationMirror mirror, String member, Object fallback) {
    AnnotationValue v = Mirrors.value(mirror, member);
    return v == null ? fallback : v.getValue();
  }

  /** Reports a CONCURRENTLY kind in an atomic migration (Django's NotInTransactionMixin). */
  private boolean refusedInTransaction(
      TypeElement type, AnnotationMirror op, Map<String, AnnotationValue> values, String key) {
    AnnotationValue kindValue = values.get("kind");
    if (kindValue == null || !(kindValue.getValue() instanceof VariableElement constant)) {
      return false;
    }
    OpKind kind = OpKind.byName(constant.getSimpleName().toString());
    if (kind == null || !kind.notInTransaction()) {
      return false;
    }
    reporter.report(
        Problem.CONCURRENT_OP_IN_ATOMIC_MIGRATION,
        type,
        op,
        kindValue,
        kind.type().getSimpleName(),
        key);
    return true;
  }

  private static boolean replaced(OpKind kind, String preferred, List<String> present) {
    for (OpKind.Attribute a : kind.attributes()) {
      if (preferred.equals(a.replaces()) && present.contains(a.name())) {
        return true;
      }
    }
    return false;
  }

  private boolean checkField(TypeElement type, AnnotationMirror field, String key) {
    boolean ok = true;
    Map<String, AnnotationValue> values = written(field);
    AnnotationValue fieldType = values.get("type");
    if (fieldType != null) {
      String name = String.valueOf(fieldType.getValue());
      if (FieldType.byName(name) == null && !isCustomType(name)) {
        ok = false;
        reporter.report(
            Problem.MIGRATION_FIELD_TYPE_UNKNOWN,
            type,
            field,
            fieldType,
            name,
            fieldName(values),
            key,
            builtInTypes());
      }
    }
    AnnotationValue onDelete = values.get("onDelete");
    if (onDelete != null) {
      String value = String.valueOf(onDelete.getValue());
      if (Arrays.stream(OnDelete.values()).noneMatch(o -> o.name().equals(value))) {
        ok = false;
        reporter.report(
            Problem.MIGRATION_VALUE_UNKNOWN,
            type,
            field,
            onDelete,
            "onDelete",
            value,
            key,
            "an OnDelete constant",
            String.join(", ", Arrays.stream(OnDelete.values()).map(Enum::name).toList()));
      }
    }
    AnnotationValue joinAutoField = values.get("joinAutoField");
    if (joinAutoField != null) {
      String value = String.valueOf(joinAutoField.getValue());
      if (!value.isEmpty() && !AutoFields.isKnown(value)) {
        ok = false;
        reporter.report(
            Problem.MIGRATION_VALUE_UNKNOWN,
            type,
            field,
            joinAutoField,
            "joinAutoField",
            value,
            key,
            "an auto field type",
            "AutoField, BigAutoField, SmallAutoField");
      }
    }
    return ok;
  }

  private boolean isCustomType(String name) {
    TypeElement custom = elements.getTypeElement(name);
    TypeElement iface = elements.getTypeElement(FieldValidator.CUSTOM_FIELD_TYPE);
    return custom != null
        && iface != null
        && types.isAssignable(types.erasure(custom.asType()), types.erasure(iface.asType()));
  }

  private static boolean noSql(AnnotationValue sql) {
    return items(sql).stream().allMatch(v -> String.valueOf(v.getValue()).isBlank());
  }

  private static String string(AnnotationMirror mirror, String member) {
    AnnotationValue v = Mirrors.value(mirror, member);
    return v == null ? "" : String.valueOf(v.getValue());
  }

  private static String fieldName(Map<String, AnnotationValue> field) {
    AnnotationValue name = field.get("name");
    return name == null ? "?" : String.valueOf(name.getValue());
  }

  private static String builtInTypes() {
    return String.join(", ", Arrays.stream(FieldType.values()).map(FieldType::djangoName).toList());
  }

  /** The values of an annotation member, whether written as an array or as one value. */
  private static List<AnnotationValue> items(AnnotationValue value) {
    if (value == null) {
      return List.of();
    }
    if (value.getValue() instanceof List<?> list) {
      List<AnnotationValue> result = new ArrayList<>();
      for (Object o : list) {
        result.add((AnnotationValue) o);
      }
      return result;
    }
    return List.of(value);
  }

  private static List<AnnotationMirror> annotations(AnnotationValue value) {
    List<AnnotationMirror> result = new ArrayList<>();
    for (AnnotationValue v : items(value)) {
      if (v.getValue() instanceof AnnotationMirror m) {
        result.add(m);
      }
    }
    return result;
  }
}
