package dev.migrata.internal.state;

import java.util.List;

/**
 * A named index over fields (Java names; a leading {@code -} marks descending order) or over {@link
 * IndexExpression expressions}.
 *
 * @param condition an SQL condition for a partial index, or {@code null}
 * @param expressions indexed expressions in {@link IndexExpression}'s form, when {@code fields} is
 *     empty
 * @param opclasses PostgreSQL operator classes, one per field, or none
 * @param include the non-key fields of a covering index
 * @param type the PostgreSQL access method of Django's {@code contrib.postgres} index classes
 *     ({@code "GIN"}, ...), or {@code null} for a plain index
 */
public record IndexState(
    String name,
    List<String> fields,
    boolean unique,
    String condition,
    List<String> expressions,
    List<String> opclasses,
    List<String> include,
    String type) {
  public IndexState {
    fields = List.copyOf(fields);
    expressions = List.copyOf(expressions);
    opclasses = List.copyOf(opclasses);
    include = List.copyOf(include);
  }

  /** A plain index over fields. */
  public IndexState(String name, List<String> fields, boolean unique, String condition) {
    this(name, fields, unique, condition, List.of(), List.of(), List.of(), null);
  }

  public IndexState withName(String newName) {
    return new IndexState(
        newName, fields, unique, condition, expressions, opclasses, include, type);
  }

  public IndexState withFields(List<String> newFields, List<String> newInclude) {
    return new IndexState(
        name, newFields, unique, condition, expressions, opclasses, newInclude, type);
  }

  public IndexState withExpressions(List<String> newExpressions) {
    return new IndexState(
        name, fields, unique, condition, newExpressions, opclasses, include, type);
  }

  /** Django's {@code Index.contains_expressions}. */
  public boolean containsExpressions() {
    return !expressions.isEmpty();
  }

  /** Every field the index reads: its key fields, expressions' fields and included fields. */
  public List<String> referencedFields() {
    return IndexExpression.referencedFields(fields, expressions, include);
  }

  public Deconstructed deconstruct() {
    Deconstructed.Builder b = Deconstructed.builder("IndexDef").put("name", name);
    if (!fields.isEmpty() || expressions.isEmpty()) {
      b.put("fields", fields);
    }
    return b.bool("unique", unique, false)
        .string("condition", condition)
        .strings("expressions", expressions)
        .strings("opclasses", opclasses)
        .strings("include", include)
        .string("type", type)
        .build();
  }

  public static IndexState reconstruct(Deconstructed d) {
    String condition = d.string("condition", "");
    String type = d.string("type", "DEFAULT");
    return new IndexState(
        d.string("name", null),
        d.strings("fields"),
        d.bool("unique", false),
        condition.isEmpty() ? null : condition,
        d.strings("expressions"),
        d.strings("opclasses"),
        d.strings("include"),
        type.equals("DEFAULT") ? null : type);
  }
}
