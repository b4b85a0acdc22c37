package dev.migrata.internal.schema;

import java.util.List;

/**
 * One table as a schema comparison sees it: read from the database by a backend's {@code
 * *Introspection}, or derived from the migrations' state by {@link ExpectedSchema}. Names are as
 * the database spells them; where the state cannot know a name (a field's index, a foreign key
 * without {@code constraintName}), it is {@code null} and the comparison goes by columns.
 *
 * @param primaryKey the key's columns in order, empty when the table has none
 * @param checks the names of the table's check constraints
 */
public record TableShape(
    String name,
    List<Column> columns,
    List<String> primaryKey,
    List<Index> indexes,
    List<ForeignKey> foreignKeys,
    List<String> checks) {
  public TableShape {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    indexes = List.copyOf(indexes);
    foreignKeys = List.copyOf(foreignKeys);
    checks = List.copyOf(checks);
  }

  /** A column: its type as written ({@code character varying(200)}, {@code int(11)}). */
  public record Column(String name, String type, boolean nullable) {}

  /**
   * An index, or the index behind a unique constraint (the primary key's is not one).
   *
   * @param partial whether it has a condition
   * @param patternOps PostgreSQL's extra {@code _like} index for {@code LIKE} queries
   */
  public record Index(
      String name, List<String> columns, boolean unique, boolean partial, boolean patternOps) {
    public Index {
      columns = List.copyOf(columns);
    }
  }

  /**
   * A single-column foreign key; {@code name} is {@code null} where SQLite keeps none.
   *
   * @param onDelete the rule as SQL says it: {@code CASCADE}, {@code SET NULL}, {@code SET
   *     DEFAULT}, {@code RESTRICT} or {@code NO ACTION}
   */
  public record ForeignKey(
      String name, String column, String toTable, String toColumn, String onDelete) {}
}
