package dev.migrata.internal.state;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The expression of a generated column as users write it: SQL with the model's fields named in
 * braces, {@code {price} * {quantity}}. Braces inside quoted SQL ({@code '{x}'}, {@code "a{b}"})
 * are text, not references, so a string literal can hold them.
 */
public final class GeneratedExpression {
  private GeneratedExpression() {}

  /** The field names referenced, in order of appearance (repeats kept). */
  public static List<String> references(String expression) {
    List<String> names = new ArrayList<>();
    render(
        expression,
        name -> {
          names.add(name);
          return name;
        });
    return names;
  }

  /**
   * The expression with each {@code {name}} replaced by {@code column.apply(name)} (a quoted
   * column); everything else is kept as written.
   */
  public static String render(String expression, UnaryOperator<String> column) {
    StringBuilder out = new StringBuilder();
    char quote = 0;
    int i = 0;
    while (i < expression.length()) {
      char c = expression.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
        out.append(c);
        i++;
        continue;
      }
      if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '{') {
        int end = expression.indexOf('}', i + 1);
        if (end > i + 1 && isName(expression.substring(i + 1, end))) {
          out.append(column.apply(expression.substring(i + 1, end)));
          i = end + 1;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** Renames every reference to {@code oldName} (a renamed field). */
  public static String rename(String expression, String oldName, String newName) {
    return render(expression, name -> "{" + (name.equals(oldName) ? newName : name) + "}");
  }

  private static boolean isName(String s) {
    if (!Character.isJavaIdentifierStart(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!Character.isJavaIdentifierPart(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
