package dev.migrata.internal.recorder;

import dev.migrata.ErrorCode;
import dev.migrata.MigrataException;
import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.backends.base.BaseSchemaEditor;
import dev.migrata.internal.migration.MigrationChecksum;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.state.ProjectState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Django's MigrationRecorder: the history table {@value #TABLE}; a row means the migration is
 * applied. The table is created through the backend's own schema editor, so its DDL is right for
 * every backend, and only when something is first recorded. A unique index on {@code (app, name)}
 * makes the database itself refuse a second row for one migration; tables created before it existed
 * get it the next time something is recorded (under the migration lock).
 */
public final class MigrationRecorder {
  /**
   * Changes to the history table itself at INFO; each recorded row at DEBUG. Created on first use:
   * SLF4J's start-up (a service lookup) is not part of a no-op run's.
   */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger("dev.migrata.history");
  }

  public static final String TABLE = "migrata_migrations";

  /** The unique index on (app, name); within every backend's name length limit. */
  static final String UNIQUE_INDEX = "migrata_migrations_app_name_uniq";

  private final Backend backend;
  private boolean hasTable;
  private boolean hasUnique;

  /** Whether the table has the checksum column; known after a read. */
  private Boolean hasChecksum;

  /** The rows the last {@link #rows} read found. */
  private HistoryRows rows = new HistoryRows();

  /** The interrupted runs the last {@link #applied} read found; null before any read. */
  private Map<MigrationKey, InterruptedRun> interrupted;

  public MigrationRecorder(Backend backend) {
    this.backend = backend;
  }

  public boolean hasTable(Connection connection) throws SQLException {
    if (!hasTable) {
      hasTable = backend.tableExists(connection, TABLE);
    }
    return hasTable;
  }

  /**
   * Creates the history table if it is missing, and its unique index on {@code (app, name)} if the
   * table predates it. Call under the migration lock.
   */
  public void ensureSchema(Connection connection) {
    try {
      if (!hasTable(connection)) {
        BaseSchemaEditor editor = backend.editor(connection, false);
        Log.LOG.info("Creating the history table {}", TABLE);
        ProjectState state = new ProjectState();
        state.put(HistoryModel.MODEL);
        editor.createModel(state, HistoryModel.MODEL);
        editor.finish();
        hasTable = true;
        hasChecksum = true;
        createUnique(connection, editor);
        return;
      }
    } catch (SQLException | RuntimeException e) {
      throw new MigrataException(
          ErrorCode.HISTORY, "Unable to create the " + TABLE + " table: " + e.getMessage(), e);
    }
    try {
      if (hasChecksum == null) {
        hasChecksum = backend.introspection().columnExists(connection, TABLE, "checksum");
      }
      if (!hasChecksum) {
        BaseSchemaEditor editor = backend.editor(connection, false);
        ProjectState state = new ProjectState();
        state.put(HistoryModel.MODEL);
        editor.addField(state, HistoryModel.MODEL, HistoryModel.CHECKSUM);
        editor.finish();
        hasChecksum = true;
      }
    } catch (SQLException | RuntimeException e) {
      throw new MigrataException(
          ErrorCode.HISTORY,
          "Unable to add the checksum column to the " + TABLE + " table: " + e.getMessage(),
          e);
    }
    try {
      if (!hasUnique && !backend.introspection().hasUniqueIndex(connection, TABLE, "app", "name")) {
        Log.LOG.info("Adding the unique (app, name) index to the history table {}", TABLE);
        // An editor only where something is created: a run on an up-to-date table needs none.
        BaseSchemaEditor editor = backend.editor(connection, false);
        removeDuplicates(connection, editor);
        createUnique(connection, editor);
      }
      hasUnique = true;
    } catch (SQLException | RuntimeException e) {
      throw new MigrataException(
          ErrorCode.HISTORY,
          "Unable to add the unique (app, name) index to the "
              + TABLE
              + " table: "
              + e.getMessage(),
          e);
    }
  }

  private void createUnique(Connection connection, BaseSchemaEditor editor) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(
          "CREATE UNIQUE INDEX "
              + editor.quoteName(UNIQUE_INDEX)
              + " ON "
              + editor.quoteName(TABLE)
              + " ("
              + editor.quoteName("app")
              + ", "
              + editor.quoteName("name")
              + ")");
    }
    hasUnique = true;
  }

  /**
   * A row recorded twice (possible before the index) means what one row means; the first one stays.
   * The derived table lets MySQL read the table it deletes from.
   */
  private static void removeDuplicates(Connection connection, BaseSchemaEditor editor)
      throws SQLException {
    String table = editor.quoteName(TABLE);
    String id = editor.quoteName("id");
    try (Statement st = connection.createStatement()) {
      st.executeUpdate(
          "DELETE FROM "
              + table
              + " WHERE "
              + id
              + " NOT IN (SELECT "
              + id
              + " FROM (SELECT MIN("
              + id
              + ") AS "
              + id
              + " FROM "
              + table
              + " GROUP BY "
              + editor.quoteName("app")
              + ", "
              + editor.quoteName("name")
              + ") "
              + editor.quoteName("keep")
              + ")");
    }
  }

  /** The applied migrations, in the order they were recorded; empty without a table. */
  public Set<MigrationKey> applied(Connection connection) {
    return rows(connection).keys();
  }

  /**
   * The rows of applied migrations, in the order they were recorded; none without a table. What
   * {@link #applied} and {@link #checksums} answer, before any key or map is made of them.
   */
  public HistoryRows rows(Connection connection) {
    try {
      if (!hasTable && connection.getAutoCommit()) {
        // One round trip for an up-to-date start (a fleet pays it per tenant): read, and take
        // "no such table" for no history, instead of asking first whether the table exists.
        // Outside a transaction only, where a failed statement leaves nothing to roll back.
        try {
          read(connection);
          hasTable = true;
          return rows;
        } catch (SQLException e) {
          if (backend.introspection().isMissingTable(e)) {
            interrupted = new HashMap<>();
            rows = new HistoryRows();
            return rows;
          }
          throw e;
        }
      }
      if (!hasTable(connection)) {
        interrupted = new HashMap<>();
        rows = new HistoryRows();
        return rows;
      }
      read(connection);
      return rows;
    } catch (SQLException e) {
      throw new MigrataException(
          ErrorCode.HISTORY, "Cannot read the " + TABLE + " table: " + e.getMessage(), e);
    }
  }

  /**
   * The rows' app, name and checksum. Named columns, as the floor of a start-up reads them: {@code
   * SELECT *} also fetched the id and the timestamp, whose decoder classes (MariaDB's date
   * formatting) a no-op start-up then loaded. A table older than the checksum column fails that
   * statement; outside a transaction (where a failed statement leaves nothing to roll back) it is
   * then read with {@code SELECT *}, which reads tables with and without the column, as inside one.
   */
  private void read(Connection connection) throws SQLException {
    rows = new HistoryRows();
    interrupted = null;
    if (Boolean.TRUE.equals(hasChecksum) || (hasChecksum == null && connection.getAutoCommit())) {
      try {
        read(connection, "SELECT app, name, checksum FROM " + TABLE + " ORDER BY id");
        return;
      } catch (SQLException e) {
        if (Boolean.TRUE.equals(hasChecksum) || backend.introspection().isMissingTable(e)) {
          throw e;
        }
        rows = new HistoryRows();
      }
    }
    read(connection, "SELECT * FROM " + TABLE + " ORDER BY id");
  }

  /** Reads {@code sql}'s rows; columns found by name ({@code findColumn}, no metadata classes). */
  private void read(Connection connection, String sql) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int app = rs.findColumn("app");
      int name = rs.findColumn("name");
      int checksum = checksumColumn(rs);
      hasChecksum = checksum > 0;
      Map<MigrationKey, InterruptedRun> runs = new HashMap<>();
      while (rs.next()) {
        row(rs, app, name, checksum, runs);
      }
      interrupted = runs;
    }
  }

  /**
   * The current row, an applied migration's or an interrupted run's. A method of its own: the JIT
   * compiles it after a few hundred rows, while the body of the loop that reads them all would stay
   * interpreted to the end.
   */
  private void row(
      ResultSet rs, int app, int name, int checksum, Map<MigrationKey, InterruptedRun> runs)
      throws SQLException {
    String appValue = rs.getString(app);
    String nameValue = rs.getString(name);
    InterruptedRun run = InterruptedRun.parse(appValue, nameValue);
    if (run != null) {
      runs.put(run.key(), run);
    } else {
      rows.add(appValue, nameValue, checksum > 0 ? rs.getString(checksum) : null);
    }
  }

  /** The checksum column's index, 0 in a table older than checksums. */
  private static int checksumColumn(ResultSet rs) {
    try {
      return rs.findColumn("checksum");
    } catch (SQLException e) {
      return 0;
    }
  }

  /** The checksum each applied migration's row recorded, as of the last {@link #applied} read. */
  public Map<MigrationKey, String> checksums() {
    return rows.checksums();
  }

  /** Records {@code m} as applied, with its checksum where the table has the column. */
  public void recordApplied(Connection connection, MigrationDefinition m) throws SQLException {
    if (!Boolean.TRUE.equals(hasChecksum)) {
      recordApplied(connection, m.key());
      return;
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO "
                + TABLE
                + " (app, name, applied, checksum)"
                + " VALUES (?, ?, CURRENT_TIMESTAMP, ?)")) {
      ps.setString(1, m.app());
      ps.setString(2, m.name());
      ps.setString(3, MigrationChecksum.of(m));
      ps.executeUpdate();
    }
  }

  /**
   * Sets the row's checksum to the migration's current one: {@code --accept-changed}, and rows
   * older than checksums the next time the lock is held. Returns the rows changed (0: not applied).
   */
  public int recordChecksum(Connection connection, MigrationDefinition m, boolean onlyIfMissing)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE "
                + TABLE
                + " SET checksum = ? WHERE app = ? AND name = ?"
                + (onlyIfMissing ? " AND checksum IS NULL" : ""))) {
      ps.setString(1, MigrationChecksum.of(m));
      ps.setString(2, m.app());
      ps.setString(3, m.name());
      return ps.executeUpdate();
    }
  }

  public void recordApplied(Connection connection, MigrationKey key) throws SQLException {
    Log.LOG.debug("Recording {} as applied", key);
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO " + TABLE + " (app, name, applied) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
      ps.setString(1, key.app());
      ps.setString(2, key.name());
      ps.executeUpdate();
    }
  }

  /**
   * Every interrupted run the history table records, by migration: read once per run that applies
   * something, not once per migration (the executor looks each migration up here). After an {@link
   * #applied} read (the one under the lock) its rows are the answer, with no second query.
   */
  public Map<MigrationKey, InterruptedRun> interruptedRuns(Connection connection)
      throws SQLException {
    if (interrupted != null) {
      return interrupted;
    }
    Map<MigrationKey, InterruptedRun> result = new HashMap<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT app, name FROM " + TABLE)) {
      while (rs.next()) {
        InterruptedRun run = InterruptedRun.parse(rs.getString(1), rs.getString(2));
        if (run != null) {
          result.put(run.key(), run);
        }
      }
    }
    return result;
  }

  /**
   * Records that a run without a transaction completed {@code run.completed()} operations,
   * replacing {@code previous} (the row written after the operation before), and commits it: it
   * must survive the process being killed during the next operation.
   */
  public void recordProgress(Connection connection, InterruptedRun previous, InterruptedRun run)
      throws SQLException {
    interrupted = null; // the rows the last read found are no longer the table's
    if (previous != null) {
      try (PreparedStatement ps =
          connection.prepareStatement(
              "UPDATE " + TABLE + " SET name = ? WHERE app = ? AND name = ?")) {
        ps.setString(1, run.rowName());
        ps.setString(2, run.key().app());
        ps.setString(3, previous.rowName());
        ps.executeUpdate();
      }
    } else {
      recordApplied(connection, new MigrationKey(run.key().app(), run.rowName()));
    }
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
  }

  /** Deletes the progress row of {@code run}. */
  public void clearProgress(Connection connection, InterruptedRun run) throws SQLException {
    recordUnapplied(connection, new MigrationKey(run.key().app(), run.rowName()));
  }

  public void recordUnapplied(Connection connection, MigrationKey key) throws SQLException {
    interrupted = null;
    Log.LOG.debug("Recording {} as unapplied", key);
    try (PreparedStatement ps =
        connection.prepareStatement("DELETE FROM " + TABLE + " WHERE app = ? AND name = ?")) {
      ps.setString(1, key.app());
      ps.setString(2, key.name());
      ps.executeUpdate();
    }
  }
}
