package dev.migrata.processor;

import static dev.migrata.processor.SafetySettings.Backend.MYSQL;
import static dev.migrata.processor.SafetySettings.Backend.SQLITE;

import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RunSql;
import dev.migrata.internal.operations.SeparateDatabaseAndState;
import dev.migrata.internal.operations.ValidateConstraint;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import dev.migrata.internal.state.ProjectState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The safe form of a foreign key (or one-to-one) added to an existing table. Django has no {@code
 * NOT VALID} for foreign keys, and core's {@code ADD_CONSTRAINT_NOT_VALID} takes checks only, so
 * the processor writes the parts as a reviewer can read them: a {@code SeparateDatabaseAndState}
 * whose database side adds the column as the plain key type it stores (same name, type, index and
 * nullability as the runtime gives the foreign key's column) and the constraint by {@code RunSql}
 * per vendor — {@code NOT VALID} on PostgreSQL, a plain {@code ADD FOREIGN KEY} on MySQL and
 * MariaDB — while its state side is Django's {@code AddField}; the following non-atomic migration
 * validates it. The constraint is named as the runtime's schema editor names it, so a later
 * AlterField or RemoveField finds it.
 *
 * <p>SQLite cannot add a foreign key to an existing column without rebuilding the table, which no
 * vendor-limited {@code RunSql} can ask for: an app that targets SQLite keeps Django's form ({@code
 * migrata.W053} says so).
 */
final class ForeignKeySafeForm {
  private static final int MYSQL_NAME_LENGTH = 64;

  /** The ON DELETE clause the runtime writes for each {@code onDelete} (ColumnSql's). */
  private static final Map<String, String> ON_DELETE =
      Map.of(
          "CASCADE", " ON DELETE CASCADE",
          "SET_NULL", " ON DELETE SET NULL",
          "SET_DEFAULT", " ON DELETE SET DEFAULT",
          "PROTECT", " ON DELETE RESTRICT",
          "RESTRICT", " ON DELETE RESTRICT");

  private ForeignKeySafeForm() {}

  /** Whether {@code f} is a foreign key or one-to-one field (a key column). */
  static boolean applies(FieldState f) {
    return f.fieldType() == FieldType.FOREIGN_KEY || f.fieldType() == FieldType.ONE_TO_ONE;
  }

  /**
   * Whether {@code f} is a key column with a foreign key constraint ({@code dbConstraint}): without
   * one, adding it scans nothing and needs no safe form.
   */
  static boolean constrains(FieldState f) {
    return applies(f) && f.dbConstraint();
  }

  /**
   * The safe form of {@code add} on {@code model} (as in {@code before}), or {@code null} when the
   * target key's type is none this form knows how to store (a custom type, a positive integer whose
   * column type differs per backend, a key that is itself a relation).
   */
  static SafeForms.SafeForm of(
      AddField add, ModelState model, ProjectState before, SafetySettings settings) {
    FieldState f = add.field();
    FieldState key = key(f, before, settings);
    if (key == null) {
      return null;
    }
    Operation column =
        new AddField(
            add.model(), column(f, key, storedType(key.fieldType())), add.preserveDefault());
    return of(add.model(), f, List.of(column), add, model, before, settings);
  }

  /**
   * The safe form of {@code alter}, which makes an existing column a foreign key or points its key
   * at another table: the database side alters the column into the plain key column (dropping an
   * old constraint, changing type, index or nullability as the runtime's AlterField does), then
   * adds the new constraint as {@link #of(AddField, ModelState, ProjectState, SafetySettings)}
   * does.
   */
  static SafeForms.SafeForm of(
      AlterField alter, ModelState model, ProjectState before, SafetySettings settings) {
    FieldState f = alter.field();
    FieldState old = model.field(f.name());
    if (old == null
        || !old.hasColumn()
        || old.primaryKey()
        || !old.columnName().equals(f.columnName())
        || (applies(old) && java.util.Objects.equals(old.to(), f.to()))) {
      return null;
    }
    FieldState key = key(f, before, settings);
    if (key == null) {
      return null;
    }
    FieldState plain = column(f, key, storedType(key.fieldType()));
    List<Operation> database =
        plain.equals(old)
            ? List.of()
            : List.of(new AlterField(alter.model(), plain, alter.preserveDefault()));
    return of(alter.model(), f, database, alter, model, before, settings);
  }

  /** The key {@code f} refers to, when the safe form can be written for it; else {@code null}. */
  private static FieldState key(FieldState f, ProjectState before, SafetySettings settings) {
    if (settings.targets(SQLITE)) {
      return null;
    }
    ModelState target = before.model(f.to());
    if (target == null) {
      return null;
    }
    FieldState key = f.toField() != null ? target.field(f.toField()) : target.primaryKey();
    return key == null || storedType(key.fieldType()) == null ? null : key;
  }

