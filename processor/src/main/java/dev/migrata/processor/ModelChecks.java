package dev.migrata.processor;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.ModelState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Django's model system checks on one model as read: one primary key, not nullable; one field per
 * column (models.E007); and names every backend can hold ({@link IdentifierRules}).
 */
final class ModelChecks {
  private final Reporter reporter;

  ModelChecks(Reporter reporter) {
    this.reporter = reporter;
  }

  void check(ModelDeclaration d) {
    ModelState model = d.state();
    if (model.table() != null) {
      AnnotationValue table = value(d.modelMirror(), "table");
      name("table", model.table(), false, d.element(), d.modelMirror(), table);
    } else {
      name("table", model.tableName(), false, d.element(), d.modelMirror(), null);
    }
    primaryKeys(d);
    columns(d);
    rawSql(d);
  }

  /** Each raw SQL condition and {@code dbDefault}, on the attribute value at fault. */
  private void rawSql(ModelDeclaration d) {
    for (AnnotationMirror m : d.element().getAnnotationMirrors()) {
      rawSql(d.element(), m, m, "condition");
      AnnotationValue container = value(m, "value");
      if (container != null && container.getValue() instanceof List<?> list) {
        for (Object o : list) {
          if (((AnnotationValue) o).getValue() instanceof AnnotationMirror repeated) {
            // javac cannot place a diagnostic on a repeated annotation (its container is
            // implicit, without a tree): it lands on the model class, still naming the attribute.
            rawSql(d.element(), repeated, m, "condition");
          }
        }
      }
    }
    for (ModelDeclaration.FieldDeclaration f : d.fields().values()) {
      rawSql(f.element(), f.mirror(), f.mirror(), "dbDefault");
    }
  }

  private void rawSql(
      Element element, AnnotationMirror mirror, AnnotationMirror at, String member) {
    String type = mirror == null ? "" : mirror.getAnnotationType().toString();
    if (member.equals("condition")
        && !List.of(ModelReader.INDEX, ModelReader.UNIQUE, ModelReader.CHECK).contains(type)) {
      return;
    }
    AnnotationValue v = value(mirror, member);
    if (v == null || !(v.getValue() instanceof String sql)) {
      return;
    }
    String forbidden = RawSql.forbidden(sql);
    if (forbidden != null) {
      String what = "@" + type.substring(type.lastIndexOf('.') + 1) + "(" + member + ")";
      reporter.report(Problem.RAW_SQL_NOT_ONE_EXPRESSION, element, at, v, what, element, forbidden);
    }
  }

  /** Reports a name a backend cannot hold; false when it did. */
  boolean name(
      String what,
      String name,
      boolean index,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value) {
    String broken = IdentifierRules.broken(name, index);
    if (broken.isEmpty()) {
      return true;
    }
    reporter.report(Problem.NAME_REFUSED, element, mirror, value, what, name, broken);
    return false;
  }

  private void primaryKeys(ModelDeclaration d) {
    String first = null;
    for (Map.Entry<String, ModelDeclaration.FieldDeclaration> e : d.fields().entrySet()) {
      FieldState f = d.state().fields().get(e.getKey());
      if (f == null || !f.primaryKey()) {
        continue;
      }
      AnnotationMirror mirror = e.getValue().mirror();
      if (f.nullable()) {
        reporter.report(
            Problem.NULLABLE_PRIMARY_KEY,
            e.getValue().element(),
            mirror,
            value(mirror, "nullable"),
            f.name(),
            d.state().name());
      }
      if (first == null) {
        first = f.name();
      } else {
        reporter.report(
            Problem.TWO_PRIMARY_KEYS,
            e.getValue().element(),
            mirror,
            value(mirror, "primaryKey"),
            d.state().name(),
            first,
            f.name());
      }
    }
  }

  /**
   * Columns compared without case: MySQL and SQLite column names are case-insensitive, so {@code
   * Title} and {@code title} are one column there.
   */
  private void columns(ModelDeclaration d) {
    Map<String, String> owners = new LinkedHashMap<>();
    for (FieldState f : d.state().fields().values()) {
      ModelDeclaration.FieldDeclaration declared = d.fields().get(f.name());
      if (f.fieldType() == FieldType.MANY_TO_MANY) {
        if (declared != null && f.table() != null) {
          name(
              "table",
              f.table(),
              false,
              declared.element(),
              declared.mirror(),
              value(declared.mirror(), "table"));
        }
        continue;
      }
      if (!f.hasColumn()) {
        continue;
      }
      String column = f.columnName();
      String owner =
          declared == null ? "the implicit primary key 'id'" : "the field '" + f.name() + "'";
      if (declared == null) {
        owners.putIfAbsent(column.toLowerCase(Locale.ROOT), owner);
        continue;
      }
      AnnotationValue explicit = value(declared.mirror(), "column");
      if (!name("column", column, false, declared.element(), declared.mirror(), explicit)) {
        continue;
      }
      String other = owners.putIfAbsent(column.toLowerCase(Locale.ROOT), owner);
      if (other != null) {
        reporter.report(
            Problem.DUPLICATE_COLUMN,
            declared.element(),
            declared.mirror(),
            explicit,
            f.name(),
            d.state().name(),
            column,
            other);
      }
    }
  }

  private static AnnotationValue value(AnnotationMirror mirror, String member) {
    return mirror == null ? null : Mirrors.value(mirror, member);
  }
}
