package dev.migrata.cli;

import dev.migrata.ErrorCode;
import dev.migrata.Migrata;
import dev.migrata.MigrataException;
import dev.migrata.MigrationListener;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Django's {@code sqlmigrate APP MIGRATION [--backwards]}. */
@Command(name = "sqlmigrate", description = "Prints the SQL of one migration.")
final class SqlMigrateCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "APP", description = "The app of the migration.")
  String app;

  @Parameters(
      index = "1",
      paramLabel = "MIGRATION",
      description = "The migration's name or a unique prefix of it (0002).")
  String migration;

  @Option(names = "--backwards", description = "The SQL to unapply the migration.")
  boolean backwards;

  @Option(
      names = "--online-ddl",
      description =
          "MySQL/MariaDB: show the ALGORITHM=INSTANT / ALGORITHM=INPLACE, LOCK=NONE clauses that"
              + " migrate --online-ddl adds.")
  boolean onlineDdl;

  @Option(
      names = "--ddl-lock-timeout",
      paramLabel = "SECONDS",
      description =
          "PostgreSQL: the lock_timeout that migrate --ddl-lock-timeout sets, shown as it runs"
              + " (default: 10, 0 for none).")
  Double ddlLockTimeout;

  SqlMigrateCommand(Context context) {
    super(context);
  }

  @Override
  Integer execute() {
    Migrata.Configuration configuration =
        configuration(MigrationListener.NONE).mysqlOnlineDdl(onlineDdl);
    if (ddlLockTimeout != null) {
      if (ddlLockTimeout < 0 || ddlLockTimeout.isNaN()) {
        throw new MigrataException(
            ErrorCode.CONFIGURATION, "--ddl-lock-timeout must be zero or more seconds.");
      }
      configuration.ddlLockTimeout(Duration.ofMillis(Math.round(ddlLockTimeout * 1000)));
    }
    String sql = configuration.load().sqlMigrate(app, migration, backwards);
    if (sql.isEmpty()) {
      context.err.println("No operations found.");
    } else {
      context.out.print(sql);
    }
    return 0;
  }
}
