package dev.migrata.processor;

import dev.migrata.ErrorCode;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.state.ProjectState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * Rebuilds the state the existing migrations describe with the runtime's own loader and graph, as
 * Django's {@code makemigrations} uses {@code MigrationLoader(None)}: the migrations are replayed
 * in the runtime's plan order, each operation's {@code stateForwards} once. What the loader finds
 * wrong is reported on the migration (and the {@code @Dependency} value) at fault.
 */
final class HistoryReplayer {
  /**
   * The replayed history of the loaded apps; {@code migrations} lists per app every migration read,
   * in replay order, each squash preceded by the migrations it replaces (not replayed themselves).
   *
   * @param replayed the migrations replayed, in the order the runtime applies them
   */
  record History(
      ProjectState state,
      List<MigrationKey> replayed,
      Map<String, List<MigrationKey>> leaves,
      Map<String, List<MigrationDefinition>> migrations) {

    /** The single leaf of {@code app}, or null when it has no migrations (or conflicts). */
    MigrationKey leaf(String app) {
      List<MigrationKey> l = leaves.getOrDefault(app, List.of());
      return l.size() == 1 ? l.get(0) : null;
    }
  }

  private final Reporter reporter;

  HistoryReplayer(Reporter reporter) {
    this.reporter = reporter;
  }

  History replay(Map<String, List<MigrationReader.Found>> byApp) {
    return replay(byApp, ReplayedStates.none());
  }

  /**
   * Replays the history, keeping in {@code states} the state before each operation of the
   * migrations it asks for (the safety lint's starting points).
   */
  History replay(Map<String, List<MigrationReader.Found>> byApp, ReplayedStates states) {
    // Looked up only (never iterated): hashed, not sorted, as a thousand keys' compares showed.
    Map<MigrationKey, MigrationReader.Found> found = new HashMap<>();
    List<MigrationDefinition> definitions = new ArrayList<>();
    for (List<MigrationReader.Found> list : byApp.values()) {
      for (MigrationReader.Found f : list) {
        found.putIfAbsent(f.definition().key(), f);
        definitions.add(f.definition());
      }
    }
    MigrationLoader loader =
        MigrationLoader.withoutDatabase(definitions, p -> report(p, found, byApp.keySet()));

    Map<String, List<MigrationKey>> leaves = new TreeMap<>();
    for (String app : loader.graph().apps()) {
      leaves.put(app, loader.graph().leafNodes(app));
    }
    ProjectState state = new ProjectState();
    Map<String, List<MigrationDefinition>> migrations = new LinkedHashMap<>();
    Set<MigrationKey> listed = new HashSet<>();
    Set<String> brokenApps = new HashSet<>();
    List<MigrationKey> replayed = loader.planned();
    ReplayChecks checks = new ReplayChecks(loader, byApp.keySet());
    for (MigrationKey key : replayed) {
      MigrationDefinition m = loader.graph().migration(key);
      List<MigrationDefinition> appMigrations = migrations.get(key.app());
      if (appMigrations == null) {
        appMigrations = new ArrayList<>();
        migrations.put(key.app(), appMigrations);
      }
      // The replaced migrations stay in the index: a database that applied only some of them
      // needs them (the runtime's loader then uses them instead of the squash).
      for (MigrationKey original : m.replaces()) {
        MigrationDefinition o = loader.get(original);
        if (o != null && listed.add(original)) {
          appMigrations.add(o);
        }
      }
      listed.add(key);
      appMigrations.add(m);
      if (brokenApps.contains(key.app())) {
        continue;
      }
      TypeElement element = found.get(key).element();
      if (!replay(m, state, checks, element, states.start(m, element))) {
        brokenApps.add(key.app());
        states.incomplete();
      }
    }
    return new History(state, replayed, leaves, migrations);
  }

  /**
   * Replays {@code m}'s operations one by one, so that a failure is reported on the {@code @Op} at
   * fault (and only the first: the state after it is not what the migration expects).
   */
  private boolean replay(
      MigrationDefinition m,
      ProjectState state,
      ReplayChecks checks,
      TypeElement element,
      List<ProjectState> before) {
    List<Operation> ops = m.operations();
    for (int i = 0; i < ops.size(); i++) {
      ReplayChecks.Fault fault = checks.before(m, ops.get(i), state);
      if (fault != null) {
        report(fault, element, operationValue(element, i));
        return false;
      }
      if (before != null) {
        before.add(state.copy());
      }
      try {
        ops.get(i).stateForwards(m.key().app(), state);
      } catch (RuntimeException e) {
        reportOn(
            Problem.INVALID_MIGRATION, element, operationValue(element, i), m.key(), sentence(e));
        return false;
      }
    }
    for (int i = 0; i < ops.size(); i++) {
      ReplayChecks.Fault fault = checks.after(m, ops.get(i), state);
      if (fault != null) {
        report(fault, element, operationValue(element, i));
        return false;
      }
    }
    return true;
  }

