package dev.migrata.processor;

import static dev.migrata.processor.SafetySettings.Backend.MYSQL;
import static dev.migrata.processor.SafetySettings.Backend.POSTGRESQL;

import dev.migrata.internal.operations.AddConstraint;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AddIndex;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.AlterModelTable;
import dev.migrata.internal.operations.DeleteModel;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RemoveField;
import dev.migrata.internal.operations.RenameField;
import dev.migrata.internal.operations.RenameModel;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import dev.migrata.internal.state.ProjectState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The lock rules of the safety lint (issue 10): what one operation does to a table that already
 * holds rows, per backend the app targets, as a {@link Finding} that names the table, the lock and
 * the safe recipe. Tables created earlier in the same run (see {@link SafetyCheck}) have no rows
 * yet, so nothing here applies to them. Names and key lengths the server refuses are {@link
 * SafetyLimits}' job. Errors stay where Django raises them; this only warns.
 */
final class SafetyRules {
  /** One broken rule; {@code args} fill the problem's format but its last {@code %s} (the hint). */
  record Finding(Problem problem, Object... args) {}

  private final String app;
  private final String migration;
  private final SafetySettings settings;

  SafetyRules(String app, String migration, SafetySettings settings) {
    this.app = app;
    this.migration = migration;
    this.settings = settings;
  }

  /**
   * What {@code op} breaks when run on the database {@code before} describes; {@code created} holds
   * the {@link ProjectState#key} of every model created in this run.
   */
  List<Finding> check(Operation op, ProjectState before, Set<String> created) {
    String modelName = modelOf(op);
    if (modelName == null) {
      return List.of();
    }
    ModelState model = before.model(app, modelName);
    if (model == null || !model.managed() || created.contains(ProjectState.key(app, model.key()))) {
      return List.of();
    }
    List<Finding> found = new ArrayList<>();
    String table = model.tableName();
    if (op instanceof AddIndex a) {
      index(found, table, a.index().name());
    } else if (op instanceof AddConstraint a) {
      constraint(found, table, a.constraint());
    } else if (op instanceof AddField a) {
      addField(found, table, a.field(), before);
    } else if (op instanceof AlterField a) {
      alterField(found, table, model.field(a.field().name()), a.field());
    } else if (op instanceof RemoveField r) {
      FieldState f = model.field(r.name());
      if (f != null && f.hasColumn()) {
        found.add(dropOrRename("drops the column " + f.columnName() + " of the table " + table));
      }
    } else if (op instanceof RenameField r) {
      FieldState f = model.field(r.oldName());
      String to = f == null ? null : f.withName(r.newName()).columnName();
      if (f != null && f.hasColumn() && !f.columnName().equals(to)) {
        found.add(
            dropOrRename(
                "renames the column " + f.columnName() + " of the table " + table + " to " + to));
      }
    } else if (op instanceof RenameModel r) {
      String to = model.table() != null ? table : Names.defaultTable(app, r.newName());
      if (!to.equals(table)) {
        found.add(dropOrRename("renames the table " + table + " to " + to));
      }
    } else if (op instanceof AlterModelTable a) {
      String to = a.table() != null ? a.table() : Names.defaultTable(app, model.name());
      if (!to.equals(table)) {
        found.add(dropOrRename("renames the table " + table + " to " + to));
      }
    } else if (op instanceof DeleteModel) {
      found.add(dropOrRename("drops the table " + table));
    }
    return found;
  }

  private void index(List<Finding> found, String table, String name) {
    if (settings.targets(POSTGRESQL)) {
      found.add(
          new Finding(
              Problem.SAFETY_INDEX_ON_EXISTING_TABLE,
              migration,
              name,
              table,
              "On PostgreSQL, CREATE INDEX holds a SHARE lock on "
                  + table
                  + " for the whole build, which blocks its writes: add it with"
                  + " ADD_INDEX_CONCURRENTLY in a migration with atomic = false, or let the"
                  + " processor write that with @App(zeroDowntime = true). (MySQL and MariaDB"
                  + " build it in place.)"));
    }
  }

