package dev.migrata.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.migrata.internal.operations.Operation;
import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.FieldType;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Django's test_autodetector helpers in Java: states built directly (no compiler), a recording
 * questioner, and asserts that print the whole change set when they fail.
 */
class AutodetectorFixtures {
  /** What the questioner was asked, as {@code PROBLEM app.Model.field}. */
  final List<String> asked = new ArrayList<>();

  final Map<String, String> renamedModels = new HashMap<>();
  final Map<String, String> renamedFields = new HashMap<>();
  Map<String, List<Autodetector.AutoMigration>> changes;

  /** Confirmed removals, as {@code app.Model} or {@code app.Model.field}. */
  final Set<String> confirmedRemovals = new HashSet<>();

  final MigrationQuestioner questioner =
      new MigrationQuestioner() {
        @Override
        public boolean removalConfirmed(String app, String model, String field) {
          return confirmedRemovals.contains(app + "." + model + (field == null ? "" : "." + field));
        }

        @Override
        public String renamedModelFrom(String app, String model) {
          return renamedModels.get(app + "." + model);
        }

        @Override
        public String renamedFieldFrom(String app, String model, String field) {
          return renamedFields.get(app + "." + model + "." + field);
        }

        @Override
        public void report(Problem problem, String app, String model, String field, Object... args) {
          asked.add(problem + " " + app + "." + model + (field == null ? "" : "." + field));
        }
      };

  // ------------------------------------------------------------------ building states

  static FieldState id() {
    return FieldState.autoId();
  }

  static FieldState chr(String name, int maxLength) {
    return FieldState.builder(name, FieldType.CHAR.djangoName()).maxLength(maxLength).build();
  }

  static FieldState text(String name) {
    return FieldState.builder(name, FieldType.TEXT.djangoName()).build();
  }

  static FieldState integer(String name) {
    return FieldState.builder(name, FieldType.INTEGER.djangoName()).build();
  }

  static FieldState.Builder field(String name, FieldType type) {
    return FieldState.builder(name, type.djangoName());
  }

  static FieldState fk(String name, String to) {
    return FieldState.builder(name, FieldType.FOREIGN_KEY.djangoName())
        .to(to)
        .onDelete("CASCADE")
        .index(true)
        .build();
  }

  static FieldState o2o(String name, String to) {
    return FieldState.builder(name, FieldType.ONE_TO_ONE.djangoName())
        .to(to)
        .onDelete("CASCADE")
        .index(true)
        .build();
  }

  static FieldState m2m(String name, String to) {
    return FieldState.builder(name, FieldType.MANY_TO_MANY.djangoName()).to(to).build();
  }

  static FieldState m2mThrough(String name, String to, String through) {
    return FieldState.builder(name, FieldType.MANY_TO_MANY.djangoName())
        .to(to)
        .through(through)
        .build();
  }

  static ModelState model(String app, String name, FieldState... fields) {
    List<FieldState> list = new ArrayList<>();
    if (Arrays.stream(fields).noneMatch(FieldState::primaryKey)) {
      list.add(id());
    }
    list.addAll(Arrays.asList(fields));
    return ModelState.of(app, name, list);
  }

  static ModelState withIndexes(ModelState m, IndexState... indexes) {
    return m.withIndexes(List.of(indexes));
  }

  static ModelState withConstraints(ModelState m, ConstraintState... constraints) {
    return m.withConstraints(List.of(constraints));
  }

  static ProjectState state(ModelState... models) {
    ProjectState s = new ProjectState();
    for (ModelState m : models) {
      s.put(m);
    }
    return s;
  }

  // ------------------------------------------------------------------ running

  /** Detects the changes of every app with models before or after. */
  Map<String, List<Autodetector.AutoMigration>> detect(ProjectState before, ProjectState after) {
    Set<String> apps = new TreeSet<>(before.apps());
    apps.addAll(after.apps());
    return detect(before, after, apps);
  }

  Map<String, List<Autodetector.AutoMigration>> detect(
      ProjectState before, ProjectState after, Set<String> apps) {
    changes = new Autodetector(questioner).changes(before, after, apps);
    return changes;
  }

  // ------------------------------------------------------------------ asserts

  String dump() {
    StringBuilder out = new StringBuilder("\nChanges:");
    if (changes == null || changes.isEmpty()) {
      return out.append(" none\n").toString();
    }
    changes.forEach(
        (app, list) -> {
          out.append("\n  ").append(app).append(':');
          for (int i = 0; i < list.size(); i++) {
            Autodetector.AutoMigration m = list.get(i);
            out.append("\n    #").append(i).append(m.initial() ? " initial" : "")
                .append(" deps=").append(m.dependencies());
            for (Operation op : m.operations()) {
              out.append("\n      ").append(op);
            }
          }
        });
    return out.append("\nAsked: ").append(asked).append('\n').toString();
  }

  void assertNumberMigrations(String app, int n) {
    int actual = changes.getOrDefault(app, List.of()).size();
    if (actual != n) {
      fail("Expected " + n + " migration(s) for " + app + ", got " + actual + dump());
    }
  }

  void assertNoChanges() {
    if (!changes.isEmpty()) {
      fail("Expected no changes" + dump());
    }
  }

  void assertOperationTypes(String app, int migration, String... types) {
    assertNumberAtLeast(app, migration);
    List<String> actual = new ArrayList<>();
    for (Operation op : changes.get(app).get(migration).operations()) {
      actual.add(op.getClass().getSimpleName());
    }
    if (!actual.equals(List.of(types))) {
      fail("Operation types of " + app + " #" + migration + ": expected " + List.of(types)
          + " but were " + actual + dump());
    }
  }

  @SuppressWarnings("unchecked")
  <T extends Operation> T op(String app, int migration, int index) {
    assertNumberAtLeast(app, migration);
    List<Operation> ops = changes.get(app).get(migration).operations();
    if (index >= ops.size()) {
      fail("No operation #" + index + " in " + app + " #" + migration + dump());
    }
    return (T) ops.get(index);
  }

  void assertOperation(String app, int migration, int index, Operation expected) {
    Operation actual = op(app, migration, index);
    if (!actual.equals(expected)) {
      fail("Operation " + app + " #" + migration + "." + index + ": expected " + expected
          + " but was " + actual + dump());
    }
  }

  void assertDependencies(String app, int migration, String... deps) {
    assertNumberAtLeast(app, migration);
    List<String> actual = new ArrayList<>();
    for (Autodetector.MigrationRef ref : changes.get(app).get(migration).dependencies()) {
      actual.add(ref.app() + ":" + (ref.index() == null ? "leaf" : ref.index()));
    }
    if (!actual.equals(List.of(deps))) {
      fail("Dependencies of " + app + " #" + migration + ": expected " + List.of(deps)
          + " but were " + actual + dump());
    }
  }

  void assertAsked(String... questions) {
    assertThat(asked).as(dump()).containsExactly(questions);
  }

  private void assertNumberAtLeast(String app, int migration) {
    if (changes.getOrDefault(app, List.of()).size() <= migration) {
      fail("No migration #" + migration + " for " + app + dump());
    }
  }
}
