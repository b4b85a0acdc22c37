package dev.migrata.processor;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.operations.CreateModel;
import dev.migrata.internal.operations.OpKind;
import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.operations.RenameModel;
import dev.migrata.internal.operations.SeparateDatabaseAndState;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.ProjectState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Runs the safety lint over the migrations of this compile: the ones the processor is about to
 * write and the hand-written (or committed) migration sources javac compiles now, never every class
 * file of the history. Each operation is checked against the state just before it, so "existing
 * table" means a table an earlier migration created; tables created in the same migration (or, for
 * written migrations, earlier in this compile's new ones) are left alone.
 */
final class SafetyCheck {
  static final String SAFETY_ASSURED = "dev.migrata.annotations.SafetyAssured";

  private static final String HINT =
      " If it is safe here (a small table, a quiet window), record why with @SafetyAssured(reason"
          + " = \"...\") on the migration class or @Op(safetyAssured = \"...\") on the operation.";

  private final Elements elements;
  private final Reporter reporter;
  private final Diagnostic.Kind kind;

  SafetyCheck(Elements elements, Reporter reporter, boolean strict) {
    this.elements = elements;
    this.reporter = reporter;
    this.kind = strict ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
  }

  /**
   * Lints {@code planned} (to be written after {@code history}) and the migration classes of {@code
   * sources} (qualified names of this compile's sources) of the apps in {@code settings}.
   */
  void check(
      HistoryReplayer.History history,
      ReplayedStates states,
      List<MigrationToWrite> planned,
      Set<String> sources,
      Map<String, SafetySettings> settings) {
    if (history == null) {
      return;
    }
    // Loops, not lambdas: each lambda is a class spun per class loader, i.e. per compile in a
    // build tool's processor, and this runs on every full compile.
    Map<MigrationKey, MigrationDefinition> byKey = new HashMap<>();
    for (List<MigrationDefinition> app : history.migrations().values()) {
      for (MigrationDefinition m : app) {
        byKey.put(m.key(), m);
      }
    }
    List<MigrationKey> toLint = new ArrayList<>();
    boolean allReplayed = true;
    for (MigrationKey key : history.replayed()) {
      MigrationDefinition m = byKey.get(key);
      if (m != null && settings.containsKey(key.app()) && sources.contains(m.className())) {
        toLint.add(key);
        allReplayed &= states.before(key) != null;
      }
    }
    if (allReplayed) {
      lintReplayed(history, byKey, Set.copyOf(toLint), states, settings);
    } else {
      lintHistory(history, byKey, Set.copyOf(toLint), settings);
    }
    ProjectState state = history.state().copy();
    Set<String> created = new HashSet<>();
    for (MigrationToWrite m : planned) {
      SafetySettings s = settings.get(m.app().label());
      String app = m.app().label();
      SafeFormParts parts = new SafeFormParts(app);
      for (Operation op : m.operations()) {
        if (op instanceof SeparateDatabaseAndState sd) {
          sd.stateOperations().forEach(parts::stateOnly);
        }
      }
      for (Operation op : m.operations()) {
        if (s != null) {
          // A SeparateDatabaseAndState is linted as its @Op lines are: the database side's.
          List<Operation> database =
              op instanceof SeparateDatabaseAndState sd ? sd.databaseOperations() : List.of(op);
          String scope = op instanceof SeparateDatabaseAndState ? "DATABASE" : "BOTH";
          for (Operation d : database) {
            Element at = modelElement(m, SafetyRules.modelOf(d));
            List<SafetyRules.Finding> found = findings(app, m.label(), s, d, state, created);
            for (SafetyRules.Finding f : parts.filter(d, scope, state, found)) {
              report(f, at, null, null);
            }
          }
        }
        parts.ran(op);
        forwards(app, op, state, created);
      }
    }
  }

  /**
   * Lints the migrations in {@code toLint} against the states the planner's replay kept for them:
   * what {@link #lintHistory} finds, without replaying the history again.
   */
  private void lintReplayed(
      HistoryReplayer.History history,
      Map<MigrationKey, MigrationDefinition> byKey,
      Set<MigrationKey> toLint,
      ReplayedStates states,
      Map<String, SafetySettings> settings) {
    if (toLint.isEmpty()) {
      return;
    }
    Map<String, Set<String>> createdInitially = new HashMap<>();
    for (MigrationKey key : history.replayed()) {
      MigrationDefinition m = byKey.get(key);
      if (m == null) {
        return;
      }
      Set<String> created = created(createdInitially, key, m);
      TypeElement type = toLint.contains(key) ? element(states, key, m) : null;
      try {
        if (type == null) {
          if (m.initial()) {
            for (Operation op : m.operations()) {
              noteCreated(key.app(), op, created);
            }
          }
        } else {
          lintReplayedSource(key, m, type, settings.get(key.app()), states.before(key), created);
        }
      } catch (RuntimeException e) {
        return; // as lintHistory: the lint of this history ends where it breaks
      }
    }
  }

