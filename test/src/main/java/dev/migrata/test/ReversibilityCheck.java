package dev.migrata.test;

import dev.migrata.Migrata;
import dev.migrata.MigrataException;
import dev.migrata.MigrationStatus;
import dev.migrata.SchemaDifference;
import dev.migrata.SchemaSnapshot;
import dev.migrata.internal.migration.MigrationKey;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * {@link MigrationTester#assertEveryMigrationReversible()}: each migration in plan order applied,
 * unapplied and applied again, the schema compared after each step with the one it should equal.
 */
final class ReversibilityCheck {
  private final Migrata migrata;

  ReversibilityCheck(Migrata migrata) {
    this.migrata = migrata;
  }

  void run() {
    List<MigrationStatus> plan = migrata.showMigrationsPlan();
    List<String> applied =
        plan.stream().filter(MigrationStatus::applied).map(s -> s.key().toString()).toList();
    if (!applied.isEmpty()) {
      throw new AssertionFailedError(
          "assertEveryMigrationReversible() needs a database with nothing applied; applied: "
              + String.join(", ", applied)
              + ".");
    }
    for (MigrationStatus step : plan) {
      check(step);
    }
  }

  private void check(MigrationStatus step) {
    MigrationKey key = step.key();
    SchemaSnapshot before = migrata.schemaSnapshot();
    Set<MigrationKey> appliedBefore = appliedNow();
    migrate(key, key.name(), "apply");
    SchemaSnapshot after = migrata.schemaSnapshot();

    migrate(key, previous(step), "unapply");
    // Going back to the parent unapplies its other applied children too (a merged branch):
    // those are applied again, so that only this migration is undone.
    for (MigrationStatus s : migrata.showMigrationsPlan()) {
      if (!s.applied() && appliedBefore.contains(s.key())) {
        migrate(s.key(), s.key().name(), "re-apply the earlier migration " + s.key() + " for");
      }
    }
    expectSame(key, before, migrata.schemaSnapshot(), "after unapplying it", "before applying it");

    migrate(key, key.name(), "re-apply");
    expectSame(key, after, migrata.schemaSnapshot(), "after applying it again", "the first time");
  }

  private Set<MigrationKey> appliedNow() {
    return migrata.showMigrationsPlan().stream()
        .filter(MigrationStatus::applied)
        .map(MigrationStatus::key)
        .collect(Collectors.toSet());
  }

  /** The in-app parent to migrate back to, or {@code zero} for an app's first migration. */
  private static String previous(MigrationStatus step) {
    return step.parents().stream()
        .filter(p -> p.app().equals(step.key().app()))
        .map(MigrationKey::name)
        .findFirst()
        .orElse("zero");
  }

  private void migrate(MigrationKey key, String target, String what) {
    try {
      migrata.migrate(key.app(), target);
    } catch (MigrataException e) {
      throw new AssertionFailedError(
          "Migration " + key + " is not reversible: could not " + what + " it: " + e.getMessage(),
          e);
    }
  }

  private static void expectSame(
      MigrationKey key, SchemaSnapshot expected, SchemaSnapshot actual, String when, String than) {
    List<SchemaDifference> differences = actual.differencesFrom(expected);
    if (!differences.isEmpty()) {
      throw new AssertionFailedError(
          "Migration "
              + key
              + " is not reversible: the schema "
              + when
              + " differs from "
              + than
              + ":\n"
              + differences.stream().map(d -> "  " + d).collect(Collectors.joining("\n")),
          expected.toString(),
          actual.toString());
    }
  }
}
