package dev.migrata.processor;

import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which column changes make a backend rewrite or copy the table, and which database defaults are
 * volatile (evaluated per row). Columns compare by their type per backend, not by the Django type's
 * name. PostgreSQL keeps a varchar that only grows, a varchar that becomes text and a numeric whose
 * precision only grows (scale kept) without a rewrite; MySQL and MariaDB grow a varchar in place
 * only while its length prefix keeps its size (up to 255 bytes, or beyond on both sides), counting
 * 4 bytes per utf8mb4 character.
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

  /**
   * Whether the column's type changes at all (not its nullability, default or comment). The types
   * by name that are a varchar on every backend (Django's data_types: {@code EmailField}, {@code
   * URLField}, {@code SlugField}, {@code FileField}, {@code ImageField} and {@code CharField} are
   * all {@code varchar(max_length)}) compare by their column, so {@code CharField(maxLength = 254)}
   * to {@code EmailField} changes nothing.
   */
  static boolean typeChanges(FieldState old, FieldState f) {
    if (old.isRelation() && f.isRelation()) {
      return false; // the column keeps the target's key type; the constraint rule covers it
    }
    if (isVarchar(old) && isVarchar(f)) {
      return !Objects.equals(varcharLength(old), varcharLength(f))
          || !Objects.equals(old.args(), f.args());
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
    if (isVarchar(old) && isVarchar(f)) {
      Integer before = varcharLength(old);
      Integer after = varcharLength(f);
      return after != null && (before == null || after < before);
    }
    if (isVarchar(old) && to == FieldType.TEXT) {
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
    Integer before = isVarchar(old) ? varcharLength(old) : null;
    Integer after = isVarchar(f) ? varcharLength(f) : null;
    if (before != null && after != null && after >= before) {
      boolean shortBefore = before * MYSQL_BYTES_PER_CHAR <= MYSQL_SHORT_PREFIX_LIMIT;
      boolean shortAfter = after * MYSQL_BYTES_PER_CHAR <= MYSQL_SHORT_PREFIX_LIMIT;
      return shortBefore != shortAfter;
    }
    return true;
  }

  /**
   * A {@code varchar} column on every backend; {@code GenericIPAddressField} is left out, as
   * PostgreSQL makes it an {@code inet} and MySQL a {@code char(39)}.
   */
  private static boolean isVarchar(FieldState f) {
    FieldType t = f.fieldType();
    return t != null && t.isSizedText() && t != FieldType.GENERIC_IP;
  }

  /** The varchar's length: its maxLength, else its type's default; null for an unbounded one. */
  private static Integer varcharLength(FieldState f) {
    return f.maxLength() != null ? f.maxLength() : f.fieldType().defaultMaxLength();
  }

  /** {@code CharField(maxLength = 100)}, {@code DecimalField(10, 2)}, {@code IntegerField}. */
  static String describe(FieldState f) {
    StringBuilder s = new StringBuilder(f.type());
    Integer length = isVarchar(f) ? varcharLength(f) : f.maxLength();
    if (length != null) {
      s.append("(maxLength = ").append(length).append(')');
    } else if (f.precision() != null) {
      s.append('(').append(f.precision()).append(", ").append(f.scale()).append(')');
    }
    return s.toString();
  }
}
