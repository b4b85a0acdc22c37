package dev.migrata.internal.backends;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's and MariaDB's schema editor (Django's {@code mysql/schema.py}). DDL commits implicitly,
 * so nothing here is atomic ({@link #canRollbackDdl}); a failed migration stays partly applied
 * and the executor says exactly how far it got. Columns change with {@code MODIFY}, which restates
 * the whole definition; InnoDB indexes foreign keys itself, so they get no index of their own.
 * Where MySQL and MariaDB differ, the server's version decides.
 */
class MysqlSchemaEditor extends BaseSchemaEditor {
  @Override
  protected String vendor() {
    return "mysql";
  }

  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

  /** The server, read once per editor; the newest of each when there is no connection. */
  private final boolean mariadb;

  private final int[] version;

  MysqlSchemaEditor(Connection connection, boolean collect) {
    this(connection, collect, serverVersion(connection));
  }

  /** For a known server version string, e.g. {@code 10.4.32-MariaDB} or {@code 5.7.44}. */
  MysqlSchemaEditor(Connection connection, boolean collect, String v) {
    super(connection, collect);
    mariadb = v.toLowerCase(Locale.ROOT).contains("mariadb");
    version = parse(v);
    sqlCreateTable = "CREATE TABLE {table} ({definition}) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    sqlRenameTable = "RENAME TABLE {oldTable} TO {newTable}";
    sqlDeleteTable = "DROP TABLE {table}";
    sqlDeleteColumn = "ALTER TABLE {table} DROP COLUMN {column}";
    sqlAlterColumnType = "MODIFY {column} {type}";
    sqlAlterColumnNull = "MODIFY {column} {type} NULL";
    sqlAlterColumnNotNull = "MODIFY {column} {type} NOT NULL";
    sqlDeleteFk = "ALTER TABLE {table} DROP FOREIGN KEY {name}";
    sqlDeleteUnique = "ALTER TABLE {table} DROP INDEX {name}";
    sqlDeleteIndex = "DROP INDEX {name} ON {table}";
    sqlRenameIndex = "ALTER TABLE {table} RENAME INDEX {oldName} TO {newName}";
    sqlDeleteCheck =
        mariadb
            ? "ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {name}"
            : "ALTER TABLE {table} DROP CHECK {name}";
    sqlDeferrable = "";
    sqlTableComment = "ALTER TABLE {table} COMMENT = {comment}";
  }

  private static String serverVersion(Connection connection) {
    if (connection == null) {
      return "8.4.0";
    }
    try (PreparedStatement ps = connection.prepareStatement("SELECT VERSION()");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : "8.4.0";
    } catch (SQLException e) {
      throw new SchemaException("SELECT VERSION()", e);
    }
  }

  private static int[] parse(String v) {
    Matcher m = VERSION.matcher(v);
    if (!m.find()) {
      return new int[] {8, 4, 0};
    }
    return new int[] {
      Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))
    };
  }

  private boolean atLeast(int major, int minor, int patch) {
    return java.util.Arrays.compare(version, new int[] {major, minor, patch}) >= 0;
  }

  /** {@code RENAME COLUMN} came with MariaDB 10.5.2 and MySQL 8.0. */
  boolean canRenameColumn() {
    return mariadb ? atLeast(10, 5, 2) : atLeast(8, 0, 0);
  }

  @Override
  public boolean canRollbackDdl() {
    return false;
  }

  @Override
  public int maxNameLength() {
    return 64;
  }

  @Override
  public String quoteName(String name) {
    if (name.startsWith("`") && name.endsWith("`")) {
      return name;
    }
    return '`' + name.replace("`", "``") + '`';
  }

  @Override
  protected String quoteString(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  @Override
  protected String dataType(FieldType type, FieldState field) {
    switch (type) {
      case AUTO:
        return "integer AUTO_INCREMENT";
      case BIG_AUTO:
        return "bigint AUTO_INCREMENT";
      case INTEGER:
        return "integer";
      case BIG_INTEGER:
      case DURATION:
        return "bigint";
      case SMALL_INTEGER:
        return "smallint";
      case BINARY:
        return "longblob";
      case BOOLEAN:
        return "bool";
      case CHAR:
        if (field.maxLength() == null) {
          throw new IllegalArgumentException(
              "Field '" + field.name() + "' is a CharField without maxLength, which MySQL"
                  + " cannot store as varchar; give it a maxLength or make it a TextField.");
        }
        return "varchar(" + field.maxLength() + ")";
      case TEXT:
        return "longtext";
      case JSON:
        return "json";
      case DATE:
        return "date";
      case TIME:
        return "time(6)";
      case DATE_TIME:
      case LOCAL_DATE_TIME:
        return "datetime(6)";
      case DECIMAL:
        return "numeric(" + field.precision() + ", " + field.scale() + ")";
      case FLOAT:
        return "double precision";
      case UUID:
        return "char(32)";
      default:
        throw new IllegalArgumentException(
            "Field '" + field.name() + "' of type " + field.type() + " has no column.");
    }
  }

  /** A reference to an auto key is a plain integer (Django's rel_db_type). */
  @Override
  protected String relDataType(FieldState target) {
    FieldType type = target.fieldType();
    if (type == FieldType.BIG_AUTO) {
      return "bigint";
    }
    if (type == FieldType.AUTO) {
      return "integer";
    }
    return ownDataType(target);
  }

  @Override
  protected String booleanLiteral(boolean value) {
    return value ? "1" : "0";
  }

  /** UUIDs are {@code char(32)}: hex digits without dashes. */
  @Override
  protected boolean hasNativeUuid() {
    return false;
  }

  /** {@code COMMENT = NULL} is a syntax error; an empty comment is none (as Django writes). */
  @Override
  protected String noComment() {
    return "''";
  }

  /** Column comments are part of the definition on MySQL. */
  @Override
  protected String columnDefinition(ProjectState state, FieldState field, boolean includeDefault) {
    String definition = super.columnDefinition(state, field, includeDefault);
    return field.comment() == null ? definition : definition + " COMMENT " + quoteString(field.comment());
  }

  /**
   * MySQL and MariaDB have no partial indexes; Django skips a conditional unique constraint there
   * (its condition is enforced nowhere), and so does Migrata.
   */
  @Override
  public void addConstraint(ProjectState state, ModelState model, ConstraintState constraint) {
    if (constraint.isCheck() || constraint.condition() == null) {
      super.addConstraint(state, model, constraint);
    }
  }

  @Override
  public void removeConstraint(ProjectState state, ModelState model, ConstraintState constraint) {
    if (constraint.isCheck() || constraint.condition() == null) {
      if (!constraint.isCheck()) {
        createMissingForeignKeyIndex(model, constraint.fields());
      }
      super.removeConstraint(state, model, constraint);
    }
  }

  /**
   * Django's {@code _create_missing_fk_index}: InnoDB lets a foreign key use any index that starts
   * with its column and then refuses to drop that index ("needed in a foreign key constraint").
   * Before dropping an index or unique constraint whose first field is a foreign key, give the
   * key an index of its own when the one being dropped is the only one starting with its column.
   */
  private void createMissingForeignKeyIndex(ModelState model, List<String> fields) {
    if (fields.isEmpty() || collect || connection == null) {
      return;
    }
    String first = fields.get(0);
    FieldState field = model.field(first.startsWith("-") ? first.substring(1) : first);
    if (field == null || !isForeignKey(field)) {
      return;
    }
    String table = model.tableName();
    int indexes;
    String sql =
        "SELECT count(DISTINCT index_name) FROM information_schema.statistics"
            + " WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?"
            + " AND seq_in_index = 1";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, table);
      ps.setString(2, field.columnName());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        indexes = rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new SchemaException(sql, e);
    }
    if (indexes == 1) {
      execute(
          format(
              sqlCreateIndex,
              "name", quoteName(fieldIndexName(table, field)),
              "table", quoteName(table),
              "columns", quoteName(field.columnName()),
              "extra", "",
              "condition", ""));
    }
  }

  @Override
  protected void deferTableExtras(ProjectState state, ModelState model) {
    super.deferTableExtras(
        state,
        model
            .withIndexes(without(model.indexes(), i -> i.condition() != null))
            .withConstraints(
                without(model.constraints(), c -> !c.isCheck() && c.condition() != null)));
  }

  @Override
  public void addIndex(ProjectState state, ModelState model, IndexState index) {
    if (index.condition() == null) {
      super.addIndex(state, model, index);
    }
  }

  @Override
  public void removeIndex(ProjectState state, ModelState model, IndexState index) {
    if (index.condition() == null) {
      createMissingForeignKeyIndex(model, index.fields());
      super.removeIndex(state, model, index);
    }
  }

  /** InnoDB creates the index a foreign key needs, named as the constraint. */
  @Override
  protected boolean needsFieldIndex(FieldState field) {
    return super.needsFieldIndex(field) && !isForeignKey(field);
  }

  @Override
  protected String renameColumnSql(
      String table, String oldColumn, String newColumn, ProjectState state, FieldState field) {
    if (canRenameColumn()) {
      return super.renameColumnSql(table, oldColumn, newColumn, state, field);
    }
    return "ALTER TABLE " + quoteName(table) + " CHANGE " + quoteName(oldColumn) + " "
        + quoteName(newColumn) + " " + modifyDefinition(state, field);
  }

  /**
   * What {@code MODIFY} restates: type, database default, nullability, comment — without the key
   * and unique clauses, which the column keeps.
   */
  private String modifyDefinition(ProjectState state, FieldState field) {
    StringBuilder sql = new StringBuilder(columnType(state, field));
    if (field.dbDefault() != null) {
      sql.append(" DEFAULT ").append(field.dbDefault());
    }
    sql.append(field.nullable() ? " NULL" : " NOT NULL");
    if (field.comment() != null) {
      sql.append(" COMMENT ").append(quoteString(field.comment()));
    }
    return sql.toString();
  }

  /**
   * One {@code MODIFY} with the whole new definition: MySQL has no separate SET NOT NULL, and a
   * partial MODIFY would drop the default and comment. NULLs get the default first.
   */
  @Override
  protected void alterColumn(
      String table,
      ProjectState fromState,
      FieldState oldField,
      ProjectState toState,
      FieldState newField,
      String oldType,
      String newType) {
    String fill = effectiveDefault(toState, newField);
    if (oldField.nullable() && !newField.nullable() && fill != null) {
      fillNulls(table, newField, fill);
    }
    boolean changed =
        !oldType.equals(newType)
            || oldField.nullable() != newField.nullable()
            || !Objects.equals(oldField.dbDefault(), newField.dbDefault())
            || !Objects.equals(oldField.comment(), newField.comment());
    if (changed) {
      execute(
          "ALTER TABLE " + quoteName(table) + " MODIFY " + quoteName(newField.columnName()) + " "
              + modifyDefinition(toState, newField));
    }
  }

  /** {@code MODIFY} restates the whole column: the referring column keeps its null and comment. */
  @Override
  protected void alterReferringColumn(
      String table,
      ProjectState fromState,
      FieldState oldField,
      ProjectState toState,
      FieldState newField) {
    execute(
        "ALTER TABLE " + quoteName(table) + " MODIFY " + quoteName(newField.columnName()) + " "
            + modifyDefinition(toState, newField));
  }

  /** MySQL refuses to drop a column its foreign key uses (Django drops the FK first, too). */
  @Override
  protected void beforeDropColumn(ProjectState state, ModelState model, FieldState field) {
    if (!isForeignKey(field)) {
      return;
    }
    String table = model.tableName();
    ModelState target = state.model(field.to());
    String computed =
        target == null
            ? null
            : foreignKeyName(table, field, target.tableName(), targetField(state, field).columnName());
    String name = existingName(table, field.columnName(), NameKind.FOREIGN_KEY, computed);
    if (name != null) {
      dropForeignKey(table, name);
    }
  }

  // ---------------------------------------------------------------- introspection

  @Override
  protected String existingName(String table, String column, NameKind kind, String computed) {
    if (collect || connection == null) {
      return computed;
    }
    String sql;
    if (kind == NameKind.FOREIGN_KEY) {
      sql =
          "SELECT constraint_name FROM information_schema.key_column_usage"
              + " WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?"
              + " AND referenced_table_name IS NOT NULL";
    } else {
      // Single-column indexes on the column: unique ones for UNIQUE, the others for INDEX.
      sql =
          "SELECT s.index_name FROM information_schema.statistics s"
              + " WHERE s.table_schema = DATABASE() AND s.table_name = ? AND s.column_name = ?"
              + " AND s.index_name <> 'PRIMARY' AND s.non_unique = "
              + (kind == NameKind.UNIQUE ? "0" : "1")
              + " AND (SELECT count(*) FROM information_schema.statistics o"
              + " WHERE o.table_schema = s.table_schema AND o.table_name = s.table_name"
              + " AND o.index_name = s.index_name) = 1";
    }
    List<String> names = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, table);
      ps.setString(2, column);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new SchemaException(sql, e);
    }
    if ((computed != null && names.contains(computed)) || names.size() != 1) {
      return computed;
    }
    return names.get(0);
  }
}