  /**
   * The {@code i}th {@code @Op} value of the migration on {@code element}, or null: looked up only
   * for a diagnostic, as most replays report nothing.
   */
  private static AnnotationValue operationValue(TypeElement element, int i) {
    List<AnnotationValue> mirrors = operationValues(element);
    return i < mirrors.size() ? mirrors.get(i) : null;
  }

  private void report(ReplayChecks.Fault fault, TypeElement element, AnnotationValue op) {
    reportOn(fault.problem(), element, op, fault.args());
  }

  private void reportOn(Problem problem, TypeElement element, AnnotationValue op, Object... args) {
    AnnotationMirror migration =
        element == null ? null : Mirrors.find(element, MigrationReader.MIGRATION);
    if (migration == null || op == null) {
      reporter.report(problem, element, args);
      return;
    }
    reporter.report(problem, element, migration, op, args);
  }

  /** The {@code @Op} values of the {@code @Migration} on {@code element}, in order. */
  private static List<AnnotationValue> operationValues(TypeElement element) {
    AnnotationMirror migration =
        element == null ? null : Mirrors.find(element, MigrationReader.MIGRATION);
    AnnotationValue ops = migration == null ? null : Mirrors.value(migration, "operations");
    if (ops == null) {
      return List.of();
    }
    return items(ops);
  }

  /**
   * An array member's values, or the one value written without braces. A loop, not a stream with a
   * method reference: each is a class spun per class loader, i.e. per compile in a build tool.
   */
  private static List<AnnotationValue> items(AnnotationValue value) {
    if (!(value.getValue() instanceof List<?> l)) {
      return List.of(value);
    }
    List<AnnotationValue> items = new ArrayList<>(l.size());
    for (Object v : l) {
      items.add((AnnotationValue) v);
    }
    return items;
  }

  /** The {@code @Migration} class of {@code key}, for diagnostics. */
  static TypeElement element(Map<String, List<MigrationReader.Found>> byApp, MigrationKey key) {
    for (MigrationReader.Found f : byApp.getOrDefault(key.app(), List.of())) {
      if (f.definition().key().equals(key)) {
        return f.element();
      }
    }
    return null;
  }

  private void report(
      MigrationLoader.LoadProblem p,
      Map<MigrationKey, MigrationReader.Found> found,
      Set<String> loadedApps) {
    MigrationReader.Found at = found.get(p.migration());
    TypeElement element = at == null ? null : at.element();
    if (p.code() != ErrorCode.NODE_NOT_FOUND) {
      reporter.report(Problem.INVALID_MIGRATION, element, p.migration(), sentence(p.message()));
      return;
    }
    if (!loadedApps.contains(p.reference().app())) {
      // An app of another module that this compile does not read: nothing to replay from it,
      // and the runtime, which sees every module's index, checks the reference.
      return;
    }
    AnnotationMirror mirror =
        element == null ? null : Mirrors.find(element, MigrationReader.MIGRATION);
    AnnotationValue value = mirror == null ? null : referenceValue(mirror, p.reference());
    reporter.report(
        Problem.MISSING_DEPENDENCY, element, mirror, value, p.migration(), p.reference());
  }

  /** The {@code @Dependency} value (of dependencies or runBefore) that names {@code key}. */
  private static AnnotationValue referenceValue(AnnotationMirror migration, MigrationKey key) {
    for (String member : List.of("dependencies", "runBefore")) {
      AnnotationValue list = Mirrors.value(migration, member);
      if (list == null) {
        continue;
      }
      for (AnnotationValue item : items(list)) {
        if (item.getValue() instanceof AnnotationMirror dep
            && key.app().equals(String.valueOf(Mirrors.value(dep, "app").getValue()))
            && key.name().equals(String.valueOf(Mirrors.value(dep, "name").getValue()))) {
          return item;
        }
      }
    }
    return null;
  }

  private static String sentence(RuntimeException e) {
    return sentence(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  private static String sentence(String message) {
    return message.endsWith(".") ? message : message + ".";
  }
}
