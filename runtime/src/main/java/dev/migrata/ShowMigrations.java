package dev.migrata;

import dev.migrata.internal.backends.Backend;
import dev.migrata.internal.graph.MigrationGraph;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.IndexTable;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.recorder.MigrationRecorder;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Django's showmigrations, as a list and as {@code --plan}, from a loaded history. */
final class ShowMigrations {
  private final MigrationLoader loader;
  private final Set<MigrationKey> changed;

  ShowMigrations(MigrationLoader loader, Set<MigrationKey> changed) {
    this.loader = loader;
    this.changed = changed;
  }

  /** The migrations of {@code index} against the history read now on {@code connection}. */
  static ShowMigrations read(IndexTable index, Connection connection, Backend backend) {
    MigrationRecorder recorder = new MigrationRecorder(backend);
    Set<MigrationKey> recorded = recorder.applied(connection);
    MigrationLoader loader = new MigrationLoader(index.definitions(), recorded, true);
    return new ShowMigrations(loader, History.changed(loader, recorder.checksums()).keySet());
  }

  /** Each app's migrations in plan order; {@code apps} limits it (none for all). */
  Map<String, List<MigrationStatus>> byApp(String... apps) {
    List<String> names = apps.length == 0 ? new ArrayList<>(loader.apps()) : Arrays.asList(apps);
    for (String app : names) {
      Targets.requireApp(loader, app);
    }
    MigrationGraph graph = loader.graph();
    Map<String, List<MigrationStatus>> result = new LinkedHashMap<>();
    for (String app : names) {
      List<MigrationStatus> list = new ArrayList<>();
      Set<MigrationKey> shown = new HashSet<>();
      for (MigrationKey leaf : graph.leafNodes(app)) {
        for (MigrationKey key : graph.forwardsPlan(leaf)) {
          if (key.app().equals(app) && shown.add(key)) {
            list.add(status(key));
          }
        }
      }
      result.put(app, list);
    }
    return result;
  }

  /** Every migration in the global order it applies in. */
  List<MigrationStatus> plan(String... apps) {
    List<MigrationKey> targets = new ArrayList<>();
    if (apps.length == 0) {
      targets.addAll(loader.graph().leafNodes());
    } else {
      for (String app : apps) {
        Targets.requireApp(loader, app);
        targets.addAll(loader.graph().leafNodes(app));
      }
    }
    List<MigrationStatus> result = new ArrayList<>();
    for (MigrationKey key : loader.graph().forwardsPlan(targets)) {
      result.add(status(key));
    }
    return result;
  }

  private MigrationStatus status(MigrationKey key) {
    MigrationDefinition m = loader.graph().migration(key);
    return new MigrationStatus(
        key,
        loader.applied().contains(key),
        loader.recorded().contains(key),
        m.replaces().size(),
        new ArrayList<>(loader.graph().parents(key)),
        changed.contains(key));
  }
}
