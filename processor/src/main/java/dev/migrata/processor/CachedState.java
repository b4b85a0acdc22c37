package dev.migrata.processor;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelOptions;
import dev.migrata.internal.state.ModelState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model of the replay cache's state in its stored form: the annotation form of the {@code
 * CreateModel} that makes it ({@code @Op(kind = CREATE_MODEL, ...)}), written and read here field
 * by field instead of through the operation vocabulary. A cache hit so defines none of the
 * operation classes: {@code OpKind}'s initialisation alone loads every one of them, and a build
 * tool loads the processor's classes (and core's) afresh for each compile. {@code ReplayCacheTest}
 * holds the form to {@code CreateModel}'s own: the state read back equals the replayed one.
 */
final class CachedState {
  private static final String KIND = "CREATE_MODEL";

  /** The attributes {@code CREATE_MODEL} takes, besides {@code kind}. */
  private static final Set<String> ATTRIBUTES =
      Set.of(
          "kind",
          "name",
          "fields",
          "indexes",
          "constraints",
          "table",
          "comment",
          "managed",
          "verboseName",
          "verboseNamePlural",
          "ordering",
          "bases",
          "proxy");

  private CachedState() {}

  /** {@code model} as {@code CreateModel.of(model).deconstruct()} writes it. */
  static Deconstructed write(ModelState model) {
    List<Deconstructed> fields = new ArrayList<>();
    model.fields().values().forEach(f -> fields.add(f.deconstruct()));
    List<Deconstructed> indexes = new ArrayList<>();
    model.indexes().forEach(i -> indexes.add(i.deconstruct()));
    List<Deconstructed> constraints = new ArrayList<>();
    model.constraints().forEach(c -> constraints.add(c.deconstruct()));
    return model
        .options()
        .writeTo(
            Deconstructed.builder("Op")
                .put("kind", KIND)
                .put("name", model.name())
                .children("fields", fields)
                .children("indexes", indexes)
                .children("constraints", constraints)
                .string("table", model.table())
                .string("comment", model.comment())
                .bool("managed", model.managed(), true))
        .strings("bases", model.bases())
        .bool("proxy", model.proxy(), false)
        .build();
  }

  /**
   * The model of {@code app} that {@code op} (a {@link #write} form) makes, as {@code CreateModel}
   * would rebuild it.
   *
   * @throws IllegalArgumentException when {@code op} is not a model in that form
   */
  static ModelState read(String app, Deconstructed op) {
    if (!op.type().equals("Op")
        || !KIND.equals(op.string("kind", ""))
        || !ATTRIBUTES.containsAll(op.values().keySet())
        || op.string("name", "").isEmpty()) {
      throw new IllegalArgumentException("Not a model in " + ReplayCache.RESOURCE + ".");
    }
    Map<String, FieldState> fields = new LinkedHashMap<>();
    for (Deconstructed f : op.children("fields")) {
      FieldState field = FieldState.reconstruct(f);
      fields.put(field.name(), field);
    }
    List<IndexState> indexes = new ArrayList<>();
    for (Deconstructed i : op.children("indexes")) {
      indexes.add(IndexState.reconstruct(i));
    }
    List<ConstraintState> constraints = new ArrayList<>();
    for (Deconstructed c : op.children("constraints")) {
      constraints.add(ConstraintState.reconstruct(c));
    }
    return new ModelState(
        app,
        op.string("name", ""),
        fields,
        List.copyOf(indexes),
        List.copyOf(constraints),
        empty(op.string("table", "")),
        empty(op.string("comment", "")),
        op.bool("managed", true),
        ModelOptions.readFrom(op),
        List.copyOf(op.strings("bases")),
        op.bool("proxy", false));
  }

  /** As the operation reader's {@code optional}: absent or empty is {@code null}. */
  private static String empty(String value) {
    return value.isEmpty() ? null : value;
  }
}
