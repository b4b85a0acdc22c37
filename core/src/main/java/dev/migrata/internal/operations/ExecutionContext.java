package dev.migrata.internal.operations;

import dev.migrata.internal.migration.MigrationKey;
import java.sql.Connection;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the executor knows about the migration being run that the {@link Operation} signature cannot
 * carry: the backend's vendor (for per-backend RunSql), the connection and quoting (for RunJava's
 * row API), the migration class and which apps the migration may see. Immutable and reached through
 * the {@link dev.migrata.schema.SchemaEditor} an operation is given (Django's {@code
 * schema_editor.connection}), never through thread state: an operation run outside the executor
 * still knows its editor's vendor, and nested or parallel runs cannot see each other's.
 */
public final class ExecutionContext {
  /** Knows nothing: the vendor is unknown, so vendor-limited RunSql runs, and RunJava refuses. */
  public static final ExecutionContext NONE = builder().build();

  private final String vendor;
  private final Connection connection;
  private final Function<String, String> quote;
  private final MigrationKey migration;
  private final String migrationClass;
  private final ClassLoader classLoader;
  private final Supplier<Set<String>> visibleApps;
  private final Function<String, String> latestMigration;
  private final RowProgress rowProgress;
  private final RowBatches rowBatches;

  private ExecutionContext(Builder b) {
    this.vendor = b.vendor;
    this.connection = b.connection;
    this.quote = b.quote;
    this.migration = b.migration;
    this.migrationClass = b.migrationClass;
    this.classLoader = b.classLoader;
    this.visibleApps = b.visibleApps;
    this.latestMigration = b.latestMigration;
    this.rowProgress = b.rowProgress;
    this.rowBatches = b.rowBatches;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The backend's vendor ({@code sqlite}, {@code postgresql}, {@code mysql}), or {@code null}. */
  public String vendor() {
    return vendor;
  }

  /** The connection, or {@code null} when SQL is only collected (sqlmigrate). */
  public Connection connection() {
    return connection;
  }

  public String quote(String identifier) {
    return quote.apply(identifier);
  }

  public MigrationKey migration() {
    return migration;
  }

  /** The migration class's binary name, or {@code null} outside a migration. */
  public String migrationClass() {
    return migrationClass;
  }

  public ClassLoader classLoader() {
    return classLoader;
  }

  /** The apps of the migration's own dependency closure (itself included). */
  public Set<String> visibleApps() {
    return visibleApps.get();
  }

  /** The latest migration of {@code app}, or {@code null}. */
  public String latestMigration(String app) {
    return latestMigration.apply(app);
  }

  /** Where long work counts its rows for the executor's progress reports. */
  public RowProgress rowProgress() {
    return rowProgress;
  }

  /** How the row API groups its writes into transactions (committed batches when non-atomic). */
  public RowBatches rowBatches() {
    return rowBatches;
  }

  /** Collects the context. */
  public static final class Builder {
    private String vendor;
    private Connection connection;
    private Function<String, String> quote = s -> "\"" + s + "\"";
    private MigrationKey migration;
    private String migrationClass;
    private ClassLoader classLoader = ExecutionContext.class.getClassLoader();
    private Supplier<Set<String>> visibleApps = Set::of;
    private Function<String, String> latestMigration = app -> null;
    private RowProgress rowProgress = RowProgress.NONE;
    private RowBatches rowBatches = RowBatches.NONE;

    public Builder vendor(String v) {
      vendor = v;
      return this;
    }

    public Builder connection(Connection c) {
      connection = c;
      return this;
    }

    public Builder quote(Function<String, String> q) {
      quote = q;
      return this;
    }

    public Builder migration(MigrationKey key, String className) {
      migration = key;
      migrationClass = className;
      return this;
    }

    public Builder classLoader(ClassLoader cl) {
      if (cl != null) {
        classLoader = cl;
      }
      return this;
    }

    public Builder visibleApps(Supplier<Set<String>> apps) {
      visibleApps = apps;
      return this;
    }

    public Builder latestMigration(Function<String, String> latest) {
      latestMigration = latest;
      return this;
    }

    public Builder rowProgress(RowProgress progress) {
      rowProgress = progress == null ? RowProgress.NONE : progress;
      return this;
    }

    public Builder rowBatches(RowBatches batches) {
      rowBatches = batches == null ? RowBatches.NONE : batches;
      return this;
    }

    public ExecutionContext build() {
      return new ExecutionContext(this);
    }
  }
}
