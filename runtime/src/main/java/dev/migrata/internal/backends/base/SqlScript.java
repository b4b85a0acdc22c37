package dev.migrata.internal.backends.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a string of SQL into its statements at the {@code ;} that end them, as Django's {@code
 * prepare_sql_script} does with {@code sqlparse.split}: a JDBC statement runs one statement on
 * SQLite (the rest are silently dropped) and MariaDB (a syntax error), so a {@code RunSql} string
 * of several statements must be split to run the same everywhere (issue 12).
 *
 * <p>A {@code ;} does not split inside string literals, quoted identifiers, comments, parentheses,
 * PostgreSQL's dollar-quoted bodies ({@code $$ ... $$}, {@code $tag$ ... $tag$}), or the {@code
 * BEGIN ... END} body of a {@code CREATE TRIGGER}/{@code PROCEDURE}/{@code FUNCTION} (where {@code
 * IF}, {@code CASE}, {@code WHILE}, {@code FOR} and {@code LOOP} nest, with {@code END IF} etc.),
 * following sqlparse's split levels. Comments stay in the statements (MySQL's executable {@code /*!
 * ... *}{@code /} comments are code); a piece with nothing but comments and blanks is no statement.
 */
final class SqlScript {
  private final boolean mysql;
  private final boolean postgres;
  private final String text;
  private final List<String> statements = new ArrayList<>();
  private int start;
  private int level;
  private int beginDepth;
  private boolean create;
  private boolean code;
  private String previousWord = "";

  private SqlScript(String text, String vendor) {
    this.text = text;
    this.mysql = vendor.equals("mysql") || vendor.equals("mariadb");
    this.postgres = vendor.equals("postgresql");
  }

  /** The statements of {@code sql}, each without its final {@code ;}, stripped. */
  static List<String> split(String sql, String vendor) {
    return new SqlScript(sql, vendor).run();
  }

  private List<String> run() {
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '-' && text.startsWith("--", i) && (!mysql || isSpaceOrEnd(i + 2))) {
        i = lineEnd(i);
      } else if (c == '#' && mysql) {
        i = lineEnd(i);
      } else if (c == '/' && text.startsWith("/*", i)) {
        boolean executable = mysql && text.startsWith("/*!", i);
        code |= executable;
        i = blockCommentEnd(i);
      } else if (c == '\'') {
        code = true;
        boolean escapes = mysql || (postgres && isEscapeStringPrefix(i - 1));
        i = quotedEnd(i, '\'', escapes);
      } else if (c == '"') {
        code = true;
        i = quotedEnd(i, '"', mysql);
      } else if (c == '`' && mysql) {
        code = true;
        i = quotedEnd(i, '`', false);
      } else if (c == '[' && !mysql && !postgres) {
        code = true; // SQLite accepts [identifiers] too
        int close = text.indexOf(']', i + 1);
        i = close < 0 ? n : close + 1;
      } else if (c == '$' && postgres && dollarTag(i) != null) {
        code = true;
        String tag = dollarTag(i);
        int close = text.indexOf(tag, i + tag.length());
        i = close < 0 ? n : close + tag.length();
      } else if (Character.isLetter(c) || c == '_') {
        code = true;
        int end = i;
        while (end < n && isWordPart(text.charAt(end))) {
          end++;
        }
        word(text.substring(i, end).toUpperCase(Locale.ROOT));
        i = end;
      } else if (c == ';') {
        if (level <= 0) {
          statement(i);
          start = i + 1;
        }
        i++;
      } else {
        if (c == '(') {
          level++;
        } else if (c == ')') {
          level--;
        }
        code |= !Character.isWhitespace(c);
        i = c == '$' || Character.isDigit(c) ? skipWordPart(i) : i + 1;
      }
    }
    statement(n);
    return statements;
  }

  /** sqlparse's split levels for keywords. */
  private void word(String word) {
    String before = previousWord;
    previousWord = word;
    if (before.equals("END")) {
      if (isBlockKeyword(word)) {
        return; // END IF and the like: END already closed the level
      }
      beginDepth = Math.max(0, beginDepth - 1); // a plain END closed a BEGIN
    }
    switch (word) {
      case "CREATE":
        create = true;
        return;
      case "BEGIN":
        beginDepth++;
        if (create) {
          level++;
        }
        return;
      case "END":
        level--; // beginDepth waits for the next word: END IF closes no BEGIN
        return;
      default:
        if (isBlockKeyword(word) && create && beginDepth > 0) {
          level++;
        }
    }
  }

  private static boolean isBlockKeyword(String word) {
    return switch (word) {
      case "IF", "CASE", "WHILE", "FOR", "LOOP", "REPEAT" -> true;
      default -> false;
    };
  }

  private void statement(int end) {
    String statement = text.substring(start, end).strip();
    if (code && !statement.isEmpty()) {
      statements.add(statement);
    }
    level = 0;
    beginDepth = 0;
    create = false;
    code = false;
    previousWord = "";
  }

  private boolean isSpaceOrEnd(int i) {
    return i >= text.length() || Character.isWhitespace(text.charAt(i));
  }

  private int lineEnd(int i) {
    int nl = text.indexOf('\n', i);
    return nl < 0 ? text.length() : nl + 1;
  }

  /** The end of a block comment; PostgreSQL's nest. */
  private int blockCommentEnd(int i) {
    int depth = 0;
    int j = i;
    while (j < text.length()) {
      if (text.startsWith("/*", j)) {
        depth = postgres || depth == 0 ? depth + 1 : depth;
        j += 2;
      } else if (text.startsWith("*/", j)) {
        j += 2;
        if (--depth == 0) {
          return j;
        }
      } else {
        j++;
      }
    }
    return j;
  }

  /** The end of a quoted literal or identifier, where a doubled quote is the quote itself. */
  private int quotedEnd(int i, char quote, boolean backslashEscapes) {
    int j = i + 1;
    while (j < text.length()) {
      char c = text.charAt(j);
      if (backslashEscapes && c == '\\') {
        j += 2;
      } else if (c == quote) {
        if (j + 1 < text.length() && text.charAt(j + 1) == quote) {
          j += 2;
        } else {
          return j + 1;
        }
      } else {
        j++;
      }
    }
    return j;
  }

  /**
   * The opening tag of a PostgreSQL dollar-quoted string at {@code i} ({@code $$} or {@code
   * $name$}), or {@code null}: not {@code $1}, and not a {@code $} inside an identifier.
   */
  private String dollarTag(int i) {
    if (i > 0 && isWordPart(text.charAt(i - 1))) {
      return null;
    }
    int j = i + 1;
    if (j < text.length() && Character.isDigit(text.charAt(j))) {
      return null;
    }
    while (j < text.length() && text.charAt(j) != '$') {
      char c = text.charAt(j);
      if (!(Character.isLetterOrDigit(c) || c == '_')) {
        return null;
      }
      j++;
    }
    return j < text.length() ? text.substring(i, j + 1) : null;
  }

  /** PostgreSQL's {@code E'...'}: the {@code E} a word of its own. */
  private boolean isEscapeStringPrefix(int i) {
    return i >= 0
        && (text.charAt(i) == 'E' || text.charAt(i) == 'e')
        && (i == 0 || !isWordPart(text.charAt(i - 1)));
  }

  private int skipWordPart(int i) {
    int j = i + 1;
    while (j < text.length() && isWordPart(text.charAt(j))) {
      j++;
    }
    return j;
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
