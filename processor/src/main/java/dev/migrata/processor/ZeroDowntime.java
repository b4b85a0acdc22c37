package dev.migrata.processor;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.migration.MigrationNames;
import dev.migrata.internal.operations.AddField;
import dev.migrata.internal.operations.AlterField;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.Operations;
import dev.migrata.internal.operations.RenameModel;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code @App(zeroDowntime = true)}: the processor writes PostgreSQL's safe form itself, so the
 * migration file shows what will run. On a table that existed before this compile's migrations, an
 * index, a check constraint, a foreign key and a {@code NOT NULL} get the forms {@link SafeForms}
 * builds: what must not hold the migration's strong lock while it scans (a concurrent index build,
 * a {@code VALIDATE CONSTRAINT}) moves into one more migration of the app, {@code atomic = false},
 * after its other new operations. Tables created in this compile keep Django's form: nobody writes
 * to those yet.
 */
final class ZeroDowntime {
  private ZeroDowntime() {}

  /** {@code planned} with the safe form written for every app whose settings ask for it. */
  static List<MigrationToWrite> rewrite(
      List<MigrationToWrite> planned,
      ProjectState history,
      Map<String, SafetySettings> settings,
      String explicitName,
      Reporter reporter) {
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
            rewriteApp(
                e.getKey(), e.getValue(), history, created, explicitName, renames, s, reporter));
      }
    }
    return renamed(renames, result);
  }

  /**
   * {@code result} with every dependency on a migration renamed in it (a migration that lost some
   * operations to the non-atomic one is named after what it still does) pointing at the new name.
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
      Map<MigrationKey, MigrationKey> renames,
      SafetySettings settings,
      Reporter reporter) {
    List<MigrationToWrite> result = new ArrayList<>();
    List<Operation> later = new ArrayList<>();
    List<Operation> naming = new ArrayList<>();
    // The state just before each operation, so that a field's old form and a key's target are
    // known; the other apps' new models are not in it (a key to one keeps Django's form).
    ProjectState state = history.copy();
    for (MigrationToWrite m : migrations) {
      List<Operation> kept = new ArrayList<>();
      List<Operation> keptNaming = new ArrayList<>();
      for (Operation op : m.operations()) {
        SafeForms.SafeForm safe =
            existing(app, op, history, created) ? SafeForms.of(app, op, state, settings) : null;
        if (safe == null) {
          kept.add(op);
          keptNaming.add(op);
          if (existing(app, op, history, created)) {
            noteSqlite(app, op, m, state, settings, reporter);
          }
        } else {
          kept.addAll(safe.now());
          if (!safe.now().isEmpty()) {
            keptNaming.add(op);
          }
          later.addAll(safe.later());
          naming.addAll(safe.naming());
        }
        track(app, List.of(op), created);
        forwards(app, op, state);
      }
      if (keptNaming.size() == m.operations().size() || kept.isEmpty()) {
        result.add(kept.equals(m.operations()) ? m : with(m, m.definition().key(), kept));
      } else {
        // Named after what it still does, numbered after its predecessor in the app as before.
        List<String> after =
            m.definition().dependencies().stream()
                .filter(k -> k.app().equals(app))
                .map(MigrationKey::name)
                .toList();
        String name =
            MigrationNames.next(after, explicitName, m.definition().initial(), keptNaming);
        renames.put(m.definition().key(), new MigrationKey(app, name));
        result.add(with(m, new MigrationKey(app, name), kept));
      }
    }
    if (later.isEmpty()) {
      return migrations;
    }
    MigrationToWrite last = result.get(result.size() - 1);
    if (last.operations().isEmpty() && last.definition().dependencies().size() <= 1) {
      // All it held moved: it becomes the non-atomic migration, under its own name.
      result.set(result.size() - 1, nonAtomic(last, last.definition().key(), later, List.of()));
    } else {
      String name = MigrationNames.next(List.of(last.definition().name()), null, false, naming);
      MigrationKey key = new MigrationKey(app, name);
      result.add(nonAtomic(last, key, later, List.of(last.definition().key())));
    }
    return result;
  }

  /** Whether {@code op} changes a managed table that existed before this compile's migrations. */
  private static boolean existing(
      String app, Operation op, ProjectState history, Set<String> created) {
    String model = SafetyRules.modelOf(op);
    if (model == null || created.contains(ProjectState.key(app, model))) {
      return false;
    }
    ModelState m = history.model(app, model);
    return m != null && m.managed();
  }

  /**
   * A foreign key added to (or pointed elsewhere on) an existing table of an app that targets
   * SQLite keeps Django's form: says so.
   */
  private static void noteSqlite(
      String app,
      Operation op,
      MigrationToWrite m,
      ProjectState state,
      SafetySettings settings,
      Reporter reporter) {
    FieldState f =
        op instanceof AddField a ? a.field() : op instanceof AlterField a ? a.field() : null;
    String modelName = SafetyRules.modelOf(op);
    ModelState model = state.model(app, modelName);
    if (f == null
        || model == null
        || !ForeignKeySafeForm.constrains(f)
        || !settings.targets(SafetySettings.Backend.SQLITE)
        || reporter == null) {
      return;
    }
    FieldState old = model.field(f.name());
    if (op instanceof AddField
        || (old != null
            && !(ForeignKeySafeForm.applies(old) && Objects.equals(old.to(), f.to())))) {
      reporter.report(
          Problem.ZERO_DOWNTIME_FOREIGN_KEY_ON_SQLITE,
          SafetyCheck.modelElement(m, modelName),
          f.columnName(),
          model.tableName(),
          m.label(),
          app);
    }
  }

  private static void forwards(String app, Operation op, ProjectState state) {
    try {
      op.stateForwards(app, state);
    } catch (RuntimeException e) {
      // A migration the state cannot follow is reported elsewhere; the next ones keep Django's
      // form.
    }
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
    List<Deconstructed> forms = Operations.deconstruct(ops);
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