  private static SafeForms.SafeForm of(
      String modelName,
      FieldState f,
      List<Operation> columnOps,
      Operation stateOp,
      ModelState model,
      ProjectState before,
      SafetySettings settings) {
    ModelState target = before.model(f.to());
    FieldState key = f.toField() != null ? target.field(f.toField()) : target.primaryKey();
    String table = model.tableName();
    String column = f.columnName();
    String toTable = target.tableName();
    String toColumn = key.columnName();
    String suffix = "_fk_" + toTable + "_" + toColumn;
    String onDelete =
        ON_DELETE.getOrDefault(
            f.onDelete() == null ? "" : f.onDelete().toUpperCase(Locale.ROOT), "");

    // An explicit name is the runtime's too (at most 63 characters, which every backend keeps).
    String pgName =
        f.constraintName() != null
            ? f.constraintName()
            : Names.schemaName(table, List.of(column), suffix, SafeForms.POSTGRES_NAME_LENGTH);
    String pgAdd =
        "ALTER TABLE "
            + SafeForms.quote(table)
            + " ADD CONSTRAINT "
            + SafeForms.quote(pgName)
            + " FOREIGN KEY ("
            + SafeForms.quote(column)
            + ") REFERENCES "
            + SafeForms.quote(toTable)
            + " ("
            + SafeForms.quote(toColumn)
            + ")"
            + onDelete
            + " DEFERRABLE INITIALLY DEFERRED NOT VALID";
    String pgDrop =
        "ALTER TABLE " + SafeForms.quote(table) + " DROP CONSTRAINT " + SafeForms.quote(pgName);

    List<Operation> database = new ArrayList<>(columnOps);
    database.add(new RunSql(List.of(pgAdd), List.of(pgDrop), false, List.of("postgresql")));
    if (settings.targets(MYSQL)) {
      String name =
          f.constraintName() != null
              ? f.constraintName()
              : Names.schemaName(table, List.of(column), suffix, MYSQL_NAME_LENGTH);
      String mysqlAdd =
          "ALTER TABLE "
              + backtick(table)
              + " ADD CONSTRAINT "
              + backtick(name)
              + " FOREIGN KEY ("
              + backtick(column)
              + ") REFERENCES "
              + backtick(toTable)
              + " ("
              + backtick(toColumn)
              + ")"
              + onDelete;
      String mysqlDrop = "ALTER TABLE " + backtick(table) + " DROP FOREIGN KEY " + backtick(name);
      database.add(new RunSql(List.of(mysqlAdd), List.of(mysqlDrop), false, List.of("mysql")));
    }
    Operation validate = new ValidateConstraint(modelName, pgName);
    return new SafeForms.SafeForm(
        List.of(new SeparateDatabaseAndState(database, List.of(stateOp))),
        List.of(validate),
        List.of(validate));
  }

  /**
   * The plain type of the column of {@code fk}, a foreign key resolved in {@code state}, or {@code
   * null} when it is none this form knows.
   */
  static FieldType storedType(FieldState fk, ProjectState state) {
    if (!applies(fk)) {
      return null;
    }
    ModelState target = state.model(fk.to());
    FieldState key =
        target == null
            ? null
            : fk.toField() != null ? target.field(fk.toField()) : target.primaryKey();
    return key == null ? null : storedType(key.fieldType());
  }

  /**
   * The type of the column that refers to a key of type {@code key}: an auto key's integer, or the
   * key's own type (as the runtime's {@code rel_db_type}); {@code null} for the others.
   */
  private static FieldType storedType(FieldType key) {
    if (key == null) {
      return null;
    }
    return switch (key) {
      case BIG_AUTO, BIG_INTEGER -> FieldType.BIG_INTEGER;
      case AUTO, INTEGER -> FieldType.INTEGER;
      case SMALL_AUTO, SMALL_INTEGER -> FieldType.SMALL_INTEGER;
      case CHAR, UUID -> key;
      default -> null;
    };
  }

  /**
   * The foreign key's column as a plain field: same name, column, nullability, index, uniqueness,
   * defaults and comment, of the key's stored type. It exists only on the database side.
   */
  private static FieldState column(FieldState f, FieldState key, FieldType stored) {
    FieldState.Builder b =
        FieldState.builder(f.name(), stored.djangoName())
            .column(f.columnName())
            .nullable(f.nullable())
            // A one-to-one is unique without saying so (Django's OneToOneField); its column says
            // it.
            .unique(f.unique() || f.fieldType() == FieldType.ONE_TO_ONE)
            .index(f.index())
            .defaultValue(f.defaultValue())
            .dbDefault(f.dbDefault())
            .comment(f.comment());
    if (stored == FieldType.CHAR) {
      b.maxLength(key.maxLength());
    }
    return b.build();
  }

  private static String backtick(String name) {
    return '`' + name.replace("`", "``") + '`';
  }
}
