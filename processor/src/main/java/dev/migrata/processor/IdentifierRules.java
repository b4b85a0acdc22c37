package dev.migrata.processor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What every backend can hold as a table, column, index or constraint name. Checked against all
 * backends, since a model compiled today may be migrated on any of them; PostgreSQL silently
 * truncates a longer name (two names can then collide), the others refuse the migration.
 */
final class IdentifierRules {
  static final int POSTGRESQL_MAX_BYTES = 63;
  static final int MYSQL_MAX_CHARS = 64;

  private IdentifierRules() {}

  /** The rules {@code name} breaks, as clauses naming the backend ("" when it breaks none). */
  static String broken(String name, boolean index) {
    List<String> rules = new ArrayList<>();
    if (name.isEmpty()) {
      return "no backend accepts an empty name";
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > POSTGRESQL_MAX_BYTES) {
      rules.add(
          "PostgreSQL holds at most " + POSTGRESQL_MAX_BYTES + " bytes (it has " + bytes + ")");
    }
    int chars = name.codePointCount(0, name.length());
    if (chars > MYSQL_MAX_CHARS) {
      rules.add(
          "MySQL and MariaDB hold at most "
              + MYSQL_MAX_CHARS
              + " characters (it has "
              + chars
              + ")");
    }
    if (name.indexOf('\0') >= 0) {
      rules.add("PostgreSQL and MySQL refuse the NUL character");
    }
    if (name.indexOf('"') >= 0) {
      rules.add("PostgreSQL and SQLite quote names with \", so it cannot be inside one");
    }
    if (name.indexOf('`') >= 0) {
      rules.add("MySQL and MariaDB quote names with `, so it cannot be inside one");
    }
    if (name.endsWith(" ")) {
      rules.add("MySQL and MariaDB refuse names that end with a space");
    }
    // Fewer code points than chars: a surrogate pair, i.e. a supplementary character.
    if (name.codePointCount(0, name.length()) != name.length()) {
      rules.add("MySQL and MariaDB hold no 4-byte (supplementary) characters in names");
    }
    if (index && name.equalsIgnoreCase("PRIMARY")) {
      rules.add("MySQL and MariaDB reserve PRIMARY for the primary key");
    }
    if (name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
      rules.add("SQLite reserves names that start with sqlite_");
    }
    return String.join("; ", rules);
  }
}
