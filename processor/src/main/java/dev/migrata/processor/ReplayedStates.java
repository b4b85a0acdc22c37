package dev.migrata.processor;

import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.migration.MigrationKey;
import dev.migrata.internal.state.ProjectState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * The states the planner's replay passed through, kept for the migrations the safety lint will
 * check (this compile's migration sources): the state before each of their operations. With them
 * the lint checks each {@code @Op} against the state before it without replaying the history a
 * second time (issue 16). A copy is a shallow map copy ({@link ProjectState#copy}), so keeping one
 * per operation stays linear.
 */
final class ReplayedStates {
  // Sets, not a predicate: no lambda class spun in each compile's fresh class loader.
  private final Set<String> apps;
  private final Set<String> classNames;
  private final Map<MigrationKey, List<ProjectState>> before = new HashMap<>();

  /** The class of each kept migration: the lint reports on it without a look-up by name. */
  private final Map<MigrationKey, TypeElement> elements = new HashMap<>();

  private boolean complete;

  private ReplayedStates(Set<String> apps, Set<String> classNames, boolean complete) {
    this.apps = apps;
    this.classNames = classNames;
    this.complete = complete;
  }

  /** Keeps the states of the migrations of {@code apps} declared by one of {@code classNames}. */
  static ReplayedStates of(Set<String> apps, Set<String> classNames) {
    return new ReplayedStates(Set.copyOf(apps), classNames, true);
  }

  /** No states (a history from the replay cache): the lint replays the history itself. */
  static ReplayedStates none() {
    return new ReplayedStates(Set.of(), Set.of(), false);
  }

  /**
   * Where the replay adds the state before each operation of {@code m} (declared by {@code
   * element}); null when not kept.
   */
  List<ProjectState> start(MigrationDefinition m, TypeElement element) {
    if (!complete || !apps.contains(m.app()) || !classNames.contains(m.className())) {
      return null;
    }
    List<ProjectState> states = new ArrayList<>();
    before.put(m.key(), states);
    elements.put(m.key(), element);
    return states;
  }

  /**
   * The replay stopped short of the whole history (it reported why): the states after that point
   * are not the ones the lint would see, so none are used.
   */
  void incomplete() {
    complete = false;
    before.clear();
    elements.clear();
  }

  /** The state before each operation of {@code key}, in order; null when not kept. */
  List<ProjectState> before(MigrationKey key) {
    return complete ? before.get(key) : null;
  }

  /** The class that declares {@code key}, when its states are kept; else null. */
  TypeElement element(MigrationKey key) {
    return complete ? elements.get(key) : null;
  }
}