  private void constraint(List<Finding> found, String table, ConstraintState c) {
    if (c.isCheck()) {
      List<String> backends = new ArrayList<>();
      if (settings.targets(POSTGRESQL)) {
        backends.add(
            "On PostgreSQL, ADD CONSTRAINT ... CHECK scans every row of "
                + table
                + " under an ACCESS EXCLUSIVE lock, blocking reads and writes: add it with"
                + " ADD_CONSTRAINT_NOT_VALID, then VALIDATE_CONSTRAINT in a later migration"
                + " (which scans under a lock that lets writes go on).");
      }
      if (settings.targets(MYSQL)) {
        backends.add(
            "On MySQL and MariaDB, adding a check copies the table (ALGORITHM=COPY), with no"
                + " concurrent writes: run it in a quiet window or with an online schema change"
                + " tool (gh-ost, pt-online-schema-change).");
      }
      if (!backends.isEmpty()) {
        found.add(
            new Finding(
                Problem.SAFETY_CONSTRAINT_ON_EXISTING_TABLE,
                migration,
                "check constraint " + c.name(),
                table,
                String.join(" ", backends)));
      }
    } else {
      unique(found, table, c.name() + " on (" + String.join(", ", c.fields()) + ")");
    }
  }

  private void addField(List<Finding> found, String table, FieldState f, ProjectState before) {
    if (!f.hasColumn()) {
      return;
    }
    // A relation without a constraint (dbConstraint = false) is a plain indexed column here.
    boolean constrained = f.isRelation() && f.dbConstraint();
    if (constrained) {
      foreignKey(found, table, f, before);
    }
    if (f.unique() && !f.primaryKey()) {
      unique(found, table, "of the column " + f.columnName());
    } else if (f.index() && !constrained) {
      index(found, table, "of the column " + f.columnName());
    }
    String volatileDefault = SafetyTypes.volatileFunction(f.dbDefault());
    if (volatileDefault != null && settings.targets(POSTGRESQL)) {
      found.add(
          new Finding(
              Problem.SAFETY_VOLATILE_DEFAULT,
              migration,
              f.columnName(),
              table,
              f.dbDefault(),
              "On PostgreSQL, "
                  + volatileDefault
                  + " is volatile, so every existing row gets its own value: the whole table is"
                  + " rewritten under an ACCESS EXCLUSIVE lock, blocking reads and writes. Add"
                  + " the column without the default (nullable), set the default in a second"
                  + " migration, and fill the existing rows in batches (RunJava or RunSql)."));
    }
  }

  private void foreignKey(List<Finding> found, String table, FieldState f, ProjectState before) {
    ModelState target = before.model(f.toApp(), f.toModel());
    String targetTable = target == null ? f.toModel() : target.tableName();
    List<String> backends = new ArrayList<>();
    if (settings.targets(POSTGRESQL)) {
      backends.add(
          "On PostgreSQL, ADD FOREIGN KEY takes a SHARE ROW EXCLUSIVE lock on both "
              + table
              + " and "
              + targetTable
              + " while it scans "
              + table
              + ", blocking writes to both: add the constraint NOT VALID, then VALIDATE"
              + " CONSTRAINT in a later migration (RunSql with the field as a state operation).");
    }
    if (settings.targets(MYSQL)) {
      backends.add(
          "On MySQL and MariaDB, ADD FOREIGN KEY copies "
              + table
              + " (ALGORITHM=COPY) while foreign_key_checks is on: add it with foreign_key_checks"
              + " off (in place) once the rows are known to match.");
    }
    if (!backends.isEmpty()) {
      found.add(
          new Finding(
              Problem.SAFETY_CONSTRAINT_ON_EXISTING_TABLE,
              migration,
              "foreign key " + f.columnName() + " (to " + targetTable + ")",
              table,
              String.join(" ", backends)));
    }
  }

  private void unique(List<Finding> found, String table, String what) {
    if (settings.targets(POSTGRESQL)) {
      found.add(
          new Finding(
              Problem.SAFETY_UNIQUE_ON_EXISTING_TABLE,
              migration,
              what,
              table,
              "On PostgreSQL, it builds the unique index under an ACCESS EXCLUSIVE lock on "
                  + table
                  + ", blocking reads and writes: create the unique index with"
                  + " ADD_INDEX_CONCURRENTLY (@IndexDef(unique = true)) in a migration with"
                  + " atomic = false, then attach it with ALTER TABLE ... ADD CONSTRAINT ..."
                  + " UNIQUE USING INDEX."));
    }
  }