  /** The class of {@code m}: the one the replay read it from (a look-up by name costs more). */
  private TypeElement element(ReplayedStates states, MigrationKey key, MigrationDefinition m) {
    TypeElement type = states.element(key);
    return type != null ? type : elements.getTypeElement(m.className());
  }

  /**
   * One migration source against the state before each of its operations. A migration with a {@code
   * DATABASE} or {@code STATE} operation (replayed as one {@code SeparateDatabaseAndState} per run
   * of them) is linted as {@link #lintHistory} does, from the state before it.
   */
  private void lintReplayedSource(
      MigrationKey key,
      MigrationDefinition m,
      TypeElement type,
      SafetySettings settings,
      List<ProjectState> before,
      Set<String> created) {
    AnnotationMirror migration = Mirrors.find(type, MigrationReader.MIGRATION);
    List<AnnotationValue> values = operationValues(migration);
    List<Operation> ops = m.operations();
    List<Deconstructed> declared = m.deconstructedOperations();
    boolean plain =
        ops.size() == values.size()
            && declared.size() == values.size()
            && before.size() == values.size();
    for (int i = 0; plain && i < declared.size(); i++) {
      plain = declared.get(i).string("scope", "BOTH").equals("BOTH");
    }
    if (!plain) {
      lintSource(
          key,
          type,
          settings,
          before.isEmpty() ? new ProjectState() : before.get(0).copy(),
          created);
      return;
    }
    boolean assured = assured(type, key);
    SafeFormParts parts = new SafeFormParts(key.app());
    for (int i = 0; i < values.size(); i++) {
      AnnotationValue value = values.get(i);
      if (!(value.getValue() instanceof AnnotationMirror opMirror)) {
        continue;
      }
      Operation op = ops.get(i);
      boolean silenced = silenced(opMirror, assured, type, migration, key);
      if (!silenced) {
        List<SafetyRules.Finding> found =
            findings(key.app(), key.toString(), settings, op, before.get(i), created);
        for (SafetyRules.Finding f : parts.filter(op, "BOTH", before.get(i), found)) {
          report(f, type, migration, value);
        }
      }
      parts.ran(op);
      noteCreated(key.app(), op, created);
    }
  }

  /**
   * The tables a migration counts as created by itself: its own, or for an app's initial migrations
   * (Django splits one in two around a cycle) those of all of them, since they are empty until the
   * app's first deploy.
   */
  private static Set<String> created(
      Map<String, Set<String>> createdInitially, MigrationKey key, MigrationDefinition m) {
    if (!m.initial()) {
      return new HashSet<>();
    }
    Set<String> created = createdInitially.get(key.app());
    if (created == null) {
      created = new HashSet<>();
      createdInitially.put(key.app(), created);
    }
    return created;
  }

  /**
   * Whether an {@code @Op}'s findings are silenced: by the migration's {@code safetyAssured} or its
   * own, whose reason must not be blank.
   */
  private boolean silenced(
      AnnotationMirror opMirror,
      boolean assured,
      TypeElement type,
      AnnotationMirror migration,
      MigrationKey key) {
    AnnotationValue reason = Mirrors.value(opMirror, "safetyAssured");
    if (reason == null) {
      return assured;
    }
    if (String.valueOf(reason.getValue()).isBlank()) {
      reporter.report(
          Problem.SAFETY_REASON_BLANK, type, migration, reason, "@Op(safetyAssured)", key);
    }
    return true;
  }

  /** Replays the history once more, linting the migrations in {@code toLint} on the way. */
  private void lintHistory(
      HistoryReplayer.History history,
      Map<MigrationKey, MigrationDefinition> byKey,
      Set<MigrationKey> toLint,
      Map<String, SafetySettings> settings) {
    ProjectState state = new ProjectState();
    Map<String, Set<String>> createdInitially = new HashMap<>();
    for (MigrationKey key : history.replayed()) {
      MigrationDefinition m = byKey.get(key);
      if (m == null) {
        return;
      }
      Set<String> created = created(createdInitially, key, m);
      TypeElement type = toLint.contains(key) ? elements.getTypeElement(m.className()) : null;
      try {
        if (type == null) {
          for (Operation op : m.operations()) {
            forwards(key.app(), op, state, created);
          }
        } else {
          lintSource(key, type, settings.get(key.app()), state, created);
        }
      } catch (RuntimeException e) {
        return; // the replay reported it: the states after it are not what migrations expect
      }
    }
  }

