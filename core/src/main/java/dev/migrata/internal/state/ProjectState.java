package dev.migrata.internal.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * All models at one point of history, keyed by {@code app.model} (lowercased). Copying is a
 * shallow map copy because {@link ModelState} is immutable, so replay stays linear.
 */
public final class ProjectState {
  private final Map<String, ModelState> models;

  public ProjectState() {
    this.models = new HashMap<>();
  }

  private ProjectState(Map<String, ModelState> models) {
    this.models = new HashMap<>(models);
  }

  public ProjectState copy() {
    return new ProjectState(models);
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

  /** The app labels that have at least one model. */
  public List<String> apps() {
    return models().stream().map(ModelState::app).distinct().sorted().toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProjectState other && models.equals(other.models);
  }

  @Override
  public int hashCode() {
    return models.hashCode();
  }

  @Override
  public String toString() {
    return "ProjectState" + new TreeMap<>(models).keySet();
  }
}
