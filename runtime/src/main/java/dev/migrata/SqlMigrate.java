package dev.migrata;

import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.executor.SqlCollector;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.IndexTable;
import dev.migrata.internal.migration.MigrationDefinition;
import java.sql.Connection;
import java.util.Set;

/** Django's {@code sqlmigrate}: the script of one migration, as {@link Migrata#sqlMigrate}. */
final class SqlMigrate {
  private SqlMigrate() {}

  /** The SQL of {@code app}'s migration {@code name} (a name or unique prefix) on this backend. */
  static String script(
      IndexTable index,
      DdlSettings ddl,
      String app,
      String name,
      boolean backwards,
      Connection connection,
      Backend backend) {
    // Squashed and replaced migrations are all addressable here, as Django's sqlmigrate.
    MigrationLoader loader = new MigrationLoader(index.definitions(), Set.of(), false);
    Targets.requireApp(loader, app);
    MigrationDefinition m = loader.byPrefix(app, name);
    return new SqlCollector(loader, backend, connection)
        .onlineDdl(ddl.onlineDdl())
        .lockRetry(ddl.lockRetry())
        .script(m, backwards);
  }
}
