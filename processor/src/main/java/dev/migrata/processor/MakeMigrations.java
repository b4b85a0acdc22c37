package dev.migrata.processor;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.migration.MigrationNames;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.internal.state.SequenceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.TypeElement;

/**
 * The compile-time pipeline for a set of apps: current models, replayed history, autodetected
 * changes, then names and dependencies (Django's {@code arrange_for_graph}). It only plans; the
 * processor decides whether to write, check or report.
 */
final class MakeMigrations {
  /**
   * What one planning pass found.
   *
   * @param history the replayed history the migrations follow (the safety lint's starting point)
   * @param states the states the replay passed through for the migrations the lint checks (none
   *     when the history came from the replay cache)
   */
  record Plan(
      List<MigrationToWrite> migrations,
      Map<String, List<MigrationDefinition>> existing,
      HistoryReplayer.History history,
      ReplayedStates states) {}

  private final AppResolver apps;
  private final ModelReader models;
  private final HistoryReading reading;
  private final HistoryFingerprint fingerprints;
  private final ReplayCache cache;
  private final Reporter reporter;
  private final Options options;
  private int cacheHits;
  private int plans;
  private HistoryReplayer.History lastHistory;

  MakeMigrations(
      AppResolver apps,
      ModelReader models,
      HistoryReading reading,
      HistoryFingerprint fingerprints,
      ReplayCache cache,
      Reporter reporter,
      Options options) {
    this.apps = apps;
    this.models = models;
    this.reading = reading;
    this.fingerprints = fingerprints;
    this.cache = cache;
    this.reporter = reporter;
    this.options = options;
  }

  /**
   * Plans {@code targets}; the replay keeps the states before each operation of the targets'
   * migrations declared by one of {@code lintedSources} (class names), for the safety lint.
   */
  Plan plan(List<AppInfo> targets, Set<String> lintedSources) {
    plans++;
    Map<String, AppInfo> byLabel = new TreeMap<>();
    Map<String, List<ModelDeclaration>> current = new TreeMap<>();
    for (AppInfo app : targets) {
      byLabel.put(app.label(), app);
      current.put(app.label(), models.read(app));
    }
    models.checkProject(current.values());
    // Other apps matter for their history only: a foreign key into them depends on their leaf.
    Map<String, AppInfo> known = new TreeMap<>(byLabel);
    for (List<ModelDeclaration> decls : current.values()) {
      for (ModelDeclaration d : decls) {
        for (FieldState f : d.state().fields().values()) {
          if (f.isRelation() && !known.containsKey(f.toApp())) {
            AppInfo other = apps.byLabel(f.toApp());
            if (other != null) {
              known.put(other.label(), other);
            }
          }
        }
      }
    }
    Map<String, List<MigrationReader.Found>> found = new TreeMap<>();
    String cacheKey = options.replayCache() ? fingerprints.key(known.values()) : null;
    HistoryReplayer.History history = cacheKey == null ? null : cache.load(cacheKey, fingerprints);
    ReplayedStates states = ReplayedStates.none();
    if (history != null) {
      cacheHits++;
    } else {
      int reported = reporter.count();
      for (AppInfo app : known.values()) {
        found.put(app.label(), reading.read(app));
      }
      states = ReplayedStates.of(byLabel.keySet(), lintedSources);
      history = reading.replay(found, states);
      String places =
          cacheKey == null || !cache.worthStoring() ? null : fingerprints.places(known.values());
      // A replay that reported something is not cached: a hit would not report it again.
      if (places != null && reporter.count() == reported) {
        cache.store(cacheKey, places, fingerprints.stat(places), history);
      }
    }
    lastHistory = history;

    // On first use only: a cached history's migrations are parsed when the index needs them.
    HistoryReplayer.History replayed = history;
    Map<String, List<MigrationDefinition>> existing =
        Lazily.map(() -> existing(byLabel.keySet(), replayed));
    List<MigrationToWrite> planned = new ArrayList<>();
    Set<String> detect = new TreeSet<>();
    for (AppInfo app : byLabel.values()) {
      List<MigrationKey> leaves = history.leaves().getOrDefault(app.label(), List.of());
      if (leaves.size() > 1) {
        if (options.merge()) {
          planned.add(merge(app, leaves, current.get(app.label())));
        } else {
          TypeElement at = HistoryReplayer.element(found, leaves.get(leaves.size() - 1));
          List<String> names = leaves.stream().map(MigrationKey::name).toList();
          reporter.report(Problem.CONFLICTING_LEAVES, at, app.label(), String.join(" and ", names));
        }
        continue;
      }
      if (current.get(app.label()).isEmpty() && leaves.isEmpty()) {
        continue;
      }
      detect.add(app.label());
    }
    if (detect.isEmpty()) {
      return new Plan(planned, existing, history, states);
    }

    // The current project: history, with the detected apps' models replaced by their classes.
    ProjectState from = history.state();
    ProjectState to = from.copy();
    Map<String, ModelDeclaration> declarations = new TreeMap<>();
    for (String label : detect) {
      for (ModelState m : from.models(label)) {
        to.remove(label, m.name());
      }
      for (ModelDeclaration d : current.get(label)) {
        to.put(d.state());
        declarations.put(ProjectState.key(label, d.state().name()), d);
      }
      // The entities' ids name an app's sequences; an app without entities keeps those of its
      // history (hand-written CREATE_SEQUENCE operations), as Django keeps what it cannot see.
      if (hasEntity(current.get(label))) {
        for (SequenceState s : from.sequences(label)) {
          to.removeSequence(label, s.name());
        }
        for (SequenceState s : models.sequences(byLabel.get(label))) {
          to.putSequence(label, s);
        }
      }
    }
    if (to.equals(from)) {
      // The models are their history's (an IDE's compile of an unchanged model): the autodetector
      // compares states only, so it would find nothing; skipping it spares a compile its classes,
      // which a build tool loads afresh each time.
      return new Plan(planned, existing, history, states);
    }
    Autodetector autodetector =
        new Autodetector(new Questioner(declarations, reporter, options.confirmRemove()));
    Map<String, List<Autodetector.AutoMigration>> changes;
    try {
      changes = autodetector.changes(from, to, detect);
    } catch (IllegalStateException e) {
      reporter.report(Problem.INTERNAL_ERROR, null, e.getMessage());
      return new Plan(planned, existing, history, states);
    }

    // Django's arrange_for_graph: numbers from each app's leaf, then names, then dependencies.
    Map<String, List<MigrationKey>> keys = new TreeMap<>();
    for (Map.Entry<String, List<Autodetector.AutoMigration>> e : changes.entrySet()) {
      String label = e.getKey();
      MigrationKey leaf = history.leaf(label);
      List<String> after = leaf == null ? List.of() : List.of(leaf.name());
      List<MigrationKey> list = new ArrayList<>();
      for (Autodetector.AutoMigration m : e.getValue()) {
        String name = MigrationNames.next(after, options.name(), m.initial(), m.operations());
        list.add(new MigrationKey(label, name));
        after = List.of(name);
      }
      keys.put(label, list);
    }
    for (Map.Entry<String, List<Autodetector.AutoMigration>> e : changes.entrySet()) {
      String label = e.getKey();
      AppInfo app = byLabel.get(label);
      MigrationKey leaf = history.leaf(label);
      List<Autodetector.AutoMigration> list = e.getValue();
      for (int i = 0; i < list.size(); i++) {
        Autodetector.AutoMigration m = list.get(i);
        Set<MigrationKey> deps = new TreeSet<>();
        if (i > 0) {
          deps.add(keys.get(label).get(i - 1));
        } else if (leaf != null) {
          deps.add(leaf);
        }
        for (Autodetector.MigrationRef ref : m.dependencies()) {
          MigrationKey dep =
              ref.index() == null ? history.leaf(ref.app()) : keys.get(ref.app()).get(ref.index());
          if (dep != null) {
            deps.add(dep);
          }
        }
        MigrationKey key = keys.get(label).get(i);
        List<Deconstructed> ops = m.operations().stream().map(Operation::deconstruct).toList();
        MigrationDefinition definition =
            new MigrationDefinition(
                key,
                app.migrationsPackage() + "." + MigrationNames.className(key.name()),
                new ArrayList<>(deps),
                List.of(),
                List.of(),
                m.initial(),
                true,
                () -> ops);
        planned.add(new MigrationToWrite(app, definition, m.operations(), current.get(label)));
      }
    }
    return new Plan(planned, existing, history, states);
  }

