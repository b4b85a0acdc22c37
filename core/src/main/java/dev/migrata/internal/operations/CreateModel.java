package dev.migrata.internal.operations;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import dev.migrata.internal.state.ModelOptions;
import dev.migrata.internal.state.ModelState;
import dev.migrata.internal.state.ProjectState;
import dev.migrata.schema.SchemaEditor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Creates a model and its table, with its indexes and constraints; its ORM-only options (verbose
 * names, ordering) go to the state only. A multi-table child names its parent in {@code bases}; a
 * proxy model ({@code proxy}) is state only, as Django's.
 */
public record CreateModel(
    String name,
    List<FieldState> fields,
    List<IndexState> indexes,
    List<ConstraintState> constraints,
    String table,
    String comment,
    boolean managed,
    ModelOptions options,
    List<String> bases,
    boolean proxy)
    implements Operation {

  public CreateModel {
    fields = List.copyOf(fields);
    indexes = List.copyOf(indexes);
    constraints = List.copyOf(constraints);
    options = options == null ? ModelOptions.NONE : options;
    bases = bases == null ? List.of() : List.copyOf(bases);
  }

  /** A model without {@code @Model} parents. */
  public CreateModel(
      String name,
      List<FieldState> fields,
      List<IndexState> indexes,
      List<ConstraintState> constraints,
      String table,
      String comment,
      boolean managed,
      ModelOptions options) {
    this(name, fields, indexes, constraints, table, comment, managed, options, List.of(), false);
  }

  /** A model without ORM-only options. */
  public CreateModel(
      String name,
      List<FieldState> fields,
      List<IndexState> indexes,
      List<ConstraintState> constraints,
      String table,
      String comment,
      boolean managed,
      List<String> bases,
      boolean proxy) {
    this(
        name,
        fields,
        indexes,
        constraints,
        table,
        comment,
        managed,
        ModelOptions.NONE,
        bases,
        proxy);
  }

  /** A model without ORM-only options or {@code @Model} parents. */
  public CreateModel(
      String name,
      List<FieldState> fields,
      List<IndexState> indexes,
      List<ConstraintState> constraints,
      String table,
      String comment,
      boolean managed) {
    this(
        name,
        fields,
        indexes,
        constraints,
        table,
        comment,
        managed,
        ModelOptions.NONE,
        List.of(),
        false);
  }

  public static CreateModel of(ModelState model) {
    return new CreateModel(
        model.name(),
        List.copyOf(model.fields().values()),
        model.indexes(),
        model.constraints(),
        model.table(),
        model.comment(),
        model.managed(),
        model.options(),
        model.bases(),
        model.proxy());
  }

  public ModelState toModelState(String app) {
    Map<String, FieldState> map = new LinkedHashMap<>();
    for (FieldState f : fields) {
      map.put(f.name(), f);
    }
    return new ModelState(
        app, name, map, indexes, constraints, table, comment, managed, options, bases, proxy);
  }

  @Override
  public void stateForwards(String app, ProjectState state) {
    state.put(toModelState(app));
  }

  @Override
  public void databaseForwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState model = to.require(app, name);
    if (model.migrates()) {
      editor.createModel(to, model);
    }
  }

  @Override
  public void databaseBackwards(
      String app, SchemaEditor editor, ProjectState from, ProjectState to) {
    ModelState model = from.require(app, name);
    if (model.migrates()) {
      editor.deleteModel(from, model);
    }
  }

  @Override
  public String describe() {
    return (proxy ? "Create proxy model " : "Create model ") + name;
  }

  @Override
  public String nameFragment() {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public Deconstructed deconstruct() {
    return OpKind.CREATE_MODEL
        .form()
        .put("name", name)
        .children("fields", fields.stream().map(FieldState::deconstruct).toList())
        .children("indexes", indexes.stream().map(IndexState::deconstruct).toList())
        .children("constraints", constraints.stream().map(ConstraintState::deconstruct).toList())
        .string("table", table)
        .string("comment", comment)
        .bool("managed", managed, true)
        .apply(options::writeTo)
        .strings("bases", bases)
        .bool("proxy", proxy, false)
        .build();
  }

  @Override
  public boolean referencesModel(String model, String app) {
    if (Reductions.same(model, name)) {
      return true;
    }
    for (String base : bases) {
      if (base.equalsIgnoreCase(app + "." + model)) {
        return true;
      }
    }
    for (FieldState f : fields) {
      if (Reductions.fieldReferences(f, app, model, null)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Django 5.2's CreateModel.reduce: a later DeleteModel cancels it; a rename, an option, field,
   * index or constraint operation on the same model folds into it. The fold replays the other
   * operation's own {@code stateForwards} on this model alone, so the result describes exactly the
   * state the two operations did.
   */
  @Override
  public Reduction reduce(Operation other, String app) {
    // Django keeps a proxy's create and delete (a proxy may stand in for a concrete model).
    if (other instanceof DeleteModel d && Reductions.same(d.name(), name) && !proxy) {
      return Reduction.replace();
    }
    String target = null;
    if (other instanceof RenameModel r && Reductions.same(r.oldName(), name)) {
      target = r.newName();
    } else if (foldsIntoCreate(other)) {
      target = name;
    }
    if (target != null) {
      ProjectState alone = new ProjectState();
      alone.put(toModelState(app));
      try {
        other.stateForwards(app, alone);
      } catch (RuntimeException e) {
        // An operation that does not fit this model (a broken history) is left to fail later.
        return Reductions.model(this, name, other, app);
      }
      return Reduction.replace(of(alone.require(app, target)));
    }
    return Reductions.model(this, name, other, app);
  }

  private boolean foldsIntoCreate(Operation other) {
    String model = null;
    if (other instanceof AlterModelOptions o) {
      model = o.model();
    } else if (other instanceof AlterModelTable o) {
      model = o.model();
    } else if (other instanceof AlterModelTableComment o) {
      model = o.model();
    } else if (other instanceof AddField o) {
      model = o.model();
    } else if (other instanceof AlterField o) {
      model = o.model();
    } else if (other instanceof RemoveField o) {
      model = o.model();
    } else if (other instanceof RenameField o) {
      model = o.model();
    } else if (other instanceof AddIndex o) {
      model = o.model();
    } else if (other instanceof RemoveIndex o) {
      model = o.model();
    } else if (other instanceof AddConstraint o) {
      model = o.model();
    } else if (other instanceof AddUniqueTogether o) {
      model = o.model();
    } else if (other instanceof RemoveConstraint o) {
      model = o.model();
    }
    return model != null && Reductions.same(model, name);
  }
}
