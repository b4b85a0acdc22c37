package dev.migrata.internal.executor;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.Names;
import dev.migrata.internal.state.ProjectState;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Django's {@code detect_soft_applied} for {@code --fake-initial}: an initial migration counts as
 * applied when every table its CreateModels make and every column (or many-to-many table) its
 * AddFields add already exist, and it makes at least one of them. Unmanaged models are skipped.
 * Names are compared case-insensitively, as MySQL on some systems folds table names.
 */
final class SoftApplied {
  private final Backend backend;
  private final Connection connection;

  SoftApplied(Backend backend, Connection connection) {
    this.backend = backend;
    this.connection = connection;
  }

  /** @param after the state after {@code m} */
  boolean detect(MigrationDefinition m, ProjectState after) {
    if (!m.initial()) {
      return false;
    }
    boolean found = false;
    try {
      for (Operation op : m.operations()) {
        if (op instanceof CreateModel create) {
          ModelState model = after.model(m.app(), create.name());
          if (model == null || !model.migrates()) {
            continue;
          }
          if (!backend.tableExists(connection, model.tableName())) {
            return false;
          }
          found = true;
        } else if (op instanceof AddField add) {
          ModelState model = after.model(m.app(), add.model());
          if (model == null || !model.migrates()) {
            continue;
          }
          FieldState field = model.field(add.field().name());
          if (field == null) {
            continue;
          }
          if (field.fieldType() == FieldType.MANY_TO_MANY) {
            if (!backend.tableExists(connection, joinTable(model, field))) {
              return false;
            }
          } else if (!backend
              .introspection()
              .columnExists(connection, model.tableName(), field.columnName())) {
            return false;
          }
          found = true;
        }
      }
    } catch (SQLException e) {
      throw new MigrataException(
          ErrorCode.DATABASE, "Cannot inspect the database for --fake-initial: " + e.getMessage(),
          e);
    }
    return found;
  }

  /** The auto-created join table's name, as the schema editors derive it. */
  private String joinTable(ModelState model, FieldState field) {
    if (field.column() != null) {
      return field.column();
    }
    int limit = backend.features(connection).maxNameLength();
    return Names.truncate(model.tableName() + "_" + Names.snakeCase(field.name()), limit);
  }
}
