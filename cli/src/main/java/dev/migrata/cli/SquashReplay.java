package dev.migrata.cli;

import dev.migrata.MigrataException;
import dev.migrata.internal.loader.MigrationLoader;
import dev.migrata.internal.migration.MigrationDefinition;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The check squashmigrations makes before it writes anything: the squash, read back from the form
 * it is written in and put into the graph in place of the migrations it replaces (as a fresh
 * database will use it), must replay to the state the originals replay to. The optimizer is trusted
 * to be right; this makes sure a mistake of its (Django's ticket #32263 was one) is a refusal
 * rather than a migration that cannot be applied.
 */
final class SquashReplay {
  private SquashReplay() {}

  /** What differs between the originals' state and the squash's, or null when nothing does. */
  static String differences(MigrationLoader loader, MigrationDefinition squashed) {
    ProjectState expected = loader.projectState(loader.graph().leafNodes(), true);
    List<MigrationDefinition> with = new ArrayList<>(loader.all());
    with.add(squashed);
    ProjectState actual;
    try {
      MigrationLoader replaced = new MigrationLoader(with, Set.of(), true);
      actual = replaced.projectState(replaced.graph().leafNodes(), true);
    } catch (MigrataException | IllegalStateException | IllegalArgumentException e) {
      return "replaying it fails: " + e.getMessage();
    }
    if (actual.equals(expected)) {
      return null;
    }
    TreeSet<String> keys = new TreeSet<>();
    expected.models().forEach(m -> keys.add(key(m)));
    actual.models().forEach(m -> keys.add(key(m)));
    List<String> out = new ArrayList<>();
    for (String key : keys) {
      ModelState was = expected.model(key);
      ModelState is = actual.model(key);
      if (was == null) {
        out.add("model " + key + " exists only in the squash");
      } else if (is == null) {
        out.add("model " + key + " is missing from the squash");
      } else if (!was.equals(is)) {
        out.add(modelDifference(key, was, is));
      }
    }
    return String.join("; ", out);
  }

  private static String key(ModelState m) {
    return ProjectState.key(m.app(), m.name());
  }

  private static String modelDifference(String key, ModelState was, ModelState is) {
    TreeSet<String> names = new TreeSet<>(was.fields().keySet());
    names.addAll(is.fields().keySet());
    List<String> fields = new ArrayList<>();
    for (String name : names) {
      FieldState a = was.fields().get(name);
      FieldState b = is.fields().get(name);
      if (!Objects.equals(a, b)) {
        fields.add(
            a == null
                ? name + " (only in the squash)"
                : b == null
                    ? name + " (missing)"
                    : name + " (" + b.deconstruct() + " instead of " + a.deconstruct() + ")");
      }
    }
    return "model "
        + key
        + (fields.isEmpty()
            ? " differs in its options, indexes or constraints"
            : " differs in field " + String.join(", ", fields));
  }
}
