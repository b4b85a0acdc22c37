package dev.migrata;

import dev.migrata.internal.graph.MigrationGraph;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Django's migrate arguments turned into targets: all apps, an app, a migration, or zero. */
final class Targets {
  private static final String ZERO = "zero";

  /** The targets and Django's line under {@code Operations to perform:}. */
  record Resolved(List<MigrationKey> targets, String header) {}

  private Targets() {}

  /** {@code app} null for all apps; {@code target} null for the app's latest. */
  static Resolved resolve(MigrationLoader loader, String app, String target) {
    MigrationGraph graph = loader.graph();
    if (app == null) {
      List<MigrationKey> leaves = graph.leafNodes();
      Set<String> apps = new TreeSet<>();
      leaves.forEach(k -> apps.add(k.app()));
      return new Resolved(
          leaves, "Apply all migrations: " + (apps.isEmpty() ? "(none)" : String.join(", ", apps)));
    }
    requireApp(loader, app);
    if (target == null) {
      return new Resolved(graph.leafNodes(app), "Apply all migrations: " + app);
    }
    if (target.equals(ZERO)) {
      return new Resolved(List.of(new MigrationKey(app, null)), "Unapply all migrations: " + app);
    }
    MigrationKey key = loader.byPrefix(app, target).key();
    MigrationDefinition named = loader.get(key);
    if (!graph.contains(key) && !named.replaces().isEmpty()) {
      // A squash that cannot be used (partly applied): its last replaced migration stands for it.
      key = named.replaces().get(named.replaces().size() - 1);
    }
    if (!graph.contains(key)) {
      // A migration replaced by a squash that is in use is no longer a node of the graph.
      throw new MigrataException(
          ErrorCode.UNKNOWN_MIGRATION,
          "Migration " + key + " is replaced by a squashed migration; target the squash instead.");
    }
    return new Resolved(List.of(key), "Target specific migration: " + key.name() + ", from " + app);
  }

  static void requireApp(MigrationLoader loader, String app) {
    if (!loader.apps().contains(app)) {
      throw new MigrataException(
          ErrorCode.UNKNOWN_APP, "App '" + app + "' does not have migrations.");
    }
  }
}
