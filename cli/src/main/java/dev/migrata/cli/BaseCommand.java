package dev.migrata.cli;

import dev.migrata.Migrata;
import dev.migrata.MigrationListener;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** Connection options shared by the commands; they come after the command name. */
abstract class BaseCommand implements Callable<Integer> {
  final Context context;

  @Option(names = "--url", description = "JDBC URL (default: $MIGRATA_URL).")
  String url;

  @Option(names = "--user", description = "Database user (default: $MIGRATA_USER).")
  String user;

  @Option(names = "--password", description = "Database password (default: $MIGRATA_PASSWORD).")
  String password;

  @Option(
      names = {"-v", "--verbosity"},
      defaultValue = "1",
      description = "0 to 3; 2 adds timings.")
  int verbosity;

  BaseCommand(Context context) {
    this.context = context;
  }

  Migrata migrata(MigrationListener listener) {
    return configuration(listener).load();
  }

  Migrata.Configuration configuration(MigrationListener listener) {
    String u = url != null ? url : context.env.get("MIGRATA_URL");
    String us = user != null ? user : context.env.get("MIGRATA_USER");
    String pw = password != null ? password : context.env.get("MIGRATA_PASSWORD");
    return Migrata.configure().jdbcUrl(u, us, pw).listener(listener);
  }
}
