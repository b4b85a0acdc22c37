package dev.migrata.internal.backends.base;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a backend can do with indexes and unique constraints beyond plain ones (Django's {@code
 * supports_covering_indexes}, {@code supports_expression_indexes}, {@code
 * supports_deferrable_unique_constraints}, {@code supports_nulls_distinct_unique_constraints}, and
 * the PostgreSQL-only operator classes and index access methods), from the vendor and the server
 * version.
 *
 * @param coveringIndexes {@code INCLUDE (...)}: PostgreSQL
 * @param expressionIndexes indexes over expressions: PostgreSQL, SQLite, MySQL 8.0.13+ (not
 *     MariaDB)
 * @param deferrableUnique deferrable unique constraints: PostgreSQL
 * @param nullsDistinct {@code NULLS [NOT] DISTINCT}: PostgreSQL 15+
 * @param opclasses operator classes on index columns: PostgreSQL
 * @param indexTypes {@code USING gin} and the other access methods: PostgreSQL
 */
public record IndexFeatures(
    boolean coveringIndexes,
    boolean expressionIndexes,
    boolean deferrableUnique,
    boolean nullsDistinct,
    boolean opclasses,
    boolean indexTypes) {
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

  /**
   * @param vendor {@code postgresql}, {@code mysql} (MariaDB included) or {@code sqlite}
   * @param serverVersion the server's version string, or {@code null} for the newest server
   */
  public static IndexFeatures of(String vendor, String serverVersion) {
    switch (vendor) {
      case "postgresql":
        return new IndexFeatures(true, true, true, atLeast(serverVersion, 15, 0, 0), true, true);
      case "mysql":
        boolean mariadb =
            serverVersion != null && serverVersion.toLowerCase(Locale.ROOT).contains("mariadb");
        boolean expressions = !mariadb && atLeast(serverVersion, 8, 0, 13);
        return new IndexFeatures(false, expressions, false, false, false, false);
      default:
        return new IndexFeatures(false, true, false, false, false, false);
    }
  }

  private static boolean atLeast(String version, int major, int minor, int patch) {
    if (version == null) {
      return true;
    }
    Matcher m = VERSION.matcher(version);
    if (!m.find()) {
      return true;
    }
    int[] have = {
      Integer.parseInt(m.group(1)),
      Integer.parseInt(m.group(2)),
      m.group(3) == null ? 0 : Integer.parseInt(m.group(3))
    };
    return java.util.Arrays.compare(have, new int[] {major, minor, patch}) >= 0;
  }
}
