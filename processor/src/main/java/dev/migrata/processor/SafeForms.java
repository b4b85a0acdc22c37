package dev.migrata.processor;

import static dev.migrata.processor.SafetySettings.Backend.POSTGRESQL;

import dev.migrata.internal.operations.AddConstraint;
import dev.migrata.internal.operations.AddConstraintNotValid;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AddIndex;
import dev.migrata.internal.operations.AddIndexConcurrently;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RunSql;
import dev.migrata.internal.operations.ValidateConstraint;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import dev.migrata.internal.state.OrmOptions;
import dev.migrata.internal.state.ProjectState;
import java.util.ArrayList;
import java.util.List;

/**
 * The safe PostgreSQL form of one operation on a table that already holds rows (issue 10): what
 * stays in the operation's migration and what moves to the app's following non-atomic migration,
 * where each statement commits on its own so that a long scan never runs under the short strong
 * lock the first part took. Every form runs on MySQL and SQLite as Django's own operation would,
 * since the PostgreSQL-only parts are either kinds that do nothing there or {@code RunSql} limited
 * to {@code vendors = "postgresql"}.
 */
final class SafeForms {
  /** PostgreSQL's identifier limit ({@code NAMEDATALEN - 1}). */
  static final int POSTGRES_NAME_LENGTH = 63;

  /**
   * @param now what replaces the operation in its migration (maybe nothing)
   * @param later what runs in the following non-atomic migration, in order
   * @param naming the operations the following migration is named after
   */
  record SafeForm(List<Operation> now, List<Operation> later, List<Operation> naming) {}

  private SafeForms() {}

  /**
   * The safe form of {@code op}, or {@code null} to keep it as Django writes it. {@code before} is
   * the state just before it; the caller has checked that the table existed before this compile.
   */
  static SafeForm of(String app, Operation op, ProjectState before, SafetySettings settings) {
    if (!settings.targets(POSTGRESQL)) {
      return null;
    }
    if (op instanceof AddIndex a) {
      Operation concurrent = new AddIndexConcurrently(a.model(), a.index());
      return new SafeForm(List.of(), List.of(concurrent), List.of(concurrent));
    }
    ModelState model = before.model(app, modelOf(op));
    if (model == null) {
      return null;
    }
    if (op instanceof AddConstraint a && a.constraint().isCheck() && plainName(a.constraint())) {
      Operation validate = new ValidateConstraint(a.model(), a.constraint().name());
      return new SafeForm(
          List.of(new AddConstraintNotValid(a.model(), a.constraint())),
          List.of(validate),
          List.of(validate));
    }
    if (op instanceof AlterField a && setsNotNull(model.field(a.field().name()), a.field())) {
      return notNull(model, a);
    }
    if (op instanceof AddField a && ForeignKeySafeForm.constrains(a.field())) {
      return ForeignKeySafeForm.of(a, model, before, settings);
    }
    if (op instanceof AlterField a && ForeignKeySafeForm.constrains(a.field())) {
      return ForeignKeySafeForm.of(a, model, before, settings);
    }
    return null;
  }

  private static String modelOf(Operation op) {
    if (op instanceof AddConstraint a) {
      return a.model();
    } else if (op instanceof AlterField a) {
      return a.model();
    } else if (op instanceof AddField a) {
      return a.model();
    }
    return null;
  }

  /** A name PostgreSQL uses as written ({@code %(class)s} placeholders are resolved later). */
  private static boolean plainName(ConstraintState c) {
    return c.name() != null && !c.name().isEmpty() && !c.name().contains("%");
  }

  /**
   * Whether {@code f} only sets {@code NOT NULL} on {@code old}'s column (a default to fill its
   * NULLs aside), and the processor knows the literal the runtime fills them with.
   */
  static boolean setsNotNull(FieldState old, FieldState f) {
    return old != null
        && old.nullable()
        && !f.nullable()
        && f.hasColumn()
        && !f.isGenerated()
        && !f.primaryKey()
        && fill(f) != null
        && old.toBuilder().nullable(false).defaultValue(f.defaultValue()).build().equals(f);
  }

  /**
   * The SQL literal the runtime's AlterField gives the NULLs of {@code f}'s column before {@code
   * SET NOT NULL} (its {@code effective_default}), {@code ""} for none, {@code null} for one that
   * only the runtime computes (a method, now, a date-time, a custom type): those keep Django's
   * form.
   */
  static String fill(FieldState f) {
    if (f.defaultMethod() != null || OrmOptions.nowMethod(f) != null) {
      return null;
    }
    if (f.defaultValue() == null) {
      return OrmOptions.fillsEmptyString(f) ? "''" : "";
    }
    FieldType type = f.fieldType();
    String v = f.defaultValue();
    if (type == null) {
      return null;
    }
    return switch (type.family()) {
      case BOOLEAN ->
          v.equalsIgnoreCase("true") || v.equals("1") || v.equals("t") ? "true" : "false";
      case SMALL_INTEGER, INTEGER, BIG_INTEGER, FLOAT, DECIMAL ->
          v.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?") ? v : string(v);
      case CHAR, TEXT, DATE -> string(v);
      default -> null;
    };
  }

  private static String string(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /**
   * The name of the helper check of the {@code NOT NULL} recipe: {@code <table>_<column>_<hash>
   * _notnull}, shortened with a hash as Django's index names are.
   */
  static String notNullCheckName(String table, String column) {
    return Names.schemaName(table, List.of(column), "_notnull", POSTGRES_NAME_LENGTH);
  }

  /**
   * {@code CHECK (col IS NOT NULL) NOT VALID} where the field was altered; then, committed one by
   * one in the following migration, the NULLs given the default (when the field has one), {@code
   * VALIDATE CONSTRAINT} (a scan that lets writes go on), the field's own change ({@code SET NOT
   * NULL}, which PostgreSQL 12 and later prove from the valid check without a scan) and the check
   * dropped again. The check never enters the state: the state after both migrations is the
   * model's, and MySQL and SQLite run only the AlterField, as Django writes it.
   */
  private static SafeForm notNull(ModelState model, AlterField a) {
    String table = model.tableName();
    String column = a.field().columnName();
    String name = notNullCheckName(table, column);
    String add =
        "ALTER TABLE "
            + quote(table)
            + " ADD CONSTRAINT "
            + quote(name)
            + " CHECK ("
            + quote(column)
            + " IS NOT NULL) NOT VALID";
    String drop = "ALTER TABLE " + quote(table) + " DROP CONSTRAINT " + quote(name);
    List<String> postgres = List.of("postgresql");
    List<Operation> later = new ArrayList<>();
    String fill = fill(a.field());
    if (!fill.isEmpty()) {
      // The check turns new NULLs away from the first migration on; the old ones get the default
      // under a row lock before the check is validated. Nothing undoes it.
      String update =
          "UPDATE "
              + quote(table)
              + " SET "
              + quote(column)
              + " = "
              + fill
              + " WHERE "
              + quote(column)
              + " IS NULL";
      later.add(new RunSql(List.of(update), List.of(""), false, postgres));
    }
    later.add(new ValidateConstraint(a.model(), name));
    later.add(a);
    later.add(new RunSql(List.of(drop), List.of(add), false, postgres));
    return new SafeForm(
        List.of(new RunSql(List.of(add), List.of(drop), false, postgres)), later, List.of(a));
  }

  /** A PostgreSQL identifier, quoted as its schema editor quotes one. */
  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
