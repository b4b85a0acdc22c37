package dev.migrata.cli;

import dev.migrata.ErrorCode;
import dev.migrata.FleetReport;
import dev.migrata.Migrata;
import dev.migrata.MigrataException;
import dev.migrata.MigrationListener;
import dev.migrata.MigrationStatus;
import dev.migrata.internal.migration.MigrationKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Django's {@code showmigrations [APP...] [--plan]}. */
@Command(name = "showmigrations", description = "Lists migrations and whether they are applied.")
final class ShowMigrationsCommand extends BaseCommand {
  @Parameters(arity = "0..*", paramLabel = "APP", description = "The apps to list (all without).")
  List<String> apps = new ArrayList<>();

  @Option(
      names = {"--plan", "-p"},
      description = "Lists all migrations in the order they apply in.")
  boolean plan;

  @Option(
      names = {"--list", "-l"},
      description = "Lists migrations per app (the default).")
  boolean list;

  @Mixin FleetOptions fleet;

  ShowMigrationsCommand(Context context) {
    super(context);
  }

  @Override
  Integer execute() {
    if (fleet.active()) {
      return showFleet();
    }
    String[] names = apps.toArray(new String[0]);
    if (plan) {
      printPlan(names);
    } else {
      printList(names);
    }
    return 0;
  }

  /**
   * Which tenants lag: a line per tenant with what it has not applied (of the one app given, or
   * all), then the summary, in which "migrated" counts the tenants a migrate would migrate.
   */
  private int showFleet() {
    if (apps.size() > 1) {
      throw new MigrataException(
          ErrorCode.CONFIGURATION, "With --tenants or --schemas, give at most one app.");
    }
    String app = apps.isEmpty() ? null : apps.get(0);
    FleetReport report =
        fleet
            .fleet(this, unconnected(MigrationListener.NONE))
            .plan(
                app,
                null,
                r -> {
                  synchronized (context) {
                    context.println(r.line());
                  }
                });
    return fleet.finish(context, report);
  }

  private void printList(String[] names) {
    Migrata migrata = migrata(MigrationListener.NONE);
    Map<String, List<MigrationStatus>> byApp = migrata.showMigrations(names);
    // Django's -v 2: when each applied migration was recorded.
    Map<MigrationKey, String> appliedAt = verbosity >= 2 ? migrata.appliedTimes() : Map.of();
    for (Map.Entry<String, List<MigrationStatus>> e : byApp.entrySet()) {
      context.println(e.getKey());
      if (e.getValue().isEmpty()) {
        context.println(" (no migrations)");
      }
      for (MigrationStatus s : e.getValue()) {
        String title = s.key().name();
        if (s.squashed() > 0) {
          title += " (" + s.squashed() + " squashed migrations)";
        }
        if (!s.applied()) {
          context.println(" [ ] " + title);
        } else if (s.squashed() > 0 && !s.recorded()) {
          context.println(" [-] " + title + " Run 'migrate' to finish recording.");
        } else {
          String at = appliedAt.get(s.key());
          context.println(
              " [X] "
                  + title
                  + (s.changed() ? " (changed since applied)" : "")
                  + (at == null ? "" : " (applied at " + at + ")"));
        }
      }
    }
  }

  private void printPlan(String[] names) {
    List<MigrationStatus> all = migrata(MigrationListener.NONE).showMigrationsPlan(names);
    if (all.isEmpty()) {
      context.println("(no migrations)");
    }
    for (MigrationStatus s : all) {
      String deps = "";
      if (verbosity >= 2 && !s.parents().isEmpty()) {
        deps =
            " ... ("
                + String.join(", ", s.parents().stream().map(MigrationKey::toString).toList())
                + ")";
      }
      context.println(
          (s.applied() ? "[X]  " : "[ ]  ")
              + s.key()
              + deps
              + (s.changed() ? " (changed since applied)" : ""));
    }
  }
}
