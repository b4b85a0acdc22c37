package dev.migrata.internal.recorder;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Django's MigrationRecorder: the history table {@value #TABLE}; a row means the migration is
 * applied. The table is created through the backend's own schema editor, so its DDL is right for
 * every backend, and only when something is first recorded.
 */
public final class MigrationRecorder {
  public static final String TABLE = "migrata_migrations";

  static final ModelState MODEL =
      ModelState.of(
              "migrata",
              "Migration",
              List.of(
                  FieldState.builder("id", FieldType.AUTO.djangoName()).primaryKey(true).build(),
                  FieldState.builder("app", FieldType.CHAR.djangoName()).maxLength(255).build(),
                  FieldState.builder("name", FieldType.CHAR.djangoName()).maxLength(255).build(),
                  FieldState.builder("applied", FieldType.DATE_TIME.djangoName()).build()))
          .withTable(TABLE);

  private final Backend backend;
  private boolean hasTable;

  public MigrationRecorder(Backend backend) {
    this.backend = backend;
  }

  public boolean hasTable(Connection connection) throws SQLException {
    if (!hasTable) {
      hasTable = backend.tableExists(connection, TABLE);
    }
    return hasTable;
  }

  /** Creates the history table if it is missing. */
  public void ensureSchema(Connection connection) {
    try {
      if (hasTable(connection)) {
        return;
      }
      BaseSchemaEditor editor = backend.editor(connection, false);
      ProjectState state = new ProjectState();
      state.put(MODEL);
      editor.createModel(state, MODEL);
      editor.finish();
      hasTable = true;
    } catch (SQLException | RuntimeException e) {
      throw new MigrataException(
          ErrorCode.HISTORY,
          "Unable to create the " + TABLE + " table: " + e.getMessage(), e);
    }
  }

  /** The applied migrations, in the order they were recorded; empty without a table. */
  public Set<MigrationKey> applied(Connection connection) {
    Set<MigrationKey> result = new LinkedHashSet<>();
    try {
      if (!hasTable(connection)) {
        return result;
      }
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("SELECT app, name FROM " + TABLE + " ORDER BY id")) {
        while (rs.next()) {
          result.add(new MigrationKey(rs.getString(1), rs.getString(2)));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new MigrataException(
          ErrorCode.HISTORY, "Cannot read the " + TABLE + " table: " + e.getMessage(), e);
    }
  }

  public void recordApplied(Connection connection, MigrationKey key) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO " + TABLE + " (app, name, applied) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
      ps.setString(1, key.app());
      ps.setString(2, key.name());
      ps.executeUpdate();
    }
  }

  public void recordUnapplied(Connection connection, MigrationKey key) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("DELETE FROM " + TABLE + " WHERE app = ? AND name = ?")) {
      ps.setString(1, key.app());
      ps.setString(2, key.name());
      ps.executeUpdate();
    }
  }
}