  private void alterField(List<Finding> found, String table, FieldState old, FieldState f) {
    if (old == null || !f.hasColumn() || !old.hasColumn()) {
      return;
    }
    String column = f.columnName();
    if (old.nullable() && !f.nullable()) {
      List<String> backends = new ArrayList<>();
      if (settings.targets(POSTGRESQL)) {
        backends.add(
            "On PostgreSQL, SET NOT NULL scans every row of "
                + table
                + " under an ACCESS EXCLUSIVE lock: add a check ("
                + column
                + " IS NOT NULL) with ADD_CONSTRAINT_NOT_VALID, VALIDATE_CONSTRAINT it, then set"
                + " NOT NULL (PostgreSQL 12 and later skip the scan) and drop the check.");
      }
      if (settings.targets(MYSQL)) {
        backends.add(
            "On MySQL and MariaDB, it rebuilds "
                + table
                + ": run it in a quiet window or with an online schema change tool.");
      }
      if (!backends.isEmpty()) {
        found.add(
            new Finding(
                Problem.SAFETY_NOT_NULL_ON_EXISTING_COLUMN,
                migration,
                column,
                table,
                String.join(" ", backends)));
      }
    }
    List<String> rewrites = new ArrayList<>();
    if (settings.targets(POSTGRESQL) && SafetyTypes.rewritesOnPostgres(old, f)) {
      rewrites.add(
          "On PostgreSQL, that rewrites the table and its indexes under an ACCESS EXCLUSIVE"
              + " lock, blocking reads and writes.");
    }
    if (settings.targets(MYSQL) && SafetyTypes.copiesOnMysql(old, f)) {
      rewrites.add(
          "On MySQL and MariaDB, it copies the table (ALGORITHM=COPY), with no concurrent"
              + " writes.");
    }
    if (!rewrites.isEmpty()) {
      rewrites.add(
          "Add a new column of the new type, fill it in batches, move reads and writes to it,"
              + " and drop the old one in a later release (expand/contract).");
      found.add(
          new Finding(
              Problem.SAFETY_REWRITING_TYPE_CHANGE,
              migration,
              column,
              table,
              SafetyTypes.describe(old),
              SafetyTypes.describe(f),
              String.join(" ", rewrites)));
    }
    if (f.unique() && !old.unique() && !f.primaryKey()) {
      unique(found, table, "of the column " + column);
    } else if (f.index() && !old.index() && !old.unique() && !f.unique()) {
      index(found, table, "of the column " + column);
    }
    if (f.isRelation()
        && f.dbConstraint()
        && (!old.isRelation() || !old.dbConstraint() || !Objects.equals(old.to(), f.to()))) {
      foreignKeyOnAlter(found, table, f);
    }
  }

  private void foreignKeyOnAlter(List<Finding> found, String table, FieldState f) {
    if (settings.targets(POSTGRESQL) || settings.targets(MYSQL)) {
      found.add(
          new Finding(
              Problem.SAFETY_CONSTRAINT_ON_EXISTING_TABLE,
              migration,
              "foreign key " + f.columnName() + " (to " + f.to() + ")",
              table,
              "On PostgreSQL, ADD FOREIGN KEY locks both tables against writes while it scans"
                  + " the rows (add it NOT VALID, then VALIDATE CONSTRAINT); on MySQL and"
                  + " MariaDB it copies the table while foreign_key_checks is on."));
    }
  }

  /** Every column of a table that is dropped or renamed: old code still running breaks. */
  private Finding dropOrRename(String what) {
    return new Finding(
        Problem.SAFETY_RENAME_OR_DROP,
        migration,
        what,
        "Instances of the previous release still run during a rolling deploy and fail on every"
            + " backend when they read it: expand/contract instead. For a rename, add the new"
            + " name, write both, fill it, move the reads, and drop the old one in a later"
            + " release; for a drop, first release code that no longer uses it.");
  }

  /** The lowercased model an operation changes, or null for operations without one. */
  static String modelOf(Operation op) {
    if (op instanceof AddIndex a) {
      return a.model();
    } else if (op instanceof AddConstraint a) {
      return a.model();
    } else if (op instanceof AddField a) {
      return a.model();
    } else if (op instanceof AlterField a) {
      return a.model();
    } else if (op instanceof RemoveField a) {
      return a.model();
    } else if (op instanceof RenameField a) {
      return a.model();
    } else if (op instanceof AlterModelTable a) {
      return a.model();
    } else if (op instanceof RenameModel r) {
      return r.oldName().toLowerCase(Locale.ROOT);
    } else if (op instanceof DeleteModel d) {
      return d.name().toLowerCase(Locale.ROOT);
    }
    return null;
  }
}
