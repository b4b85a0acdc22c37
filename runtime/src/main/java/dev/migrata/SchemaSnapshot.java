package dev.migrata;

import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.schema.SchemaCheck;
import dev.migrata.internal.schema.TableShape;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live schema at one moment ({@link Migrata#schemaSnapshot()}): every table but the history
 * table, with its columns (types as the server spells them, nullability), primary key, indexes,
 * unique constraints, foreign keys and checks. Two snapshots of one database compare exactly, so
 * that a migration applied and unapplied can be shown to leave the schema as it found it.
 */
public final class SchemaSnapshot {
  private final Map<String, TableShape> tables;
  private final boolean databaseIndexesForeignKeys;

  SchemaSnapshot(Map<String, TableShape> tables, boolean databaseIndexesForeignKeys) {
    this.tables = new LinkedHashMap<>(tables);
    this.databaseIndexesForeignKeys = databaseIndexesForeignKeys;
  }

  /** The live schema of {@code connection} now. */
  static SchemaSnapshot read(Backend backend, Connection connection) throws SQLException {
    return new SchemaSnapshot(
        SchemaCheck.read(backend, connection), SchemaCheck.indexesForeignKeys(backend, connection));
  }

  /** The tables, sorted as the database lists them. */
  public List<String> tables() {
    return new ArrayList<>(tables.keySet());
  }

  /**
   * How this snapshot differs from {@code earlier}: what is gone, new or changed; empty if none. On
   * MySQL and MariaDB a foreign key's own single-column index is not compared: InnoDB needs one,
   * and dropping a unique constraint that starts with the key leaves one behind, as in Django.
   */
  public List<SchemaDifference> differencesFrom(SchemaSnapshot earlier) {
    return SchemaCheck.changes(earlier.tables, tables, databaseIndexesForeignKeys);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SchemaSnapshot s && s.tables.equals(tables);
  }

  @Override
  public int hashCode() {
    return tables.hashCode();
  }

  /** One line per table, column, key and index, for a failure message. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    tables
        .values()
        .forEach(
            t -> {
              sb.append("table ").append(t.name()).append(" primary key ").append(t.primaryKey());
              sb.append('\n');
              t.columns().forEach(c -> sb.append("  ").append(c).append('\n'));
              t.indexes().forEach(i -> sb.append("  ").append(i).append('\n'));
              t.foreignKeys().forEach(k -> sb.append("  ").append(k).append('\n'));
              t.checks().forEach(c -> sb.append("  check ").append(c).append('\n'));
            });
    return sb.toString();
  }
}
