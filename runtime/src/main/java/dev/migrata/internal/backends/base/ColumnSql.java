package dev.migrata.internal.backends.base;

import static dev.migrata.internal.backends.base.SqlTemplates.format;

import dev.migrata.fields.CustomFieldTypes;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.GeneratedExpression;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import dev.migrata.internal.state.ProjectState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Column types and definitions, and the {@code CREATE TABLE} statement (Django's {@code db_type},
 * {@code column_sql} and {@code table_sql}), from one backend's {@link DataTypes}, {@link
 * SqlTemplates} and {@link Quoting}.
 */
public final class ColumnSql {
  /** SPEC §5: Migrata has no ORM to emulate on_delete, so it reaches the database. */
  private static final Map<String, String> ON_DELETE =
      Map.of(
          "CASCADE", " ON DELETE CASCADE",
          "SET_NULL", " ON DELETE SET NULL",
          "SET_DEFAULT", " ON DELETE SET DEFAULT",
          "PROTECT", " ON DELETE RESTRICT",
          "RESTRICT", " ON DELETE RESTRICT");

  private final DataTypes types;
  private final SqlTemplates sql;
  private final Quoting quoting;
  private final int maxNameLength;
  private final boolean deferrableUnique;

  public ColumnSql(DataTypes types, SqlTemplates sql, Quoting quoting, int maxNameLength) {
    this.types = types;
    this.sql = sql;
    this.quoting = quoting;
    this.maxNameLength = maxNameLength;
    this.deferrableUnique = IndexFeatures.of(quoting.vendor(), null).deferrableUnique();
  }

  /** The name {@code c} has in the database (a long unique_together name is shortened). */
  public String constraintName(ModelState model, ConstraintState c) {
    if (c.isCheck()) {
      return c.name();
    }
    List<String> cols = new ArrayList<>();
    for (String ref : c.fields()) {
      cols.add(model.columnOf(ref));
    }
    return Names.onBackend(c.name(), model.tableName(), cols, maxNameLength);
  }

  /** The column type of {@code field}'s own type: a custom type's class, else the backend's. */
  public String ownType(FieldState field) {
    FieldType type = field.fieldType();
    if (type == null) {
      return CustomFieldTypes.load(field.type())
          .columnType(quoting.vendor(), CustomFieldTypes.arguments(field.args()));
    }
    return types.of(type, field);
  }

  /**
   * The check every column of the field's type has ({@code "col" >= 0} of a positive integer,
   * Django's {@code db_check}), or {@code null}; {@link #typeCheckTemplate} is the same with {@code
   * {column}} unfilled, which compares equal across a column rename (Django's {@code
   * _field_db_check} with its mocked column name).
   */
  public String typeCheck(FieldState field) {
    String check = typeCheckTemplate(field);
    return check == null ? null : check.replace("{column}", quoting.name(field.columnName()));
  }

  public String typeCheckTemplate(FieldState field) {
    return types.check(field.fieldType());
  }

  /** What a column referring to {@code target} (a foreign key) is declared as. */
  public String relType(FieldState target) {
    String rel = target.fieldType() == null ? null : types.rel(target.fieldType(), target);
    return rel != null ? rel : ownType(target);
  }

  /** The type of a column, resolving a foreign key to its target key's type. */
  public String type(ProjectState state, FieldState field) {
    if (Fields.isForeignKey(field)) {
      Fields.targetModel(state, field);
      FieldState target = Fields.targetField(state, field);
      if (target == null) {
        throw new IllegalStateException(
            "Field '" + field.name() + "' refers to a missing field of '" + field.to() + "'.");
      }
      if (Fields.isForeignKey(target)) {
        // A key that is itself a relation (a multi-table child's <parent>_ptr): Django's
        // rel_db_type follows it to the column it finally refers to.
        return type(state, target);
      }
      return relType(target);
    }
    return ownType(field);
  }

  /**
   * The column definition after the quoted column name (Django's column_sql): type, DB default, the
   * literal default if {@code includeDefault}, nullability, key, unique, type suffix, the inline
   * foreign key and the inline comment where the backend has them.
   */
  public String definition(ProjectState state, FieldState field, boolean includeDefault) {
    return definition(state, null, field, includeDefault);
  }

  /**
   * As {@link #definition(ProjectState, FieldState, boolean)}, for a field of {@code model}: a
   * generated column's expression names the model's columns, so it needs the model.
   */
  public String definition(
      ProjectState state, ModelState model, FieldState field, boolean includeDefault) {
    if (field.isGenerated()) {
      return generatedDefinition(state, model, field);
    }
    List<String> parts = new ArrayList<>();
    parts.add(type(state, field));
    if (field.dbDefault() != null) {
      parts.add("DEFAULT " + field.dbDefault());
    }
    String literalDefault = includeDefault ? quoting.effectiveDefault(state, field) : null;
    if (literalDefault != null) {
      parts.add("DEFAULT " + literalDefault);
    }
    parts.add(field.nullable() ? "NULL" : "NOT NULL");
    if (field.primaryKey()) {
      parts.add("PRIMARY KEY");
    } else if (Fields.isUnique(field)) {
      parts.add("UNIQUE");
    }
    // Django appends the type's check to the column in table_sql and add_field.
    String check = typeCheck(field);
    if (check != null) {
      parts.add(format(sql.checkConstraint, "check", check));
    }
    String suffix = types.suffix(field.fieldType());
    if (suffix != null) {
      parts.add(suffix);
    }
    if (sql.createInlineFk != null && Fields.hasForeignKeyConstraint(field)) {
      parts.add(inlineForeignKey(state, field));
    }
    if (sql.inlineColumnComment != null && field.comment() != null) {
      parts.add(format(sql.inlineColumnComment, "comment", quoting.string(field.comment())));
    }
    return String.join(" ", parts);
  }

