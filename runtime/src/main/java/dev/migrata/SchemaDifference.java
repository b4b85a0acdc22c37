package dev.migrata;

/**
 * One way the live schema differs from another: from what the applied migrations describe ({@link
 * Migrata#checkSchema()}, {@code migrate --check-schema}), or from an earlier {@link
 * SchemaSnapshot}.
 *
 * @param table the table it is about
 * @param column the column it is about, or {@code null} when it is about the table (its primary
 *     key, a multi-column index, a check)
 * @param description what differs, e.g. {@code type is text, the applied migrations describe
 *     varchar(200)}
 */
public record SchemaDifference(String table, String column, String description) {
  /** One line: {@code catalog_book.title: column is missing}. */
  @Override
  public String toString() {
    return table + (column == null ? "" : "." + column) + ": " + description;
  }
}
