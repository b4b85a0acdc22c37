package dev.migrata.processor;

import static dev.migrata.processor.AnnotationValues.bool;
import static dev.migrata.processor.AnnotationValues.enumName;
import static dev.migrata.processor.AnnotationValues.string;
import static dev.migrata.processor.AnnotationValues.strings;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.IndexExpression;
import dev.migrata.internal.state.ModelState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Reads and checks what an {@code @Index} or {@code @Unique} says beyond its name: the key fields
 * (by Java or column name), expressions, included fields and operator classes, with Django's rules
 * for combining them ({@code Index.__init__}, {@code UniqueConstraint.__init__}), and warns where a
 * backend the app targets leaves part of it, or all of it, out (Django's models.W038–W047).
 */
final class IndexDetails {
  /** An operator class name, perhaps schema-qualified: it reaches the DDL unquoted. */
  private static final Pattern OPCLASS =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  private final Reporter reporter;

  IndexDetails(Reporter reporter) {
    this.reporter = reporter;
  }

  /** The key fields (Java names, {@code -} kept), canonical expressions and included fields. */
  record Keys(List<String> fields, List<String> expressions, List<String> include) {}

  /**
   * The keys of the annotation, or {@code null} after reporting why they are wrong.
   *
   * @param what {@code Index} or {@code Unique}, for messages
   */
  Keys keys(Element type, AnnotationMirror mirror, String what, ModelState model) {
    List<String> rawFields = strings(mirror, "fields");
    List<String> rawExpressions = strings(mirror, "expressions");
    if (rawFields.isEmpty() && rawExpressions.isEmpty()) {
      reporter.report(
          Problem.INDEX_WITHOUT_FIELDS,
          type,
          mirror,
          Mirrors.value(mirror, "fields"),
          what,
          model.name());
      return null;
    }
    if (!rawFields.isEmpty() && !rawExpressions.isEmpty()) {
      reporter.report(
          Problem.INDEX_FIELDS_AND_EXPRESSIONS,
          type,
          mirror,
          Mirrors.value(mirror, "expressions"),
          what,
          model.name());
      return null;
    }
    boolean ok = true;
    List<String> fields = new ArrayList<>();
    for (String ref : rawFields) {
      boolean desc = ref.startsWith("-");
      String name = resolve(type, mirror, "fields", what, model, desc ? ref.substring(1) : ref);
      ok &= name != null;
      fields.add((desc ? "-" : "") + name);
    }
    List<String> expressions = new ArrayList<>();
    for (String text : rawExpressions) {
      IndexExpression e = IndexExpression.parse(text);
      if (e == null) {
        reporter.report(
            Problem.INDEX_EXPRESSION_UNREADABLE,
            type,
            mirror,
            Mirrors.value(mirror, "expressions"),
            text,
            what,
            model.name(),
            IndexExpression.KNOWN);
        ok = false;
        continue;
      }
      String name = resolve(type, mirror, "expressions", what, model, e.field());
      ok &= name != null;
      expressions.add(name == null ? text : e.withField(name).toString());
    }
    List<String> include = new ArrayList<>();
    for (String ref : strings(mirror, "include")) {
      String name = resolve(type, mirror, "include", what, model, ref);
      ok &= name != null;
      include.add(name);
    }
    return ok ? new Keys(fields, expressions, include) : null;
  }

  /** A field named by its Java name or its column ({@code author_id}); {@code null} if none. */
  private String resolve(
      Element type,
      AnnotationMirror mirror,
      String member,
      String what,
      ModelState model,
      String ref) {
    FieldState field = model.fields().get(ref);
    if (field == null) {
      for (FieldState f : model.fields().values()) {
        if (f.hasColumn() && f.columnName().equals(ref)) {
          field = f;
          break;
        }
      }
    }
    if (field != null && field.fieldType() == FieldType.MANY_TO_MANY) {
      reporter.report(
          Problem.INDEX_ON_MANY_TO_MANY,
          type,
          mirror,
          Mirrors.value(mirror, member),
          what,
          model.name(),
          ref);
      return null;
    }
    if (field == null) {
      reporter.report(
          Problem.UNKNOWN_INDEX_FIELD,
          type,
          mirror,
          Mirrors.value(mirror, member),
          what,
          model.name(),
          ref,
          String.join(", ", model.fields().keySet()));
      return null;
    }
    return field.name();
  }

  /**
   * Django's rules on names, operator classes and access methods; {@code false} after reporting.
   *
   * @param named whether the annotation gives a name
   * @param indexType the access method, or {@code null} for a plain index
   */
  boolean check(
      Element type,
      AnnotationMirror mirror,
      String what,
      ModelState model,
      Keys keys,
      boolean named,
      String indexType) {
    List<String> opclasses = strings(mirror, "opclasses");
    List<String> needName = new ArrayList<>();
    if (!opclasses.isEmpty()) {
      needName.add("opclasses");
    }
    if (!keys.include().isEmpty()) {
      needName.add("include");
    }
    if (!keys.expressions().isEmpty()) {
      needName.add("expressions");
    }
    String deferrable = deferrable(mirror);
    if (what.equals("Unique")) {
      if (deferrable != null) {
        needName.add("deferrable");
      }
      if (!bool(mirror, "nullsDistinct")) {
        needName.add("nullsDistinct");
      }
    }
    if (!named && !needName.isEmpty()) {
      reporter.report(
          Problem.INDEX_DETAIL_WITHOUT_NAME,
          type,
          mirror,
          null,
          what,
          model.name(),
          String.join(", ", needName));
      return false;
    }
    boolean ok = true;
    if (!opclasses.isEmpty() && opclasses.size() != keys.fields().size()) {
      reporter.report(
          Problem.OPCLASSES_MISMATCH,
          type,
          mirror,
          Mirrors.value(mirror, "opclasses"),
          what,
          model.name(),
          opclasses.size(),
          keys.fields().size());
      ok = false;
    }
    for (String opclass : opclasses) {
      if (!OPCLASS.matcher(opclass).matches()) {
        reporter.report(
            Problem.OPCLASSES_MISMATCH,
            type,
            mirror,
            Mirrors.value(mirror, "opclasses"),
            what,
            model.name(),
            opclasses.size(),
            keys.fields().size());
        ok = false;
        break;
      }
    }
    if (deferrable != null) {
      List<String> refused = new ArrayList<>();
      if (!string(mirror, "condition").isEmpty()) {
        refused.add("condition");
      }
      if (!keys.include().isEmpty()) {
        refused.add("include");
      }
      if (!opclasses.isEmpty()) {
        refused.add("opclasses");
      }
      if (!keys.expressions().isEmpty()) {
        refused.add("expressions");
      }
      if (!refused.isEmpty()) {
        reporter.report(
            Problem.DEFERRABLE_UNIQUE_REFUSED,
            type,
            mirror,
            Mirrors.value(mirror, "deferrable"),
            model.name(),
            String.join(", ", refused));
        ok = false;
      }
    }
    if (indexType != null && bool(mirror, "unique")) {
      reporter.report(
          Problem.INDEX_TYPE_UNIQUE,
          type,
          mirror,
          Mirrors.value(mirror, "type"),
          model.name(),
          indexType);
      ok = false;
    }
    return ok;
  }

  /** {@code DEFERRED}, {@code IMMEDIATE}, or {@code null} when not deferrable (or an index). */
  static String deferrable(AnnotationMirror mirror) {
    String d = enumName(mirror, "deferrable");
    return d == null || d.equals("NOT_DEFERRABLE") ? null : d;
  }

  /** The access method of an {@code @Index}, or {@code null} for a plain index. */
  static String indexType(AnnotationMirror mirror) {
    String t = enumName(mirror, "type");
    return t == null || t.equals("DEFAULT") ? null : t;
  }

  /**
   * Warns, as Django's system checks do for the configured database, about each part of the index
   * or constraint that a backend the app targets leaves out.
   *
   * @param backends the app's {@code @App(backends)}; empty for all three
   */
  void warn(
      Element type,
      AnnotationMirror mirror,
      String what,
      String name,
      ModelState model,
      Keys keys,
      String indexType,
      Set<String> backends) {
    boolean mysql = backends.isEmpty() || backends.contains("mysql");
    boolean sqlite = backends.isEmpty() || backends.contains("sqlite");
    String others =
        mysql && sqlite ? "MySQL/MariaDB and SQLite" : mysql ? "MySQL/MariaDB" : "SQLite";
    boolean notPostgres = mysql || sqlite;
    boolean unique = what.equals("Unique");
    if (!keys.include().isEmpty() && notPostgres) {
      reporter.report(
          unique ? Problem.SKIPPED_ON_BACKEND : Problem.IGNORED_ON_BACKEND,
          type,
          mirror,
          Mirrors.value(mirror, "include"),
          what,
          name,
          model.name(),
          "include (a covering index)",
          others,
          unique ? "models.W039" : "models.W040");
    }
    if (!strings(mirror, "opclasses").isEmpty() && notPostgres) {
      reporter.report(
          Problem.IGNORED_ON_BACKEND,
          type,
          mirror,
          Mirrors.value(mirror, "opclasses"),
          what,
          name,
          model.name(),
          "opclasses",
          others,
          "Index.opclasses");
    }
    if (!keys.expressions().isEmpty() && mysql) {
      reporter.report(
          Problem.SKIPPED_ON_BACKEND,
          type,
          mirror,
          Mirrors.value(mirror, "expressions"),
          what,
          name,
          model.name(),
          "expressions",
          "MariaDB and MySQL before 8.0.13",
          unique ? "models.W044" : "models.W043");
    }
    if (indexType != null && notPostgres) {
      reporter.report(
          Problem.SKIPPED_ON_BACKEND,
          type,
          mirror,
          Mirrors.value(mirror, "type"),
          what,
          name,
          model.name(),
          "type = " + indexType + " (django.contrib.postgres.indexes)",
          others,
          "a PostgreSQL index class");
    }
    if (unique && deferrable(mirror) != null && notPostgres) {
      reporter.report(
          Problem.SKIPPED_ON_BACKEND,
          type,
          mirror,
          Mirrors.value(mirror, "deferrable"),
          what,
          name,
          model.name(),
          "deferrable",
          others,
          "models.W038");
    }
    if (unique && !bool(mirror, "nullsDistinct") && notPostgres) {
      reporter.report(
          Problem.SKIPPED_ON_BACKEND,
          type,
          mirror,
          Mirrors.value(mirror, "nullsDistinct"),
          what,
          name,
          model.name(),
          "nullsDistinct = false",
          others + " (and PostgreSQL before 15)",
          "models.W047");
    }
  }
}
