package dev.migrata.internal.backends.base;

/**
 * The SQL of every statement a schema editor writes, as templates with {@code {name}} placeholders
 * (Django's {@code sql_*} class attributes of {@code BaseDatabaseSchemaEditor}). The defaults are
 * Django's base templates; a backend's editor changes the ones its SQL differs in when it builds
 * its templates, and never afterwards. A {@code null} template: the backend has no such statement.
 */
public final class SqlTemplates {
  public String createTable = "CREATE TABLE {table} ({definition})";
  public String renameTable = "ALTER TABLE {oldTable} RENAME TO {newTable}";
  public String deleteTable = "DROP TABLE {table} CASCADE";
  public String createColumn = "ALTER TABLE {table} ADD COLUMN {column} {definition}";
  public String alterColumn = "ALTER TABLE {table} {changes}";
  public String alterColumnType = "ALTER COLUMN {column} TYPE {type}";

  /** A type change converting the values (PostgreSQL's {@code USING}); else alterColumnType. */
  public String alterColumnTypeUsing = null;

  public String alterColumnNull = "ALTER COLUMN {column} DROP NOT NULL";
  public String alterColumnNotNull = "ALTER COLUMN {column} SET NOT NULL";
  public String alterColumnDefault = "ALTER COLUMN {column} SET DEFAULT {default}";
  public String alterColumnNoDefault = "ALTER COLUMN {column} DROP DEFAULT";
  public String updateWithDefault =
      "UPDATE {table} SET {column} = {default} WHERE {column} IS NULL";
  public String deleteColumn = "ALTER TABLE {table} DROP COLUMN {column} CASCADE";
  public String renameColumn = "ALTER TABLE {table} RENAME COLUMN {oldColumn} TO {newColumn}";

  /** A rename that restates the column, where {@code RENAME COLUMN} is missing (MySQL 5.7). */
  public String renameColumnChange = null;

  public String checkConstraint = "CHECK ({check})";
  public String constraint = "CONSTRAINT {name} {constraint}";
  public String uniqueConstraint = "UNIQUE{nullsDistinct} ({columns}){deferrable}";
  public String createConstraint = "ALTER TABLE {table} ADD CONSTRAINT {name} {constraint}";
  /** A generated column, after its type (Django's {@code _column_generated_sql}). */
  public String generatedColumn = "GENERATED ALWAYS AS ({expression}) {persistency}";

  /** Whether the backend has VIRTUAL generated columns (PostgreSQL has only STORED, Django 5.2). */
  public boolean virtualGeneratedColumns = true;

  /** Whether a generated column states {@code NULL}/{@code NOT NULL}; MariaDB refuses both. */
  public boolean generatedColumnNullability = true;

  public String deleteConstraint = "ALTER TABLE {table} DROP CONSTRAINT {name}";
  public String deleteCheck = "ALTER TABLE {table} DROP CONSTRAINT {name}";
  public String deleteUnique = "ALTER TABLE {table} DROP CONSTRAINT {name}";

  /** Renames a unique constraint; {@code null} where it is an index renamed as one. */
  public String renameConstraint = null;

  /** An inline foreign key after the column type; {@code null} where FKs are added separately. */
  public String createInlineFk = null;

  public String createFk =
      "ALTER TABLE {table} ADD CONSTRAINT {name} FOREIGN KEY ({column}) REFERENCES {toTable}"
          + " ({toColumn}){onDelete}{deferrable}";
  public String deleteFk = "ALTER TABLE {table} DROP CONSTRAINT {name}";
  public String deferrable = " DEFERRABLE INITIALLY DEFERRED";

  /** {@code {using}} and {@code {include}} are empty except on PostgreSQL (see IndexSql). */
  public String createIndex =
      "CREATE INDEX {name} ON {table}{using} ({columns}){include}{condition}";

  public String createUniqueIndex =
      "CREATE UNIQUE INDEX {name} ON {table}{using} ({columns}){include}{nullsDistinct}"
          + "{condition}";
  public String indexCondition = " WHERE {condition}";
  public String deleteIndex = "DROP INDEX {name}";
  public String renameIndex = "ALTER INDEX {oldName} RENAME TO {newName}";
  public String tableComment = "COMMENT ON TABLE {table} IS {comment}";

  /** A column comment as its own statement; {@code null} where there is none or it is inline. */
  public String columnComment = null;

  /** A column comment inside the column definition (MySQL); {@code null} elsewhere. */
  public String inlineColumnComment = null;

  /** What a removed comment is set to: {@code NULL}, or {@code ''} where NULL is refused. */
  public String noComment = "NULL";

  /** Fills {@code {key}} placeholders; {@code keysAndValues} alternate key, value. */
  public static String format(String template, String... keysAndValues) {
    String out = template;
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out = out.replace("{" + keysAndValues[i] + "}", keysAndValues[i + 1]);
    }
    return out;
  }
}
