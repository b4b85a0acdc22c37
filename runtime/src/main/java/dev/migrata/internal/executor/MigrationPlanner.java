package dev.migrata.internal.executor;

import dev.migrata.PlannedMigration;
import dev.migrata.internal.graph.MigrationGraph;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The planning half of Django's MigrationExecutor: which migrations to apply or unapply, in which
 * order, for some targets, from the history the loader read. Reads nothing from the database.
 */
public final class MigrationPlanner {
  private final MigrationLoader loader;

  public MigrationPlanner(MigrationLoader loader) {
    this.loader = loader;
  }

  /**
   * Django's migration_plan. A target with a {@code null} name means "zero" for its app; an applied
   * target unapplies only its in-app children and what depends on them (minimize rollbacks); an
   * unapplied one applies its unapplied ancestors.
   */
  public List<PlannedMigration> migrationPlan(List<MigrationKey> targets, boolean cleanStart) {
    MigrationGraph graph = loader.graph();
    List<PlannedMigration> plan = new ArrayList<>();
    Set<MigrationKey> applied = cleanStart ? new HashSet<>() : new HashSet<>(loader.applied());
    for (MigrationKey target : targets) {
      if (target.name() == null) {
        for (MigrationKey root : graph.rootNodes(target.app())) {
          unapplyAll(graph.backwardsPlan(root), applied, plan);
        }
      } else if (applied.contains(target)) {
        for (MigrationKey child : graph.children(target)) {
          if (child.app().equals(target.app())) {
            unapplyAll(graph.backwardsPlan(child), applied, plan);
          }
        }
      } else {
        for (MigrationKey key : graph.forwardsPlan(target)) {
          if (applied.add(key)) {
            plan.add(PlannedMigration.of(graph.migration(key), false));
          }
        }
      }
    }
    return plan;
  }

  private void unapplyAll(
      List<MigrationKey> keys, Set<MigrationKey> applied, List<PlannedMigration> plan) {
    for (MigrationKey key : keys) {
      if (applied.remove(key)) {
        plan.add(PlannedMigration.of(loader.graph().migration(key), true));
      }
    }
  }

  /** The order Django would apply everything in on an empty database. */
  List<PlannedMigration> fullPlan() {
    return migrationPlan(loader.graph().leafNodes(), true);
  }

  /** Squashes whose replaced migrations are all in {@code applied} but that have no row yet. */
  List<MigrationDefinition> unrecordedSquashes(Set<MigrationKey> applied) {
    List<MigrationDefinition> out = new ArrayList<>();
    for (MigrationDefinition m : loader.all()) {
      if (!m.replaces().isEmpty()
          && !applied.contains(m.key())
          && applied.containsAll(m.replaces())) {
        out.add(m);
      }
    }
    return out;
  }

  /** Whether a squash is to be recorded, from the history rows the loader read. */
  public boolean hasUnrecordedSquash() {
    return !unrecordedSquashes(loader.recorded()).isEmpty();
  }
}
