package dev.migrata.internal.state;

import java.util.List;

/**
 * A named constraint: unique over {@code fields} or {@code expressions} (optionally partial with
 * {@code condition}), or a check when {@code check} is set.
 *
 * @param expressions unique expressions in {@link IndexExpression}'s form, when fields is empty
 * @param include non-key fields of the unique index (PostgreSQL)
 * @param opclasses PostgreSQL operator classes, one per field
 * @param nullsDistinct {@code false} for {@code NULLS NOT DISTINCT}
 * @param deferrable {@code "DEFERRED"}, {@code "IMMEDIATE"}, or {@code null} when not deferrable
 * @param violationErrorMessage state only, as Django's {@code violation_error_message}
 * @param violationErrorCode state only, as Django's {@code violation_error_code}
 */
public record ConstraintState(
    String name,
    List<String> fields,
    String condition,
    String check,
    List<String> expressions,
    List<String> include,
    List<String> opclasses,
    boolean nullsDistinct,
    String deferrable,
    String violationErrorMessage,
    String violationErrorCode) {
  public ConstraintState {
    fields = List.copyOf(fields);
    expressions = List.copyOf(expressions);
    include = List.copyOf(include);
    opclasses = List.copyOf(opclasses);
  }

  /** A plain unique or check constraint. */
  public ConstraintState(String name, List<String> fields, String condition, String check) {
    this(name, fields, condition, check, List.of(), List.of(), List.of(), true, null, null, null);
  }

  public static ConstraintState unique(String name, List<String> fields, String condition) {
    return new ConstraintState(name, fields, condition, null);
  }

  public static ConstraintState check(String name, String check) {
    return new ConstraintState(name, List.of(), null, check);
  }

  public boolean isCheck() {
    return check != null;
  }

  /**
   * A unique constraint the database keeps as a unique index, not a table constraint (Django's
   * {@code _create_unique_sql} with a condition, include, opclasses or expressions).
   */
  public boolean isUniqueIndex() {
    return !isCheck()
        && (condition != null
            || !include.isEmpty()
            || !opclasses.isEmpty()
            || !expressions.isEmpty());
  }

  /** Every field the constraint reads (key fields, expressions' fields, included fields). */
  public List<String> referencedFields() {
    return IndexExpression.referencedFields(fields, expressions, include);
  }

  public ConstraintState withReferences(
      List<String> newFields, List<String> newExpressions, List<String> newInclude) {
    return new ConstraintState(
        name,
        newFields,
        condition,
        check,
        newExpressions,
        newInclude,
        opclasses,
        nullsDistinct,
        deferrable,
        violationErrorMessage,
        violationErrorCode);
  }

  /**
   * This constraint without the attributes that never reach the database (Django's non_db_attrs).
   */
  public ConstraintState withoutStateOnly() {
    return new ConstraintState(
        name,
        fields,
        condition,
        check,
        expressions,
        include,
        opclasses,
        nullsDistinct,
        deferrable,
        null,
        null);
  }

  public Deconstructed deconstruct() {
    return Deconstructed.builder("ConstraintDef")
        .put("name", name)
        .strings("fields", fields)
        .string("condition", condition)
        .string("check", check)
        .strings("expressions", expressions)
        .strings("include", include)
        .strings("opclasses", opclasses)
        .bool("nullsDistinct", nullsDistinct, true)
        .string("deferrable", deferrable)
        .string("violationErrorMessage", violationErrorMessage)
        .string("violationErrorCode", violationErrorCode)
        .build();
  }

  public static ConstraintState reconstruct(Deconstructed d) {
    String deferrable = d.string("deferrable", "NOT_DEFERRABLE");
    return new ConstraintState(
        d.string("name", null),
        d.strings("fields"),
        emptyToNull(d.string("condition", "")),
        emptyToNull(d.string("check", "")),
        d.strings("expressions"),
        d.strings("include"),
        d.strings("opclasses"),
        d.bool("nullsDistinct", true),
        deferrable.equals("NOT_DEFERRABLE") ? null : deferrable,
        emptyToNull(d.string("violationErrorMessage", "")),
        emptyToNull(d.string("violationErrorCode", "")));
  }

  private static String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