  /** Whether one of {@code declarations} is a JPA entity (a loop: no lambda class per compile). */
  private static boolean hasEntity(List<ModelDeclaration> declarations) {
    for (ModelDeclaration d : declarations) {
      if (Jpa.isEntity(d.element())) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, List<MigrationDefinition>> existing(
      Set<String> apps, HistoryReplayer.History history) {
    Map<String, List<MigrationDefinition>> existing = new TreeMap<>();
    for (String app : apps) {
      existing.put(app, history.migrations().getOrDefault(app, List.of()));
    }
    return existing;
  }

  /** How many plans this compile made. */
  int plans() {
    return plans;
  }

  /** How many plans of this compile took their history from the replay cache (for tests). */
  int cacheHits() {
    return cacheHits;
  }

  /** The history the last plan started from (for tests). */
  HistoryReplayer.History lastHistory() {
    return lastHistory;
  }

  /** Django's {@code makemigrations --merge}: an empty migration depending on every leaf. */
  private MigrationToWrite merge(
      AppInfo app, List<MigrationKey> leaves, List<ModelDeclaration> models) {
    String name =
        MigrationNames.merge(leaves.stream().map(MigrationKey::name).toList(), options.name());
    MigrationKey key = new MigrationKey(app.label(), name);
    MigrationDefinition definition =
        new MigrationDefinition(
            key,
            app.migrationsPackage() + "." + MigrationNames.className(name),
            new ArrayList<>(new TreeSet<>(leaves)),
            List.of(),
            List.of(),
            false,
            true,
            List::of);
    return new MigrationToWrite(app, definition, List.of(), models);
  }
}
