package dev.migrata.processor;

/**
 * Raw SQL that Migrata pastes into DDL as one expression ({@code @Check(condition)},
 * {@code @Index(condition)}, {@code @Unique(condition)}, {@code dbDefault}): a statement separator
 * or a comment opener outside quotes would end the expression early or hide the rest of the
 * statement, so it is refused (issue 12 #5). Quotes are SQL's: {@code '...'} strings and {@code
 * "..."} or {@code `...`} identifiers, a doubled quote standing for itself.
 */
final class RawSql {
  private RawSql() {}

  /** What {@code sql} holds outside quotes that one expression may not, or null. */
  static String forbidden(String sql) {
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0; // a doubled quote closes and reopens: the same state in the end
        }
        continue;
      }
      if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == ';') {
        return "a statement separator (;)";
      } else if (sql.startsWith("--", i)) {
        return "a comment opener (--)";
      } else if (sql.startsWith("/*", i)) {
        return "a comment opener (/*)";
      }
    }
    return null;
  }
}
