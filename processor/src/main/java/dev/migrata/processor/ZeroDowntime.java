package dev.migrata.processor;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.migration.MigrationNames;
import dev.migrata.internal.operations.AddIndex;
import dev.migrata.internal.operations.AddIndexConcurrently;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RenameModel;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ProjectState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code @App(zeroDowntime = true)}: the processor writes PostgreSQL's safe form itself, so the
 * migration file shows what will run. An index added to a table that existed before this compile's
 * migrations moves out of its migration into one more migration of the app, {@code atomic = false},
 * as {@code ADD_INDEX_CONCURRENTLY} (plain {@code CREATE INDEX} on the other backends). Indexes of
 * tables created in this compile stay where they are: nobody writes to those yet.
 */
final class ZeroDowntime {
  private ZeroDowntime() {}

  /** {@code planned} with the safe form written for every app whose settings ask for it. */
  static List<MigrationToWrite> rewrite(
      List<MigrationToWrite> planned,
      ProjectState history,
      Map<String, SafetySettings> settings,
      String explicitName) {
    Map<String, List<MigrationToWrite>> byApp = new LinkedHashMap<>();
    for (MigrationToWrite m : planned) {
      byApp.computeIfAbsent(m.app().label(), a -> new ArrayList<>()).add(m);
    }
    Set<String> created = new HashSet<>();
    Map<MigrationKey, MigrationKey> renames = new HashMap<>();
    List<MigrationToWrite> result = new ArrayList<>();
    for (Map.Entry<String, List<MigrationToWrite>> e : byApp.entrySet()) {
      SafetySettings s = settings.get(e.getKey());
      if (s == null || !s.writesSafeForm()) {
        e.getValue().forEach(m -> track(e.getKey(), m.operations(), created));
        result.addAll(e.getValue());
      } else {
        result.addAll(
            rewriteApp(e.getKey(), e.getValue(), history, created, explicitName, renames));
      }
    }
    return renamed(renames, result);
  }

  /**
   * {@code result} with every dependency on a migration renamed in it (a migration that lost its
   * indexes is named after what it still does) pointing at the new name.
   */
  private static List<MigrationToWrite> renamed(
      Map<MigrationKey, MigrationKey> renames, List<MigrationToWrite> result) {
    if (renames.isEmpty()) {
      return result;
    }
    List<MigrationToWrite> fixed = new ArrayList<>();
    for (MigrationToWrite m : result) {
      MigrationDefinition d = m.definition();
      List<MigrationKey> deps =
          d.dependencies().stream().map(k -> renames.getOrDefault(k, k)).toList();
      fixed.add(
          deps.equals(d.dependencies())
              ? m
              : new MigrationToWrite(
                  m.app(),
                  definition(m, d.key(), deps, d.initial(), d.atomic(), m.operations()),
                  m.operations(),
                  m.models()));
    }
    return fixed;
  }

  private static List<MigrationToWrite> rewriteApp(
      String app,
      List<MigrationToWrite> migrations,
      ProjectState history,
      Set<String> created,
      String explicitName,
      Map<MigrationKey, MigrationKey> renames) {
    List<MigrationToWrite> result = new ArrayList<>();
    List<Operation> moved = new ArrayList<>();
    for (MigrationToWrite m : migrations) {
      List<Operation> kept = new ArrayList<>();
      for (Operation op : m.operations()) {
        if (op instanceof AddIndex a
            && !created.contains(ProjectState.key(app, a.model()))
            && history.model(app, a.model()) != null
            && history.model(app, a.model()).managed()) {
          moved.add(new AddIndexConcurrently(a.model(), a.index()));
        } else {
          kept.add(op);
        }
        track(app, List.of(op), created);
      }
      if (kept.size() == m.operations().size() || kept.isEmpty()) {
        result.add(kept.isEmpty() ? with(m, m.definition().key(), kept) : m);
      } else {
        // Named after what it still does, numbered after its predecessor in the app as before.
        List<String> after =
            m.definition().dependencies().stream()
                .filter(k -> k.app().equals(app))
                .map(MigrationKey::name)
                .toList();
        String name = MigrationNames.next(after, explicitName, m.definition().initial(), kept);
        renames.put(m.definition().key(), new MigrationKey(app, name));
        result.add(with(m, new MigrationKey(app, name), kept));
      }
    }
    if (moved.isEmpty()) {
      return migrations;
    }
    MigrationToWrite last = result.get(result.size() - 1);
    if (last.operations().isEmpty() && last.definition().dependencies().size() <= 1) {
      // It held only indexes: it becomes the non-atomic migration, under its own name.
      result.set(result.size() - 1, nonAtomic(last, last.definition().key(), moved, List.of()));
    } else {
      String name = MigrationNames.next(List.of(last.definition().name()), null, false, moved);
      MigrationKey key = new MigrationKey(app, name);
      result.add(nonAtomic(last, key, moved, List.of(last.definition().key())));
    }
    return result;
  }

  private static void track(String app, List<Operation> ops, Set<String> created) {
    for (Operation op : ops) {
      if (op instanceof CreateModel c) {
        created.add(ProjectState.key(app, c.name()));
      } else if (op instanceof RenameModel r
          && created.contains(ProjectState.key(app, r.oldName().toLowerCase(Locale.ROOT)))) {
        created.add(ProjectState.key(app, r.newName()));
      }
    }
  }

  private static MigrationToWrite with(MigrationToWrite m, MigrationKey key, List<Operation> ops) {
    MigrationDefinition d = m.definition();
    return new MigrationToWrite(
        m.app(),
        definition(m, key, d.dependencies(), d.initial(), d.atomic(), ops),
        ops,
        m.models());
  }

  private static MigrationToWrite nonAtomic(
      MigrationToWrite after, MigrationKey key, List<Operation> ops, List<MigrationKey> deps) {
    List<MigrationKey> dependencies = deps.isEmpty() ? after.definition().dependencies() : deps;
    boolean initial = deps.isEmpty() && after.definition().initial();
    return new MigrationToWrite(
        after.app(),
        definition(after, key, dependencies, initial, false, ops),
        ops,
        after.models());
  }

  private static MigrationDefinition definition(
      MigrationToWrite m,
      MigrationKey key,
      List<MigrationKey> deps,
      boolean initial,
      boolean atomic,
      List<Operation> ops) {
    List<Deconstructed> forms = ops.stream().map(Operation::deconstruct).toList();
    return new MigrationDefinition(
        key,
        m.app().migrationsPackage() + "." + MigrationNames.className(key.name()),
        new ArrayList<>(deps),
        List.of(),
        List.of(),
        initial,
        atomic,
        () -> forms);
  }
}
