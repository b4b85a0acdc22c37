package dev.migrata.processor;

import static dev.migrata.processor.SafetySettings.Backend.MYSQL;
import static dev.migrata.processor.SafetySettings.Backend.POSTGRESQL;

import dev.migrata.internal.operations.AddConstraint;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AddIndex;
import dev.migrata.internal.operations.AddIndexConcurrently;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.AlterModelTable;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RenameField;
import dev.migrata.internal.operations.RenameIndex;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safety rules about what a server refuses outright, on new tables as on old ones: a name over
 * the backend's limit (MySQL and MariaDB refuse it, PostgreSQL truncates it so two names can
 * collide) and an index whose key is over InnoDB's 3072 bytes. Model declarations are checked as
 * errors already ({@link ModelChecks}); this covers what a hand-written migration names.
 */
final class SafetyLimits {
  static final int MYSQL_MAX_KEY_BYTES = 3072;
  private static final int DEFAULT_KEY_BYTES = 8;

  private final String app;
  private final String migration;
  private final SafetySettings settings;

  SafetyLimits(String app, String migration, SafetySettings settings) {
    this.app = app;
    this.migration = migration;
    this.settings = settings;
  }

  List<SafetyRules.Finding> check(Operation op, ProjectState before) {
    List<SafetyRules.Finding> found = new ArrayList<>();
    Map<String, String> names = new LinkedHashMap<>();
    ModelState model = null;
    List<IndexState> indexes = new ArrayList<>();
    List<FieldState> fields = new ArrayList<>();
    if (op instanceof CreateModel c) {
      Map<String, FieldState> byName = new LinkedHashMap<>();
      for (FieldState f : c.fields()) {
        byName.put(f.name(), f);
      }
      model =
          new ModelState(
              app, c.name(), byName, c.indexes(), c.constraints(), c.table(), null, c.managed());
      names.put("table " + model.tableName(), model.tableName());
      for (FieldState f : c.fields()) {
        if (f.hasColumn()) {
          names.put("column " + f.columnName(), f.columnName());
        }
      }
      fields.addAll(c.fields());
      indexes.addAll(c.indexes());
      for (IndexState i : c.indexes()) {
        names.put("index " + i.name(), i.name());
      }
      for (ConstraintState k : c.constraints()) {
        names.put("constraint " + k.name(), k.name());
        if (!k.isCheck()) {
          indexes.add(new IndexState(k.name(), k.fields(), true, null));
        }
      }
    } else {
      String modelName = SafetyRules.modelOf(op);
      model = modelName == null ? null : before.model(app, modelName);
      if (op instanceof AddField a) {
        names.put("column " + a.field().columnName(), a.field().columnName());
        fields.add(a.field());
        if (model != null) {
          model = model.withField(a.field());
        }
      } else if (op instanceof AlterField a) {
        fields.add(a.field());
        if (model != null) {
          model = model.withField(a.field());
        }
      } else if (op instanceof AddIndex a) {
        names.put("index " + a.index().name(), a.index().name());
        indexes.add(a.index());
      } else if (op instanceof AddIndexConcurrently a) {
        model = before.model(app, a.model());
        names.put("index " + a.index().name(), a.index().name());
        indexes.add(a.index());
      } else if (op instanceof AddConstraint a) {
        names.put("constraint " + a.constraint().name(), a.constraint().name());
        if (!a.constraint().isCheck()) {
          indexes.add(new IndexState(a.constraint().name(), a.constraint().fields(), true, null));
        }
      } else if (op instanceof RenameField r && model != null && model.field(r.oldName()) != null) {
        String column = model.field(r.oldName()).withName(r.newName()).columnName();
        names.put("column " + column, column);
      } else if (op instanceof AlterModelTable a && a.table() != null) {
        names.put("table " + a.table(), a.table());
      } else if (op instanceof RenameIndex r) {
        model = before.model(app, r.model());
        names.put("index " + r.newName(), r.newName());
      }
    }
    for (Map.Entry<String, String> e : names.entrySet()) {
      name(found, e.getKey(), e.getValue());
    }
    if (model != null && model.managed() && settings.targets(MYSQL)) {
      for (FieldState f : fields) {
        if ((f.unique() || f.index()) && !f.primaryKey() && f.hasColumn()) {
          String kind = f.unique() ? "unique column" : "index of the column";
          key(found, model, kind + " " + f.columnName(), List.of(f.name()), before);
        }
      }
      for (IndexState i : indexes) {
        key(found, model, (i.unique() ? "unique index " : "index ") + i.name(), i.fields(), before);
      }
    }
    return found;
  }

