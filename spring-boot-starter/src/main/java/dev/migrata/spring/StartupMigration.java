package dev.migrata.spring;

import dev.migrata.Migrata;
import dev.migrata.MigrationPlan;
import dev.migrata.PlannedMigration;
import java.util.List;

/**
 * The default start-up behaviour: migrate to {@code migrata.target} (every app's latest when
 * unset), with {@code migrata.fake-initial}; an up-to-date database costs one history read.
 */
final class StartupMigration implements MigrataMigrationStrategy {
  private final String app;
  private final String name;
  private final boolean fakeInitial;

  StartupMigration(String target, boolean fakeInitial) {
    this.fakeInitial = fakeInitial;
    if (target == null || target.isBlank()) {
      app = null;
      name = null;
    } else {
      int colon = target.indexOf(':');
      app = (colon < 0 ? target : target.substring(0, colon)).strip();
      name = colon < 0 ? null : target.substring(colon + 1).strip();
      if (app.isEmpty() || (name != null && name.isEmpty())) {
        throw new IllegalArgumentException(
            "migrata.target must be 'app' or 'app:name' (a migration name, a unique prefix or"
                + " 'zero'), not '"
                + target
                + "'.");
      }
    }
  }

  @Override
  public void migrate(Migrata migrata) {
    MigrationPlan plan = migrata.plan(app, name);
    if (!plan.unknownHistoryNotice().isEmpty()) {
      MigrataLog.LOG.warn(plan.unknownHistoryNotice());
    }
    List<PlannedMigration> ran = migrata.migrate(plan, false, fakeInitial);
    if (ran.isEmpty()) {
      MigrataLog.LOG.info(plan.header() + ": no migrations to apply.");
    } else {
      MigrataLog.LOG.info(
          plan.header()
              + ": "
              + ran.size()
              + (ran.size() == 1 ? " migration" : " migrations")
              + " run.");
    }
  }
}