  /** One migration source, {@code @Op} by {@code @Op}, so that each finding is on its line. */
  private void lintSource(
      MigrationKey key,
      TypeElement type,
      SafetySettings settings,
      ProjectState state,
      Set<String> created) {
    AnnotationMirror migration = Mirrors.find(type, MigrationReader.MIGRATION);
    boolean assured = assured(type, key);
    SafeFormParts parts = new SafeFormParts(key.app());
    for (AnnotationValue value : operationValues(migration)) {
      if (value.getValue() instanceof AnnotationMirror opMirror) {
        Deconstructed d = MirrorDeconstructor.deconstruct(opMirror);
        OpKind opKind = OpKind.byName(d.string("kind", ""));
        if (opKind != null && d.string("scope", "BOTH").equals("STATE")) {
          parts.stateOnly(opKind.reconstruct(d));
        }
      }
    }
    for (AnnotationValue value : operationValues(migration)) {
      if (!(value.getValue() instanceof AnnotationMirror opMirror)) {
        continue;
      }
      Deconstructed d = MirrorDeconstructor.deconstruct(opMirror);
      OpKind opKind = OpKind.byName(d.string("kind", ""));
      if (opKind == null) {
        continue;
      }
      Operation op = opKind.reconstruct(d);
      String scope = d.string("scope", "BOTH");
      boolean silenced = silenced(opMirror, assured, type, migration, key);
      if (!scope.equals("STATE") && !silenced) {
        List<SafetyRules.Finding> found =
            findings(key.app(), key.toString(), settings, op, state, created);
        for (SafetyRules.Finding f : parts.filter(op, scope, state, found)) {
          report(f, type, migration, value);
        }
      }
      parts.ran(op);
      if (!scope.equals("DATABASE")) {
        forwards(key.app(), op, state, created);
      }
    }
  }

  /** Whether the class carries {@code @SafetyAssured} (reported when its reason is blank). */
  private boolean assured(TypeElement type, MigrationKey key) {
    AnnotationMirror mirror = Mirrors.find(type, SAFETY_ASSURED);
    if (mirror == null) {
      return false;
    }
    AnnotationValue reason = Mirrors.value(mirror, "reason");
    if (reason == null || String.valueOf(reason.getValue()).isBlank()) {
      reporter.report(
          Problem.SAFETY_REASON_BLANK, type, mirror, reason, "@SafetyAssured(reason)", key);
    }
    return true;
  }

  private static List<SafetyRules.Finding> findings(
      String app,
      String label,
      SafetySettings settings,
      Operation op,
      ProjectState state,
      Set<String> created) {
    List<SafetyRules.Finding> all = new ArrayList<>();
    all.addAll(new SafetyRules(app, label, settings).check(op, state, created));
    all.addAll(new SafetyLimits(app, label, settings).check(op, state));
    return all;
  }

  /** The state after {@code op}; models it creates (or renames from a created one) are new. */
  private static void forwards(String app, Operation op, ProjectState state, Set<String> created) {
    noteCreated(app, op, created);
    try {
      op.stateForwards(app, state);
    } catch (RuntimeException e) {
      // A migration about to be written that the state cannot follow is reported elsewhere.
    }
  }

  /** Adds the models {@code op} creates (or renames from a created one) to {@code created}. */
  private static void noteCreated(String app, Operation op, Set<String> created) {
    if (op instanceof CreateModel c) {
      created.add(ProjectState.key(app, c.name().toLowerCase(Locale.ROOT)));
    } else if (op instanceof RenameModel r
        && created.contains(ProjectState.key(app, r.oldName().toLowerCase(Locale.ROOT)))) {
      created.add(ProjectState.key(app, r.newName().toLowerCase(Locale.ROOT)));
    }
  }

  private void report(
      SafetyRules.Finding f, Element element, AnnotationMirror mirror, AnnotationValue value) {
    Object[] args = new Object[f.args().length + 1];
    System.arraycopy(f.args(), 0, args, 0, f.args().length);
    args[args.length - 1] = HINT;
    reporter.reportAs(kind, f.problem(), element, mirror, value, args);
  }

  /** Where a written migration's finding goes: the model it changes, else the app's first. */
  static Element modelElement(MigrationToWrite m, String model) {
    for (ModelDeclaration d : m.models()) {
      if (d.state().key().equals(model)) {
        return d.element();
      }
    }
    return m.models().isEmpty() ? null : m.models().get(0).element();
  }

  private static List<AnnotationValue> operationValues(AnnotationMirror migration) {
    AnnotationValue ops = migration == null ? null : Mirrors.value(migration, "operations");
    if (ops == null) {
      return List.of();
    }
    if (!(ops.getValue() instanceof List<?> l)) {
      return List.of(ops);
    }
    List<AnnotationValue> values = new ArrayList<>(l.size());
    for (Object v : l) {
      values.add((AnnotationValue) v);
    }
    return values;
  }
}
