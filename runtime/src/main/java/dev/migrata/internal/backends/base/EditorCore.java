package dev.migrata.internal.backends.base;

import static dev.migrata.internal.backends.base.SqlTemplates.format;

import dev.migrata.internal.backends.base.Introspection.NameKind;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * What every schema editor is made of, apart from its operations: the backend's data ({@link
 * SqlTemplates}, {@link DataTypes} through {@link ColumnSql}, {@link Quoting}, {@link Features},
 * {@link Introspection}), where statements go ({@code Statements}: run, or recorded in collect
 * mode), the deferred SQL, and the steps several operations share. {@link BaseSchemaEditor} adds
 * the operations.
 *
 * <p>One editor serves one migration: {@link #begin}, the operations, {@link #finish} (deferred SQL
 * and checks), then {@link #commit} or {@link #rollback}.
 */
public abstract class EditorCore {
  protected final Connection connection;
  protected final boolean collect;
  protected final Features features;
  protected final Introspection introspection;
  protected final SqlTemplates sql;
  protected final Quoting quoting;
  protected final ColumnSql columns;
  protected final ConstraintSql constraints;
  private final DeferredSql deferred = new DeferredSql();
  private final Statements statements;
  private LockRetry lockRetry = LockRetry.NONE;
  protected boolean onlineDdl;

  /**
   * @param connection where statements run; may be {@code null} in collect mode
   * @param collect record statements (sqlmigrate) instead of running them
   */
  EditorCore(
      Connection connection,
      boolean collect,
      Features features,
      Introspection introspection,
      SqlTemplates sql,
      DataTypes types,
      Quoting quoting) {
    this.connection = connection;
    this.collect = collect;
    this.features = features;
    this.introspection = introspection;
    this.sql = sql;
    this.quoting = quoting;
    this.columns = new ColumnSql(types, sql, quoting, features.maxNameLength());
    this.constraints = new ConstraintSql(sql, quoting, columns, features);
    this.statements = new Statements(connection, collect);
  }

  public Features features() {
    return features;
  }

  /** Column types and definitions as this editor writes them (the drift check reads types). */
  public ColumnSql columnSql() {
    return columns;
  }

  /** Index and constraint names and SQL as this editor writes them. */
  public ConstraintSql constraintSql() {
    return constraints;
  }

  /** The templates this editor writes its statements with. */
  public SqlTemplates sql() {
    return sql;
  }

  public String quoteName(String name) {
    return quoting.name(name);
  }

  // ---------------------------------------------------------------- lifecycle

  /** Starts a migration; opens a transaction when {@code atomic} and DDL can roll back. */
  public void begin(boolean atomic) throws SQLException {
    statements.begin(atomic && features.canRollbackDdl());
  }

  /** Runs the deferred SQL; the migration's statements are then complete. */
  public void finish() throws SQLException {
    runDeferred();
  }

  public void commit() throws SQLException {
    statements.commit();
  }

  public void rollback() {
    statements.rollback();
  }

  /** The statements recorded in collect mode, each ending in {@code ;}. */
  public List<String> collectedSql() {
    return statements.collected();
  }

  /** Adds a line to the collected SQL as it is (sqlmigrate's {@code --} comments). */
  public void comment(String line) {
    statements.comment(line);
  }

  /**
   * Retries statements that run outside a transaction after a lock timeout; an atomic migration is
   * retried whole by the executor instead, as a failed statement aborts its transaction.
   */
  public void lockRetry(LockRetry retry) {
    this.lockRetry = retry;
  }

  /**
   * MySQL and MariaDB: add the online DDL clauses ({@code ALGORITHM=INSTANT} or {@code
   * ALGORITHM=INPLACE, LOCK=NONE}) to schema statements; other backends ignore it.
   */
  public void onlineDdl(boolean online) {
    this.onlineDdl = online;
  }

  /**
   * Sends {@code setting} in the round trip of this editor's next statement (PostgreSQL's {@code
   * SET LOCAL lock_timeout} with the first DDL); {@link #sendPending} runs it if none came.
   */
  public void sendWithNextStatement(String setting) {
    statements.sendWithNext(setting);
  }

  /** Runs what {@link #sendWithNextStatement} left, if no statement has taken it. */
  public void sendPending() throws SQLException {
    statements.sendPending();
  }

  /** Runs one statement, or records it in collect mode. */
  protected void execute(String statement) {
    execute(statement, () -> {});
  }

  /**
   * Runs one statement; outside a transaction, one that timed out waiting for a lock is tried again
   * (after {@code beforeRetry}, which clears what the failed attempt left) as {@link #lockRetry}
   * allows.
   */
  protected void execute(String statement, Runnable beforeRetry) {
    for (int attempt = 1; ; attempt++) {
      try {
        statements.execute(statement);
        return;
      } catch (SchemaException e) {
        if (collect || statements.inTransaction() || !lockRetry.retries(e, attempt)) {
          throw e;
        }
        lockRetry.pause(attempt, statement);
        beforeRetry.run();
      }
    }
  }

  /** Every statement that ran through this editor, in order (what a failed migration left). */
  public List<String> executed() {
    return statements.executed();
  }

  /**
   * Runs raw SQL (RunSql): each string split into its statements ({@link SqlScript}), so that a
   * string of several runs all of them on every backend; comment-only pieces are skipped.
   */
  public void execute(List<String> statements) {
    for (String script : statements) {
      for (String statement : SqlScript.split(script, quoting.vendor())) {
        execute(statement);
      }
    }
  }

  /** Queues a statement about {@code table} for the end of the migration. */
  protected void defer(String table, Function<String, String> render) {
    deferred.add(table, render);
  }

  /** Queues a statement that also names columns or other tables, followed if they are renamed. */
  protected void defer(String table, DeferredSql.Render render) {
    deferred.add(table, render);
  }

  protected void runDeferred() {
    deferred.run(this::execute);
  }

  /** Whether statements wait for the end of the migration ({@link #finish}). */
  public boolean hasDeferred() {
    return !deferred.isEmpty();
  }

  /** Forgets deferred statements about a table that no longer exists. */
  protected void discardDeferred(String table) {
    deferred.discard(table);
  }

  /** Points deferred statements at a renamed table (Django's rename_table_references). */
  protected void renameDeferred(String oldTable, String newTable) {
    deferred.rename(oldTable, newTable);
  }

  /** Points deferred statements at a renamed column (Django's rename_column_references). */
  protected void renameColumnReferences(String table, String oldColumn, String newColumn) {
    deferred.renameColumn(table, oldColumn, newColumn);
  }

  // ---------------------------------------------------------------- shared steps

  protected String columnType(ProjectState state, FieldState field) {
    return columns.type(state, field);
  }

  protected ModelState joinModel(ProjectState state, ModelState model, FieldState field) {
    return JoinTables.joinModel(state, model, field, features.maxNameLength());
  }

  /**
   * The name of the single {@code kind} object on {@code table.column} as the database has it
   * (Django's _constraint_names), or {@code computed} when the editor does not look (collect mode,
   * a backend without the catalog query) or finds none or several.
   */
  protected String existingName(String table, String column, NameKind kind, String computed) {
    if (collect || connection == null) {
      return computed;
    }
    List<String> names = introspection.constraintNames(connection, table, column, kind);
    if (names.contains(computed) || names.size() != 1) {
      return computed;
    }
    return names.get(0);
  }

  protected void dropForeignKey(String table, String name) {
    execute(format(sql.deleteFk, "table", quoteName(table), "name", quoteName(name)));
  }

  protected void dropIndex(String table, String name) {
    execute(constraints.dropIndex(table, name));
  }

  /** Comments a column where the backend comments columns in a statement of their own. */
  protected void columnComment(String table, FieldState field) {
    if (sql.columnComment == null) {
      return;
    }
    execute(
        format(
            sql.columnComment,
            "table",
            quoteName(table),
            "column",
            quoteName(field.columnName()),
            "comment",
            field.comment() == null ? sql.noComment : quoting.string(field.comment())));
  }

  /**
   * Renames a column; {@code state} and {@code field} describe it before the rename (MySQL before
   * 8.0 and MariaDB before 10.5.2 restate the definition with {@code CHANGE}).
   */
  protected String renameColumnSql(
      String table, String oldColumn, String newColumn, ProjectState state, FieldState field) {
    return format(
        sql.renameColumn,
        "table",
        quoteName(table),
        "oldColumn",
        quoteName(oldColumn),
        "newColumn",
        quoteName(newColumn));
  }

  /**
   * Everything created after a table that Django defers: field indexes, model indexes, partial
   * unique constraints (where the backend has partial indexes), and foreign keys where they are not
   * inline.
   */
  protected void deferTableExtras(ProjectState state, ModelState model) {
    for (FieldState f : Fields.columnFields(model)) {
      deferFieldExtras(state, model, f);
    }
    for (IndexState index : model.indexes()) {
      if (constraints.creates(index)) {
        defer(model.tableName(), (t, now) -> constraints.index(t, now.model(model), index));
      }
    }
    for (ConstraintState c : model.constraints()) {
      if (!c.isCheck() && constraints.creates(c)) {
        if (c.isUniqueIndex()) {
          defer(
              model.tableName(), (t, now) -> constraints.conditionalUnique(t, now.model(model), c));
        } else if (!c.nullsDistinct()) {
          defer(model.tableName(), (t, now) -> constraints.addConstraint(now.model(model), c));
        }
      }
    }
  }

  protected void deferFieldExtras(ProjectState state, ModelState model, FieldState f) {
    if (!features.canCreateInlineFk() && Fields.hasForeignKeyConstraint(f)) {
      defer(
          model.tableName(),
          (t, now) -> constraints.foreignKey(now.state(state), t, now.field(t, f)));
    }
    if (constraints.needsFieldIndex(f)) {
      defer(model.tableName(), (t, now) -> constraints.fieldIndex(t, now.field(t, f)));
    }
    deferExtraFieldIndexes(state, model, f);
  }

  /** Indexes a backend adds beside a field's own (PostgreSQL's {@code _like} index). */
  protected void deferExtraFieldIndexes(ProjectState state, ModelState model, FieldState f) {}

  /** Before a column is dropped (MySQL must drop its foreign key first). */
  protected void beforeDropColumn(ProjectState state, ModelState model, FieldState field) {}

  /** Before an index or unique constraint on {@code fields} is dropped (MySQL's FK index). */
  protected void beforeDropIndex(ModelState model, List<String> fields) {}
}
