package dev.migrata.internal.backends.base;

import static dev.migrata.internal.backends.base.SqlTemplates.format;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.IndexExpression;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL of model indexes and of unique constraints beyond plain column lists — expressions,
 * operator classes, covering columns, access methods, {@code NULLS NOT DISTINCT}, deferrable — and
 * whether the backend creates them at all, as Django's {@code Index.create_sql}, {@code
 * _create_index_sql}, {@code _unique_supported} and {@code _create_unique_sql} decide.
 */
final class IndexSql {
  private final SqlTemplates sql;
  private final Quoting quoting;
  private final IndexFeatures can;
  private final boolean partialIndexes;

  IndexSql(SqlTemplates sql, Quoting quoting, IndexFeatures can, boolean partialIndexes) {
    this.sql = sql;
    this.quoting = quoting;
    this.can = can;
    this.partialIndexes = partialIndexes;
  }

  /**
   * Whether the backend creates {@code index}: Django skips an expression index where there are
   * none (MariaDB), and a conditional one without partial indexes; Migrata skips PostgreSQL's
   * access methods elsewhere (the processor warns). Opclasses and included columns are only left
   * out, as Django's.
   */
  boolean creates(IndexState index) {
    return (index.condition() == null || partialIndexes)
        && (!index.containsExpressions() || can.expressionIndexes())
        && (index.type() == null || can.indexTypes());
  }

  /** Django's {@code _unique_supported}; check constraints are always created. */
  boolean creates(ConstraintState c) {
    if (c.isCheck()) {
      return true;
    }
    return (c.condition() == null || partialIndexes)
        && (c.deferrable() == null || can.deferrableUnique())
        && (c.include().isEmpty() || can.coveringIndexes())
        && (c.expressions().isEmpty() || can.expressionIndexes())
        && (c.nullsDistinct() || can.nullsDistinct());
  }

  /** Whether a unique constraint cannot sit inside CREATE TABLE and is created after it. */
  static boolean createdAfterTable(ConstraintState c) {
    return !c.isCheck() && (c.isUniqueIndex() || !c.nullsDistinct());
  }

  /** {@code CREATE [UNIQUE] INDEX} for a model index. */
  String index(String table, ModelState model, IndexState index) {
    String using =
        index.type() != null && can.indexTypes()
            ? " USING " + index.type().toLowerCase(Locale.ROOT)
            : "";
    return format(
        index.unique() ? sql.createUniqueIndex : sql.createIndex,
        "name",
        quoting.name(index.name()),
        "table",
        quoting.name(table),
        "using",
        using,
        "columns",
        keys(model, index.fields(), index.expressions(), index.opclasses()),
        "include",
        include(model, index.include()),
        "nullsDistinct",
        "",
        "condition",
        condition(index.condition()));
  }

  /** A unique constraint kept as a unique index (condition, include, opclasses, expressions). */
  String uniqueIndex(String table, ModelState model, String name, ConstraintState c) {
    return format(
        sql.createUniqueIndex,
        "name",
        quoting.name(name),
        "table",
        quoting.name(table),
        "using",
        "",
        "columns",
        keys(model, c.fields(), c.expressions(), c.opclasses()),
        "include",
        include(model, c.include()),
        "nullsDistinct",
        nullsDistinct(c),
        "condition",
        condition(c.condition()));
  }

  /** {@code UNIQUE [NULLS NOT DISTINCT] (...) [DEFERRABLE ...]}, inside a table constraint. */
  String uniqueBody(String columnList, ConstraintState c) {
    return format(
        sql.uniqueConstraint,
        "nullsDistinct",
        c == null ? "" : nullsDistinct(c),
        "columns",
        columnList,
        "deferrable",
        c == null ? "" : deferrable(c.deferrable()));
  }

  private String nullsDistinct(ConstraintState c) {
    return c.nullsDistinct() || !can.nullsDistinct() ? "" : " NULLS NOT DISTINCT";
  }

  private static String deferrable(String deferrable) {
    if (deferrable == null) {
      return "";
    }
    return deferrable.equals("IMMEDIATE")
        ? " DEFERRABLE INITIALLY IMMEDIATE"
        : " DEFERRABLE INITIALLY DEFERRED";
  }

  /** Key columns (with operator classes where the backend has them) or expressions. */
  private String keys(
      ModelState model, List<String> fields, List<String> expressions, List<String> opclasses) {
    List<String> parts = new ArrayList<>();
    if (fields.isEmpty()) {
      for (String text : expressions) {
        IndexExpression e = IndexExpression.parse(text);
        if (e == null) {
          throw new IllegalStateException("Unreadable index expression: " + text);
        }
        parts.add(e.sql(quoting.name(model.columnOf(e.field())), quoting.vendor()));
      }
      return String.join(", ", parts);
    }
    for (int i = 0; i < fields.size(); i++) {
      String column = model.columnOf(fields.get(i));
      boolean desc = column.startsWith("-");
      String part = quoting.name(desc ? column.substring(1) : column);
      if (can.opclasses() && i < opclasses.size()) {
        part += " " + opclasses.get(i);
      }
      parts.add(desc ? part + " DESC" : part);
    }
    return String.join(", ", parts);
  }

  private String include(ModelState model, List<String> include) {
    if (include.isEmpty() || !can.coveringIndexes()) {
      return "";
    }
    List<String> cols = new ArrayList<>();
    for (String f : include) {
      cols.add(quoting.name(model.columnOf(f)));
    }
    return " INCLUDE (" + String.join(", ", cols) + ")";
  }

  private String condition(String condition) {
    return condition == null ? "" : format(sql.indexCondition, "condition", condition);
  }
}