  /**
   * A generated column: type, {@code GENERATED ALWAYS AS (...) STORED|VIRTUAL}, then nullability
   * and keys as for any column; never a default (Django's GeneratedField has none).
   */
  private String generatedDefinition(ProjectState state, ModelState model, FieldState field) {
    if (model == null) {
      throw new IllegalStateException(
          "The generated column '" + field.name() + "' needs its model to render.");
    }
    if (!field.persisted() && !sql.virtualGeneratedColumns) {
      throw new IllegalStateException(
          "[fields.E221] "
              + quoting.vendor()
              + " does not support non-persisted GeneratedFields:"
              + " the generated field '"
              + field.name()
              + "' of '"
              + model.name()
              + "' is VIRTUAL. Make it persisted (STORED) in a new migration.");
    }
    List<String> parts = new ArrayList<>();
    parts.add(type(state, field));
    parts.add(
        format(
            sql.generatedColumn,
            "expression",
            generatedExpression(model, field),
            "persistency",
            field.persisted() ? "STORED" : "VIRTUAL"));
    if (sql.generatedColumnNullability) {
      parts.add(field.nullable() ? "NULL" : "NOT NULL");
    }
    if (field.primaryKey()) {
      parts.add("PRIMARY KEY");
    } else if (Fields.isUnique(field)) {
      parts.add("UNIQUE");
    }
    if (sql.inlineColumnComment != null && field.comment() != null) {
      parts.add(format(sql.inlineColumnComment, "comment", quoting.string(field.comment())));
    }
    return String.join(" ", parts);
  }

  /**
   * Whether the column as created admits NULL: a generated column is declared without NOT NULL
   * where the backend refuses nullability on one (MySQL, MariaDB), so the database reports it
   * nullable.
   */
  public boolean createdNullable(FieldState field) {
    return field.nullable() || (field.isGenerated() && !sql.generatedColumnNullability);
  }

  /** The expression with each {@code {field}} as the field's quoted column in {@code model}. */
  public String generatedExpression(ModelState model, FieldState field) {
    return GeneratedExpression.render(
        field.generated(),
        name -> {
          FieldState ref = model.field(name);
          if (ref == null) {
            throw new IllegalStateException(
                "The generated column '"
                    + field.name()
                    + "' of '"
                    + model.name()
                    + "' refers to {"
                    + name
                    + "}, which is not one of its fields.");
          }
          return quoting.name(ref.columnName());
        });
  }

  private String inlineForeignKey(ProjectState state, FieldState field) {
    ModelState target = Fields.targetModel(state, field);
    return format(
        sql.createInlineFk,
        "toTable",
        quoting.name(target.tableName()),
        "toColumn",
        quoting.name(Fields.targetField(state, field).columnName()),
        "onDelete",
        onDelete(field),
        "deferrable",
        sql.deferrable);
  }

  /** The {@code ON DELETE} clause of a foreign key, or empty (Django's DO_NOTHING). */
  public String onDelete(FieldState field) {
    String onDelete = field.onDelete() == null ? "" : field.onDelete().toUpperCase(Locale.ROOT);
    return ON_DELETE.getOrDefault(onDelete, "");
  }

  /** The CREATE TABLE statement for {@code model} under the name {@code table}. */
  public String table(ProjectState state, ModelState model, String table) {
    List<String> definitions = new ArrayList<>();
    for (FieldState f : Fields.columnFields(model)) {
      definitions.add(quoting.name(f.columnName()) + " " + definition(state, model, f, false));
    }
    for (ConstraintState c : model.constraints()) {
      String inline = inlineConstraint(model, c);
      if (inline != null) {
        definitions.add(inline);
      }
    }
    return format(
        sql.createTable,
        "table",
        quoting.name(table),
        "definition",
        String.join(", ", definitions));
  }

  /** A constraint inside CREATE TABLE, or {@code null} if it is created as an index. */
  private String inlineConstraint(ModelState model, ConstraintState c) {
    if (c.isCheck()) {
      return format(
          sql.constraint,
          "name",
          quoting.name(c.name()),
          "constraint",
          format(sql.checkConstraint, "check", c.check()));
    }
    // Created after the table, as a unique index or an ALTER TABLE (Django's _unique_sql), or,
    // deferrable where the backend has no such constraints, not at all.
    if (IndexSql.createdAfterTable(c) || (c.deferrable() != null && !deferrableUnique)) {
      return null;
    }
    String deferrable =
        c.deferrable() == null
            ? ""
            : c.deferrable().equals("IMMEDIATE")
                ? " DEFERRABLE INITIALLY IMMEDIATE"
                : " DEFERRABLE INITIALLY DEFERRED";
    return format(
        sql.constraint,
        "name",
        quoting.name(constraintName(model, c)),
        "constraint",
        format(
            sql.uniqueConstraint,
            "nullsDistinct",
            "",
            "columns",
            columnList(model, c.fields()),
            "deferrable",
            deferrable));
  }

  /** The quoted columns of field references; a leading {@code -} orders descending. */
  public String columnList(ModelState model, List<String> fieldRefs) {
    List<String> cols = new ArrayList<>();
    for (String ref : fieldRefs) {
      String col = model.columnOf(ref);
      cols.add(col.startsWith("-") ? quoting.name(col.substring(1)) + " DESC" : quoting.name(col));
    }
    return String.join(", ", cols);
  }
}
