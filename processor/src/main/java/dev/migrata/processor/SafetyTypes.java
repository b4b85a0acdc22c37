package dev.migrata.processor;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which column changes make a backend rewrite or copy the table, and which database defaults are
 * volatile (evaluated per row). PostgreSQL keeps a varchar that only grows, a varchar that becomes
 * text and a numeric whose precision only grows (scale kept) without a rewrite; MySQL and MariaDB
 * grow a varchar in place only while its length prefix keeps its size (up to 255 bytes, or beyond
 * on both sides), counting 4 bytes per utf8mb4 character.
 */
final class SafetyTypes {
  /** PostgreSQL's volatile functions that users put in defaults; now() and friends are stable. */
  private static final List<String> VOLATILE =
      List.of(
          "gen_random_uuid",
          "uuid_generate_v1",
          "uuid_generate_v4",
          "random",
          "clock_timestamp",
          "timeofday",
          "nextval",
          "txid_current");

  private static final int MYSQL_BYTES_PER_CHAR = 4;
  private static final int MYSQL_SHORT_PREFIX_LIMIT = 255;

  private SafetyTypes() {}

  /** The volatile function {@code dbDefault} calls, or null (a constant or a stable function). */
  static String volatileFunction(String dbDefault) {
    if (dbDefault == null) {
      return null;
    }
    String sql = dbDefault.toLowerCase(Locale.ROOT);
    for (String f : VOLATILE) {
      if (sql.matches("(?s).*\\b" + f + "\\s*\\(.*")) {
        return f + "()";
      }
    }
    return null;
  }

  /** Whether the column's type changes at all (not its nullability, default or comment). */
  static boolean typeChanges(FieldState old, FieldState f) {
    if (old.isRelation() && f.isRelation()) {
      return false; // the column keeps the target's key type; the constraint rule covers it
    }
    return !Objects.equals(old.type(), f.type())
        || !Objects.equals(old.maxLength(), f.maxLength())
        || !Objects.equals(old.precision(), f.precision())
        || !Objects.equals(old.scale(), f.scale())
        || !Objects.equals(old.args(), f.args());
  }

  static boolean rewritesOnPostgres(FieldState old, FieldState f) {
    if (!typeChanges(old, f)) {
      return false;
    }
    FieldType from = old.fieldType();
    FieldType to = f.fieldType();
    if (from == FieldType.CHAR && to == FieldType.CHAR) {
      return f.maxLength() != null && (old.maxLength() == null || f.maxLength() < old.maxLength());
    }
    if (from == FieldType.CHAR && to == FieldType.TEXT) {
      return false;
    }
    if (from == FieldType.DECIMAL && to == FieldType.DECIMAL) {
      return !Objects.equals(old.scale(), f.scale())
          || old.precision() == null
          || f.precision() == null
          || f.precision() < old.precision();
    }
    return true;
  }

  static boolean copiesOnMysql(FieldState old, FieldState f) {
    if (!typeChanges(old, f)) {
      return false;
    }
    if (old.fieldType() == FieldType.CHAR
        && f.fieldType() == FieldType.CHAR
        && old.maxLength() != null
        && f.maxLength() != null
        && f.maxLength() >= old.maxLength()) {
      boolean shortBefore = old.maxLength() * MYSQL_BYTES_PER_CHAR <= MYSQL_SHORT_PREFIX_LIMIT;
      boolean shortAfter = f.maxLength() * MYSQL_BYTES_PER_CHAR <= MYSQL_SHORT_PREFIX_LIMIT;
      return shortBefore != shortAfter;
    }
    return true;
  }

  /** {@code CharField(maxLength = 100)}, {@code DecimalField(10, 2)}, {@code IntegerField}. */
  static String describe(FieldState f) {
    StringBuilder s = new StringBuilder(f.type());
    if (f.maxLength() != null) {
      s.append("(maxLength = ").append(f.maxLength()).append(')');
    } else if (f.precision() != null) {
      s.append('(').append(f.precision()).append(", ").append(f.scale()).append(')');
    }
    return s.toString();
  }
}
