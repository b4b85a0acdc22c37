package dev.migrata.test;

import dev.migrata.Migrata;
import dev.migrata.PlannedMigration;
import dev.migrata.SchemaDifference;
import dev.migrata.SchemaSnapshot;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * A fresh database and the application's migrations (read from the migration index on the class
 * path), with the assertions and the row API a migration test needs. Made per test by {@link
 * MigrataExtension}, or directly:
 *
 * <pre>{@code
 * try (MigrationTester tester = MigrationTester.create("postgresql")) {
 *   tester.assertEveryMigrationReversible();
 * }
 * }</pre>
 */
public final class MigrationTester implements AutoCloseable {
  private final TestDatabase database;
  private final Migrata migrata;
  private final Rows rows;

  private MigrationTester(TestDatabase database, ClassLoader classLoader) {
    this.database = database;
    this.migrata =
        Migrata.configure().jdbcUrl(database.url(), null, null).classLoader(classLoader).load();
    this.rows = new Rows(database);
  }

  /**
   * A tester on a new database of {@code server} ({@code sqlite}, {@code postgresql}, {@code
   * mariadb}, {@code mysql} or a server's JDBC URL; see {@link TestDatabase}), with the migrations
   * of the thread's context class loader.
   */
  public static MigrationTester create(String server) {
    return create(server, Thread.currentThread().getContextClassLoader());
  }

  /** {@link #create(String)} with the migration index of {@code classLoader}. */
  public static MigrationTester create(String server, ClassLoader classLoader) {
    TestDatabase database = TestDatabase.create(server);
    try {
      return new MigrationTester(database, classLoader);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** The runtime on this database, for anything the tester does not wrap. */
  public Migrata migrata() {
    return migrata;
  }

  /** The test database (its URL, a connection). */
  public TestDatabase database() {
    return database;
  }

  // ---------------------------------------------------------------- migrating

  /** Applies every migration; returns what ran. */
  public List<PlannedMigration> migrate() {
    return migrata.migrate();
  }

  /**
   * Migrates {@code app} forwards or backwards to {@code name} (a name, a unique prefix such as
   * {@code 0004}, or {@code zero}), as {@code migrate APP NAME}; returns what ran.
   */
  public List<PlannedMigration> migrateTo(String app, String name) {
    return migrata.migrate(app, name);
  }

  // ---------------------------------------------------------------- assertions

  /**
   * For each migration in plan order, on a database with nothing applied: applies it and takes a
   * snapshot of the schema; unapplies it and compares with the snapshot before it; applies it again
   * and compares with the first time. Tables, columns, types, nullability, primary keys, indexes,
   * unique constraints, foreign keys and checks are compared.
   *
   * @throws AssertionFailedError naming the migration and each difference, or the operation that
   *     cannot be unapplied
   */
  public void assertEveryMigrationReversible() {
    new ReversibilityCheck(migrata).run();
  }

  /**
   * The drift check as an assertion: the live schema is the one the applied migrations describe
   * (the models' schema, once every migration is applied). Same check as {@code migrate
   * --check-schema}.
   *
   * @throws AssertionFailedError listing each difference by table and column
   */
  public void assertSchemaMatchesModels() {
    List<SchemaDifference> differences = migrata.checkSchema();
    if (!differences.isEmpty()) {
      throw new AssertionFailedError(
          "The schema differs from what the applied migrations describe:\n"
              + differences.stream().map(d -> "  " + d).collect(Collectors.joining("\n")));
    }
  }

  /** The live schema now, to compare with a later one ({@link SchemaSnapshot#differencesFrom}). */
  public SchemaSnapshot schema() {
    return migrata.schemaSnapshot();
  }

  // ---------------------------------------------------------------- rows

  /**
   * Inserts a row given by column name; values are bound as JDBC parameters.
   *
   * @return the generated key where the table has one (on PostgreSQL the row's first column), else
   *     {@code null}
   */
  public Object insert(String table, Map<String, ?> values) {
    return rows.insert(table, values);
  }

  /** Every row of {@code table}, ordered by its first column, each as column to value. */
  public List<Map<String, Object>> rows(String table) {
    return rows.query("SELECT * FROM " + rows.quote(table) + " ORDER BY 1");
  }

  /** The rows of a query with {@code ?} parameters, each as column label to value. */
  public List<Map<String, Object>> query(String sql, Object... params) {
    return rows.query(sql, params);
  }

  /** Runs a statement with {@code ?} parameters; how many rows it changed. */
  public int execute(String sql, Object... params) {
    return rows.execute(sql, params);
  }

  /** An identifier quoted for this backend, for hand-written SQL. */
  public String quote(String identifier) {
    return rows.quote(identifier);
  }

  /** Drops the test database. */
  @Override
  public void close() {
    database.close();
  }

  @Override
  public String toString() {
    return database.toString();
  }
}
