package dev.migrata.internal.backends.sqlite;

import dev.migrata.internal.backends.base.Fields;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What SQLite changes in place, without rebuilding the table (Django's {@code sqlite3/schema.py}
 * rules): which columns {@code ADD COLUMN} takes, which constraints are indexes, which indexes and
 * constraints a dropped column takes with it.
 */
final class SqliteInPlace {
  private SqliteInPlace() {}

  /** A constant SQL literal: a number, a string, a blob, NULL, TRUE or FALSE. */
  private static final Pattern CONSTANT =
      Pattern.compile(
          "[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?|'([^']|'')*'|[xX]'[0-9a-fA-F]*'"
              + "|(?i:null|true|false)");

  /** Whether ALTER TABLE ADD COLUMN takes {@code field}'s nullability and database default. */
  static boolean addableInPlace(FieldState field) {
    String dbDefault = field.dbDefault() == null ? null : field.dbDefault().strip();
    if (dbDefault == null) {
      return field.nullable();
    }
    if (!CONSTANT.matcher(dbDefault).matches()) {
      return false;
    }
    boolean nullDefault = dbDefault.equalsIgnoreCase("null");
    return (field.nullable() || !nullDefault) && (!Fields.isForeignKey(field) || nullDefault);
  }

  /**
   * Whether an index's or constraint's {@code fieldRefs} ({@code -} for descending) name {@code
   * field}.
   */
  static boolean references(List<String> fieldRefs, FieldState field) {
    for (String ref : fieldRefs) {
      String bare = ref.startsWith("-") ? ref.substring(1) : ref;
      if (bare.equals(field.name())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Django's SQLite add_constraint: a unique constraint with a condition, expressions, included
   * columns or deferral is an index (or nothing), not a table remake.
   */
  static boolean createdAsIndex(ConstraintState c) {
    return !c.isCheck()
        && (c.condition() != null
            || !c.expressions().isEmpty()
            || !c.include().isEmpty()
            || c.deferrable() != null);
  }
}
