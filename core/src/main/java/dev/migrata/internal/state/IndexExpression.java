package dev.migrata.internal.state;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One expression of an expression index or unique constraint, in the small form Migrata accepts
 * instead of raw SQL: one function over one field, {@code Lower(email)}, or the field itself,
 * {@code F(created)}, optionally {@code .desc()} / {@code .asc()}. Nothing else is accepted, so the
 * SQL is always a known function over a quoted column: no user text reaches the DDL unquoted.
 *
 * @param function Django's function class ({@code Lower}, ...), or {@code F} for the bare field
 * @param field the field's Java name
 * @param descending {@code .desc()}
 */
public record IndexExpression(String function, String field, boolean descending) {
  private static final Pattern FORM =
      Pattern.compile(
          "\\s*([A-Za-z]+)\\s*\\(\\s*[\"']?([A-Za-z_$][A-Za-z0-9_$]*)[\"']?\\s*\\)"
              + "\\s*(?:\\.\\s*(desc|asc)\\s*\\(\\s*\\))?\\s*");

  /** The functions Migrata knows, with Django's SQL function names. */
  private static final Map<String, String> FUNCTIONS =
      Map.of("Lower", "LOWER", "Upper", "UPPER", "Length", "LENGTH", "Abs", "ABS");

  /** The accepted function names, for messages. */
  public static final String KNOWN = "F, Lower, Upper, Length, Abs";

  /** Parses {@code text}, or returns {@code null} when it is not of the accepted form. */
  public static IndexExpression parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return null;
    }
    String function = m.group(1);
    if (!function.equals("F") && !FUNCTIONS.containsKey(function)) {
      return null;
    }
    return new IndexExpression(function, m.group(2), "desc".equals(m.group(3)));
  }

  static IndexExpression require(String text) {
    IndexExpression e = parse(text);
    if (e == null) {
      throw new IllegalArgumentException(
          "Not an index expression of the form Lower(field) (" + KNOWN + "): " + text);
    }
    return e;
  }

  public IndexExpression withField(String newField) {
    return new IndexExpression(function, newField, descending);
  }

  /** The canonical text, as migrations record it: {@code Lower(email)}, {@code F(x).desc()}. */
  @Override
  public String toString() {
    return function + "(" + field + ")" + (descending ? ".desc()" : "");
  }

  /** As Django's {@code str()} of the expression prints it in {@code describe()} lines. */
  public String describe() {
    String inner = function.equals("F") ? "F(" + field + ")" : function + "(F(" + field + "))";
    return descending ? "OrderBy(" + inner + ", descending=True)" : inner;
  }

  /**
   * The SQL of the expression on {@code quotedColumn}, as Django's {@code IndexExpression}: a
   * function is wrapped in parentheses, a bare column is not; the order follows.
   *
   * @param vendor {@code mysql} spells Length as {@code CHAR_LENGTH}, as Django's
   */
  public String sql(String quotedColumn, String vendor) {
    String sql;
    if (function.equals("F")) {
      sql = quotedColumn;
    } else {
      String name = FUNCTIONS.get(function);
      if (name.equals("LENGTH") && "mysql".equals(vendor)) {
        name = "CHAR_LENGTH";
      }
      sql = "(" + name + "(" + quotedColumn + "))";
    }
    return descending ? sql + " DESC" : sql;
  }

  /** Renames a field in expression texts, keeping the others as they are. */
  public static List<String> rename(List<String> expressions, UnaryOperator<String> rename) {
    List<String> out = new ArrayList<>();
    for (String text : expressions) {
      IndexExpression e = parse(text);
      out.add(e == null ? text : e.withField(rename.apply(e.field())).toString());
    }
    return out;
  }

  /** The fields named by key fields (without {@code -}), expressions and included fields. */
  static List<String> referencedFields(
      List<String> fields, List<String> expressions, List<String> include) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String f : fields) {
      out.add(f.startsWith("-") ? f.substring(1) : f);
    }
    for (String text : expressions) {
      IndexExpression e = parse(text);
      if (e != null) {
        out.add(e.field());
      }
    }
    out.addAll(include);
    return List.copyOf(out);
  }
}