  private void name(List<SafetyRules.Finding> found, String what, String name) {
    if (name == null) {
      return;
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    int chars = name.codePointCount(0, name.length());
    List<String> backends = new ArrayList<>();
    if (settings.targets(MYSQL) && chars > IdentifierRules.MYSQL_MAX_CHARS) {
      backends.add(
          "MySQL and MariaDB refuse names over "
              + IdentifierRules.MYSQL_MAX_CHARS
              + " characters.");
    }
    if (settings.targets(POSTGRESQL) && bytes > IdentifierRules.POSTGRESQL_MAX_BYTES) {
      backends.add(
          "PostgreSQL truncates names to "
              + IdentifierRules.POSTGRESQL_MAX_BYTES
              + " bytes, so two long names can collide.");
    }
    if (!backends.isEmpty()) {
      backends.add("Shorten it.");
      String size = chars + " characters (" + bytes + " bytes) long";
      found.add(
          new SafetyRules.Finding(
              Problem.SAFETY_IDENTIFIER_TOO_LONG,
              migration,
              what.substring(0, what.indexOf(' ')),
              name,
              size,
              String.join(" ", backends)));
    }
  }

  private void key(
      List<SafetyRules.Finding> found,
      ModelState model,
      String what,
      List<String> fieldNames,
      ProjectState before) {
    int bytes = 0;
    List<String> columns = new ArrayList<>();
    for (String name : fieldNames) {
      FieldState f = model.field(name.startsWith("-") ? name.substring(1) : name);
      if (f == null) {
        return; // the replay reports an unknown field
      }
      columns.add(f.columnName());
      bytes += keyBytes(f, before);
    }
    if (bytes > MYSQL_MAX_KEY_BYTES) {
      found.add(
          new SafetyRules.Finding(
              Problem.SAFETY_INDEX_KEY_TOO_LONG,
              migration,
              what,
              "(" + String.join(", ", columns) + ")",
              model.tableName(),
              bytes,
              "InnoDB refuses keys over "
                  + MYSQL_MAX_KEY_BYTES
                  + " bytes, so the migration fails there: index fewer or shorter columns (a"
                  + " smaller maxLength), or a hash of the value."));
    }
  }

  /** The most bytes one value of {@code f} takes in an InnoDB key (utf8mb4). */
  private static int keyBytes(FieldState f, ProjectState before) {
    FieldType t = f.fieldType();
    if (t == FieldType.FOREIGN_KEY || t == FieldType.ONE_TO_ONE) {
      ModelState target = before.model(f.toApp(), f.toModel());
      FieldState pk = target == null ? null : target.primaryKey();
      return pk == null ? DEFAULT_KEY_BYTES : keyBytes(pk, before);
    }
    if (f.maxLength() != null && t != FieldType.TEXT) {
      return f.maxLength() * 4;
    }
    if (t == null) {
      return DEFAULT_KEY_BYTES;
    }
    return switch (t) {
      case BOOLEAN -> 1;
      case SMALL_INTEGER -> 2;
      case DATE, TIME -> 3;
      case INTEGER, AUTO -> 4;
      case UUID -> 32 * 4; // char(32)
      case DECIMAL -> f.precision() == null ? 16 : f.precision() / 2 + 1;
      default -> DEFAULT_KEY_BYTES;
    };
  }
}
