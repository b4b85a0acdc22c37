package dev.migrata.internal.schema;

import dev.migrata.SchemaDifference;
import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.recorder.MigrationRecorder;
import dev.migrata.internal.state.ProjectState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The drift check and the schema snapshots: what the live database has, read through the backend's
 * introspection, compared with what a migration state describes or with an earlier reading.
 */
public final class SchemaCheck {
  private SchemaCheck() {}

  /** Every table of the connection's database but Migrata's history table, by name. */
  public static Map<String, TableShape> read(Backend backend, Connection connection)
      throws SQLException {
    Map<String, TableShape> out = new LinkedHashMap<>();
    for (String table : backend.introspection().tableNames(connection)) {
      if (!table.equalsIgnoreCase(MigrationRecorder.TABLE)) {
        out.put(table, backend.introspection().describe(connection, table));
      }
    }
    return out;
  }

  /**
   * How the live schema differs from what {@code state} (the applied migrations' state) describes
   * on this backend; empty when it matches. Tables of unmanaged models are not reported.
   */
  public static List<SchemaDifference> drift(
      Backend backend, Connection connection, ProjectState state) throws SQLException {
    BaseSchemaEditor editor = backend.editor(connection, true);
    Map<String, TableShape> expected = new ExpectedSchema(editor).tables(state);
    Set<String> ignored = new HashSet<>(ExpectedSchema.unmanaged(state));
    List<SchemaDifference> out =
        new ArrayList<>(
            SchemaComparison.drift(
                expected,
                read(backend, connection),
                ignored,
                backend.vendor(),
                editor.features().indexesForeignKeys()));
    if (editor.features().supportsSequences()) {
      out.addAll(
          SequenceDrift.compare(state.sequences(), backend.introspection().sequences(connection)));
    }
    return out;
  }

  /**
   * What changed from {@code before} to {@code after}, two readings of one database; {@code
   * databaseIndexesForeignKeys} as {@link #indexesForeignKeys}.
   */
  public static List<SchemaDifference> changes(
      Map<String, TableShape> before,
      Map<String, TableShape> after,
      boolean databaseIndexesForeignKeys) {
    return SchemaComparison.exact(before, after, databaseIndexesForeignKeys);
  }

  /** Whether the database keeps an index for each foreign key itself (MySQL's InnoDB). */
  public static boolean indexesForeignKeys(Backend backend, Connection connection) {
    return backend.features(connection).indexesForeignKeys();
  }
}
