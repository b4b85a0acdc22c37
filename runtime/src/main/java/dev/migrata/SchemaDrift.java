package dev.migrata;

import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.IndexTable;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.recorder.MigrationRecorder;
import dev.migrata.internal.schema.SchemaCheck;
import dev.migrata.internal.state.ProjectState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code migrate --check-schema}: the live schema against the state the applied migrations build.
 */
final class SchemaDrift {
  private SchemaDrift() {}

  /**
   * How the live schema differs from the applied migrations' state ({@link Migrata#checkSchema}).
   */
  static List<SchemaDifference> check(
      IndexTable index, ClassLoader classLoader, Connection connection, Backend backend)
      throws SQLException {
    MigrationLoader loader =
        History.checkedLoader(index.definitions(), connection, new MigrationRecorder(backend));
    ProjectState state = new ProjectState();
    for (MigrationKey key : loader.planned()) {
      if (loader.applied().contains(key)) {
        loader.graph().migration(key).mutateState(state);
      }
    }
    // Custom field types name their column types; they load as the migrations do.
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(classLoader);
    try {
      return SchemaCheck.drift(backend, connection, state);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
