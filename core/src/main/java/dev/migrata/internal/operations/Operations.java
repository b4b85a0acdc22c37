package dev.migrata.internal.operations;

import dev.migrata.internal.state.ConstraintState;
import dev.migrata.internal.state.Deconstructed;
import dev.migrata.internal.state.FieldState;
import dev.migrata.internal.state.IndexState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rebuilds operations from their annotation form ({@code @Op}). */
public final class Operations {
  private Operations() {}

  /**
   * The operation {@code op} describes.
   *
   * @throws IllegalArgumentException naming what is wrong when the annotation is incomplete
   */
  public static Operation reconstruct(Deconstructed op) {
    String kind = op.string("kind", "");
    String model = op.string("model", "");
    String name = op.string("name", "");
    switch (kind) {
      case "CREATE_MODEL":
        return new CreateModel(
            required(kind, "name", name),
            op.children("fields").stream().map(FieldState::reconstruct).toList(),
            op.children("indexes").stream().map(IndexState::reconstruct).toList(),
            op.children("constraints").stream().map(ConstraintState::reconstruct).toList(),
            emptyToNull(op.string("table", "")),
            emptyToNull(op.string("comment", "")),
            op.bool("managed", true));
      case "DELETE_MODEL":
        return new DeleteModel(required(kind, "name", name));
      case "RENAME_MODEL":
        return new RenameModel(
            required(kind, "name", name), required(kind, "newName", op.string("newName", "")));
      case "ALTER_MODEL_TABLE":
        return new AlterModelTable(
            required(kind, "model", model), emptyToNull(op.string("table", "")));
      case "ALTER_MODEL_TABLE_COMMENT":
        return new AlterModelTableComment(
            required(kind, "model", model), emptyToNull(op.string("comment", "")));
      case "ALTER_MODEL_OPTIONS":
        return new AlterModelOptions(required(kind, "model", model), op.bool("managed", true));
      case "ADD_FIELD":
        return new AddField(
            required(kind, "model", model), single(kind, op, "field", FieldState::reconstruct),
            op.bool("preserveDefault", true));
      case "REMOVE_FIELD":
        return new RemoveField(required(kind, "model", model), required(kind, "name", name));
      case "ALTER_FIELD":
        return new AlterField(
            required(kind, "model", model), single(kind, op, "field", FieldState::reconstruct),
            op.bool("preserveDefault", true));
      case "RENAME_FIELD":
        return new RenameField(
            required(kind, "model", model),
            required(kind, "oldName", op.string("oldName", "")),
            required(kind, "newName", op.string("newName", "")));
      case "ADD_INDEX":
        return new AddIndex(
            required(kind, "model", model), single(kind, op, "indexes", IndexState::reconstruct));
      case "REMOVE_INDEX":
        return new RemoveIndex(required(kind, "model", model), required(kind, "name", name));
      case "RENAME_INDEX":
        return new RenameIndex(
            required(kind, "model", model),
            required(kind, "oldName", op.string("oldName", "")),
            required(kind, "newName", op.string("newName", "")));
      case "ADD_CONSTRAINT":
        return new AddConstraint(
            required(kind, "model", model),
            single(kind, op, "constraints", ConstraintState::reconstruct));
      case "REMOVE_CONSTRAINT":
        return new RemoveConstraint(required(kind, "model", model), required(kind, "name", name));
      case "RUN_SQL":
        return new RunSql(
            op.strings("sql"),
            op.has("reverseSql") ? op.strings("reverseSql") : null,
            op.bool("elidable", false),
            op.strings("vendors"));
      case "RUN_JAVA":
        return new RunJava(
            required(kind, "method", op.string("method", "")),
            emptyToNull(op.string("reverseMethod", "")),
            javaClass(op.string("javaClass", "")),
            op.bool("elidable", false));
      default:
        throw new IllegalArgumentException("Unknown operation kind '" + kind + "'.");
    }
  }

  /**
   * Every operation of a migration, in order: a run of consecutive {@code scope = DATABASE} and
   * {@code scope = STATE} operations becomes one {@link SeparateDatabaseAndState}.
   */
  public static List<Operation> reconstruct(List<Deconstructed> ops) {
    List<Operation> result = new ArrayList<>();
    List<Operation> database = new ArrayList<>();
    List<Operation> state = new ArrayList<>();
    for (Deconstructed op : ops) {
      String scope = op.string("scope", "BOTH");
      if (scope.equals("DATABASE")) {
        database.add(reconstruct(op));
      } else if (scope.equals("STATE")) {
        state.add(reconstruct(op));
      } else {
        flush(result, database, state);
        result.add(reconstruct(op));
      }
    }
    flush(result, database, state);
    return result;
  }

  private static void flush(List<Operation> result, List<Operation> database, List<Operation> state) {
    if (!database.isEmpty() || !state.isEmpty()) {
      result.add(new SeparateDatabaseAndState(database, state));
      database.clear();
      state.clear();
    }
  }

  /** The annotation form of a migration's operations (the inverse of {@link #reconstruct(List)}). */
  public static List<Deconstructed> deconstruct(List<Operation> ops) {
    List<Deconstructed> result = new ArrayList<>();
    for (Operation op : ops) {
      if (op instanceof SeparateDatabaseAndState s) {
        for (Operation d : s.databaseOperations()) {
          result.add(scoped(d.deconstruct(), "DATABASE"));
        }
        for (Operation st : s.stateOperations()) {
          result.add(scoped(st.deconstruct(), "STATE"));
        }
      } else {
        result.add(op.deconstruct());
      }
    }
    return result;
  }

  /** {@code op} with {@code scope} set, right after {@code kind} as the annotation declares it. */
  private static Deconstructed scoped(Deconstructed op, String scope) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : op.values().entrySet()) {
      values.put(e.getKey(), e.getValue());
      if (e.getKey().equals("kind")) {
        values.put("scope", scope);
      }
    }
    return new Deconstructed(op.type(), values);
  }

  private static String javaClass(String name) {
    return name.isEmpty() || name.equals("void") ? null : name;
  }

  private static String required(String kind, String attribute, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(
          "Operation " + kind + " needs the attribute '" + attribute + "'.");
    }
    return value;
  }

  private static <T> T single(
      String kind, Deconstructed op, String attribute, java.util.function.Function<Deconstructed, T> f) {
    List<Deconstructed> children = op.children(attribute);
    if (children.size() != 1) {
      throw new IllegalArgumentException(
          "Operation " + kind + " needs exactly one value in '" + attribute + "', found "
              + children.size() + ".");
    }
    return f.apply(children.get(0));
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
