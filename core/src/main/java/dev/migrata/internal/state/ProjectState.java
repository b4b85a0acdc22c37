package dev.migrata.internal.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * All models at one point of history, keyed by {@code app.model} (lowercased). Copying is a shallow
 * map copy because {@link ModelState} is immutable, so replay stays linear.
 */
public final class ProjectState {
  private final Map<String, ModelState> models;

  /**
   * The sequences of every app, keyed by {@code app.name} (the physical name, case kept): few, so a
   * copy stays cheap, and {@link SequenceState} is immutable as models are.
   */
  private final Map<String, SequenceState> sequences;

  public ProjectState() {
    this.models = new HashMap<>();
    this.sequences = new HashMap<>();
  }

  private ProjectState(Map<String, ModelState> models, Map<String, SequenceState> sequences) {
    this.models = new HashMap<>(models);
    this.sequences = new HashMap<>(sequences);
  }

  public ProjectState copy() {
    return new ProjectState(models, sequences);
  }

  public static String key(String app, String model) {
    return app + "." + model.toLowerCase(Locale.ROOT);
  }

  public ModelState model(String app, String model) {
    return models.get(key(app, model));
  }

  /** The model named {@code app.model}, e.g. a relation's target. */
  public ModelState model(String qualified) {
    return models.get(qualified.toLowerCase(Locale.ROOT));
  }

  /** The model, or an exception naming what is missing (a broken or hand-edited history). */
  public ModelState require(String app, String model) {
    ModelState state = model(app, model);
    if (state == null) {
      throw new IllegalStateException(
          "No model '" + model + "' in app '" + app + "' at this point of the migration history.");
    }
    return state;
  }

  public void put(ModelState model) {
    models.put(key(model.app(), model.name()), model);
  }

  public void remove(String app, String model) {
    models.remove(key(app, model));
  }

  public boolean contains(String app, String model) {
    return models.containsKey(key(app, model));
  }

  /** Every model, sorted by key, so that whatever iterates them is deterministic. */
  public List<ModelState> models() {
    return new ArrayList<>(new TreeMap<>(models).values());
  }

  /** The models of one app, sorted by key. */
  public List<ModelState> models(String app) {
    List<ModelState> result = new ArrayList<>();
    for (ModelState m : models()) {
      if (m.app().equals(app)) {
        result.add(m);
      }
    }
    return result;
  }

  /** The sequence {@code name} of {@code app}, or null. */
  public SequenceState sequence(String app, String name) {
    return sequences.get(app + "." + name);
  }

  public void putSequence(String app, SequenceState sequence) {
    sequences.put(app + "." + sequence.name(), sequence);
  }

  public void removeSequence(String app, String name) {
    sequences.remove(app + "." + name);
  }

  /** Every app's sequences, sorted by {@code app.name}. */
  public List<SequenceState> sequences() {
    return new ArrayList<>(new TreeMap<>(sequences).values());
  }

  /** The sequences of one app, sorted by name. */
  public List<SequenceState> sequences(String app) {
    List<SequenceState> result = new ArrayList<>();
    for (Map.Entry<String, SequenceState> e : new TreeMap<>(sequences).entrySet()) {
      if (e.getKey().equals(app + "." + e.getValue().name())) {
        result.add(e.getValue());
      }
    }
    return result;
  }

  /** The app labels that have at least one model. */
  public List<String> apps() {
    return models().stream().map(ModelState::app).distinct().sorted().toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProjectState other
        && models.equals(other.models)
        && sequences.equals(other.sequences);
  }

  @Override
  public int hashCode() {
    return 31 * models.hashCode() + sequences.hashCode();
  }

  @Override
  public String toString() {
    return "ProjectState"
        + new TreeMap<>(models).keySet()
        + (sequences.isEmpty() ? "" : " sequences" + new TreeMap<>(sequences).keySet());
  }
}
