package dev.migrata.internal.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** Django's naming rules: snake_case columns, table names, hashed index and constraint names. */
public final class Names {
  private Names() {}

  /** {@code publishedOn} becomes {@code published_on}; {@code ISBNCode} becomes {@code isbn_code}. */
  public static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean prevLowerOrDigit =
            i > 0
                && (Character.isLowerCase(javaName.charAt(i - 1))
                    || Character.isDigit(javaName.charAt(i - 1)));
        boolean acronymEnd =
            i > 0
                && Character.isUpperCase(javaName.charAt(i - 1))
                && i + 1 < javaName.length()
                && Character.isLowerCase(javaName.charAt(i + 1));
        if (prevLowerOrDigit || acronymEnd) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The default table of a model: {@code <app>_<lowercased class name>}. */
  public static String defaultTable(String app, String modelName) {
    return app + "_" + modelName.toLowerCase(java.util.Locale.ROOT);
  }

  /** The first {@code length} hex digits of the MD5 of the arguments, as Django's names_digest. */
  public static String digest(int length, String... parts) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      for (String part : parts) {
        md5.update(part.getBytes(StandardCharsets.UTF_8));
      }
      StringBuilder hex = new StringBuilder();
      for (byte b : md5.digest()) {
        hex.append(String.format("%02x", b));
      }
      return hex.substring(0, length);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required by every Java platform", e);
    }
  }

  /**
   * Shortens {@code identifier} to {@code length} as Django's truncate_name: keep the head and
   * append four hex digits of its hash.
   */
  public static String truncate(String identifier, int length) {
    if (length <= 0 || identifier.length() <= length) {
      return identifier;
    }
    return identifier.substring(0, length - 4) + digest(4, identifier);
  }

  /**
   * The name Django's {@code Index.set_name_with_model} gives an unnamed index: {@code
   * table[:11]_column[:7]_<digest6>_<suffix>}, at most 30 characters.
   */
  public static String indexName(String table, List<String> columnsWithOrder, String suffix) {
    String[] hashData = new String[columnsWithOrder.size() + 2];
    hashData[0] = table;
    for (int i = 0; i < columnsWithOrder.size(); i++) {
      hashData[i + 1] = columnsWithOrder.get(i);
    }
    hashData[hashData.length - 1] = suffix;
    String firstColumn = columnsWithOrder.get(0);
    if (firstColumn.startsWith("-")) {
      firstColumn = firstColumn.substring(1);
    }
    String name =
        head(table, 11) + "_" + head(firstColumn, 7) + "_" + digest(6, hashData) + "_" + suffix;
    if (name.charAt(0) == '_' || Character.isDigit(name.charAt(0))) {
      name = "D" + name.substring(0, name.length() - 1);
    }
    return name;
  }

  /**
   * Django's {@code _create_index_name}: {@code table_columns_<digest8><suffix>}, shortened to
   * {@code maxLength} keeping the hash. As Django's, the budget of the hash part does not count the
   * {@code _} before it (so a long {@code _fk_...} suffix keeps one character more than if it did).
   */
  public static String schemaName(
      String table, List<String> columns, String suffix, int maxLength) {
    String[] hashData = new String[columns.size() + 1];
    hashData[0] = table;
    for (int i = 0; i < columns.size(); i++) {
      hashData[i + 1] = columns.get(i);
    }
    String hashSuffix = digest(8, hashData) + suffix;
    String name = table + "_" + String.join("_", columns) + "_" + hashSuffix;
    if (name.length() <= maxLength) {
      return name;
    }
    // Django compares with max_length / 3 (a float) and cuts at max_length // 3.
    if (hashSuffix.length() * 3 > maxLength) {
      hashSuffix = hashSuffix.substring(0, maxLength / 3);
    }
    int otherLength = (maxLength - hashSuffix.length()) / 2 - 1;
    name =
        head(table, otherLength)
            + "_"
            + head(String.join("_", columns), otherLength)
            + "_"
            + hashSuffix;
    if (name.charAt(0) == '_' || Character.isDigit(name.charAt(0))) {
      name = "D" + name.substring(0, name.length() - 1);
    }
    return name;
  }

  /** Django's limit where a backend has none ({@code max_name_length() or 200}). */
  public static final int NO_LIMIT = 200;

  /**
   * The name of an unnamed unique over several columns, as Django names a {@code unique_together}
   * ({@code _create_index_name(table, columns, suffix="_uniq")}). Migrations record it as on a
   * backend without a limit; {@link #onBackend} shortens it where the backend's limit is smaller.
   */
  public static String uniqueTogetherName(String table, List<String> columns) {
    return schemaName(table, columns, "_uniq", NO_LIMIT);
  }

  /**
   * The name a constraint has on a backend whose identifiers are at most {@code maxLength}: a
   * recorded {@link #uniqueTogetherName} longer than that is the one Django computes for that
   * backend; any other name is kept as it was written.
   */
  public static String onBackend(String name, String table, List<String> columns, int maxLength) {
    if (name.length() <= maxLength
        || columns.isEmpty()
        || !name.equals(uniqueTogetherName(table, columns))) {
      return name;
    }
    return schemaName(table, columns, "_uniq", maxLength);
  }

  private static String head(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n);
  }
}
