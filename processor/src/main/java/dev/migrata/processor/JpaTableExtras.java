package dev.migrata.processor;

import static dev.migrata.processor.AnnotationValues.emptyToNull;
import static dev.migrata.processor.AnnotationValues.string;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * What an entity says about its table beyond the columns' shapes: check constraints (Hibernate's
 * {@code @Check}, JPA 3.2's {@code @Table(check)} and {@code @Column(check)}), column defaults
 * (Hibernate's {@code @ColumnDefault}) and comments (Hibernate's {@code @Comment}, JPA 3.2's
 * {@code @Table(comment)} and {@code @Column(comment)}). All read by name, as the rest of JPA.
 */
final class JpaTableExtras {
  static final String HIBERNATE = "org.hibernate.annotations.";
  static final String CHECK = HIBERNATE + "Check";
  static final String CHECKS = HIBERNATE + "Checks";
  static final String COMMENT = HIBERNATE + "Comment";
  static final String COMMENTS = HIBERNATE + "Comments";
  static final String COLUMN_DEFAULT = HIBERNATE + "ColumnDefault";

  /** The shortest identifier limit of the backends (PostgreSQL's 63 bytes). */
  private static final int MAX_NAME = IdentifierRules.POSTGRESQL_MAX_BYTES;

  private final Reporter reporter;

  JpaTableExtras(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * The column with the database default and comment its attribute declares; {@code column} is the
   * {@code @Column} (or override) that applies, or null.
   */
  FieldState column(Element attribute, AnnotationMirror column, FieldState state, String model) {
    FieldState.Builder b = state.toBuilder();
    AnnotationMirror columnDefault = Jpa.find(attribute, COLUMN_DEFAULT);
    if (columnDefault != null) {
      String sql = string(columnDefault, "value").trim();
      if (sql.isEmpty()) {
        reporter.report(
            Problem.JPA_EMPTY_SQL,
            attribute,
            columnDefault,
            null,
            "@ColumnDefault",
            attribute.getSimpleName(),
            model);
      } else if (oneExpression(attribute, columnDefault, "value", "@ColumnDefault(value)", sql)) {
        b.dbDefault(sql);
      }
    }
    String comment = comment(attribute, column);
    if (comment != null) {
      b.comment(comment);
    }
    return b.build();
  }

  /** The entity's model with its table comment and check constraints. */
  ModelState apply(TypeElement type, ModelState model, List<? extends Element> attributes) {
    List<ConstraintState> checks = checks(type, model, attributes);
    if (!checks.isEmpty()) {
      List<ConstraintState> all = new ArrayList<>(model.constraints());
      all.addAll(checks);
      model = model.withConstraints(all);
    }
    String comment = tableComment(type);
    return comment == null ? model : model.withComment(comment);
  }

  /** The table comment: {@code @Table(comment)}, else Hibernate's {@code @Comment}; or null. */
  String tableComment(TypeElement type) {
    return comment(type, Jpa.find(type, Jpa.TABLE));
  }

  /**
   * The check constraints of the entity and of its attributes, named as the model declares them or
   * else {@link #checkName}. {@code attributes} are the entity's persistent attributes, named as
   * their fields in {@code model}.
   */
  List<ConstraintState> checks(
      TypeElement type, ModelState model, List<? extends Element> attributes) {
    Map<String, ConstraintState> result = new LinkedHashMap<>();
    checks(type, type, Jpa.find(type, Jpa.TABLE), model, null, result);
    for (Element attribute : attributes) {
      FieldState field = model.fields().get(attribute.getSimpleName().toString());
      String column = field == null ? null : field.columnName();
      checks(type, attribute, Jpa.find(attribute, Jpa.COLUMN), model, column, result);
    }
    return new ArrayList<>(result.values());
  }

  private void checks(
      TypeElement type,
      Element on,
      AnnotationMirror jpa,
      ModelState model,
      String column,
      Map<String, ConstraintState> into) {
    for (AnnotationMirror check : repeated(on, CHECK, CHECKS)) {
      check(type, on, check, "constraints", model, column, into);
    }
    AnnotationValue nested = jpa == null ? null : Mirrors.value(jpa, "check");
    if (nested != null && nested.getValue() instanceof List<?> items) {
      for (Object item : items) {
        AnnotationMirror check = (AnnotationMirror) ((AnnotationValue) item).getValue();
        check(type, on, check, "constraint", model, column, into);
      }
    }
  }

  private void check(
      TypeElement type,
      Element on,
      AnnotationMirror check,
      String member,
      ModelState model,
      String column,
      Map<String, ConstraintState> into) {
    String sql = string(check, member).trim();
    String what = "@" + check.getAnnotationType().asElement().getSimpleName();
    if (sql.isEmpty()) {
      reporter.report(
          Problem.JPA_EMPTY_SQL, on, check, null, what, on.getSimpleName(), type.getSimpleName());
      return;
    }
    if (!oneExpression(on, check, member, what + "(" + member + ")", sql)) {
      return;
    }
    String name = emptyToNull(string(check, "name"));
    if (name == null) {
      name = checkName(model.tableName(), column, sql);
    } else {
      String broken = IdentifierRules.broken(name, false);
      if (!broken.isEmpty()) {
        reporter.report(
            Problem.NAME_REFUSED, on, check, Mirrors.value(check, "name"), "check", name, broken);
        return;
      }
    }
    into.putIfAbsent(name, ConstraintState.check(name, sql));
  }

  /**
   * The name of an unnamed check. Hibernate writes it without a name (the database picks one:
   * PostgreSQL {@code table_column_check}, MariaDB {@code CONSTRAINT_1}); a migration must name it
   * to alter or drop it later, so it is named as Django names what it derives: {@code
   * table[_column]_<8 hex digits of table, column and condition>_check}, cut to 63 characters.
   */
  static String checkName(String table, String column, String sql) {
    String hash =
        column == null ? Names.digest(8, table, sql) : Names.digest(8, table, column, sql);
    String suffix = "_" + hash + "_check";
    String head = column == null ? table : table + "_" + column;
    if (head.length() + suffix.length() > MAX_NAME) {
      head = head.substring(0, MAX_NAME - suffix.length());
    }
    return head + suffix;
  }

  /** JPA 3.2's {@code comment} member of {@code jpa}, else Hibernate's {@code @Comment}. */
  private String comment(Element on, AnnotationMirror jpa) {
    String explicit = emptyToNull(string(jpa, "comment"));
    if (explicit != null) {
      return explicit;
    }
    for (AnnotationMirror comment : repeated(on, COMMENT, COMMENTS)) {
      String target = string(comment, "on");
      if (target.isEmpty()) {
        return emptyToNull(string(comment, "value"));
      }
      // A comment on a secondary table or another column: Migrata maps neither.
      reporter.report(
          Problem.JPA_COMMENT_ON_IGNORED,
          on,
          comment,
          Mirrors.value(comment, "on"),
          target,
          on.getSimpleName());
    }
    return null;
  }

  private boolean oneExpression(
      Element on, AnnotationMirror mirror, String member, String what, String sql) {
    String forbidden = RawSql.forbidden(sql);
    if (forbidden == null) {
      return true;
    }
    reporter.report(
        Problem.RAW_SQL_NOT_ONE_EXPRESSION,
        on,
        mirror,
        Mirrors.value(mirror, member),
        what,
        on.getSimpleName(),
        forbidden);
    return false;
  }

  /** Direct and container-held occurrences of a Hibernate repeatable annotation. */
  private static List<AnnotationMirror> repeated(Element on, String annotation, String container) {
    List<AnnotationMirror> result = new ArrayList<>();
    for (AnnotationMirror mirror : on.getAnnotationMirrors()) {
      if (Mirrors.isType(mirror, annotation)) {
        result.add(mirror);
      } else if (Mirrors.isType(mirror, container)) {
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
}
